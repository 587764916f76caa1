import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ALLOWED_PERMISSIONS,
  buildCsp,
  isPermissionAllowed,
  isTrustedSender,
  webPreferences,
  withCsp,
} from '../../../electron/main/security';
import type { OriginPolicy } from '../../../electron/main/url-policy';

const POLICY: OriginPolicy = { appOrigin: 'http://127.0.0.1:5870', aliases: [] };
const APP = 'http://127.0.0.1:5870/';

/** Parses a CSP into directive name → sources. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('webPreferences', () => {
  test('isolated, sandboxed, no Node.js, no insecure content, no webview', () => {
    const prefs = webPreferences('/opt/city-ops/preload.cjs', { devTools: false });
    assert.deepEqual(prefs, {
      preload: '/opt/city-ops/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      autoplayPolicy: 'no-user-gesture-required',
      devTools: false,
    });
    // Set explicitly, not left to defaults that changed between Electron versions.
    assert.equal(Object.hasOwn(prefs, 'sandbox'), true);
    assert.equal(webPreferences('/p.cjs', { devTools: true }).devTools, true);
  });
});

describe('Content Security Policy', () => {
  const csp = buildCsp('http://127.0.0.1:5870');
  const d = directives(csp);

  test("starts from default-src 'none' and never allows eval or remote scripts", () => {
    assert.ok(csp.startsWith("default-src 'none'"), csp);
    assert.doesNotMatch(csp, /'unsafe-eval'/);
    assert.deepEqual(d.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
    assert.equal(d.get('script-src')?.includes("'unsafe-inline'"), false);
    for (const [name, sources] of d) {
      assert.ok(!sources.includes('*'), `${name} allows *`);
      assert.ok(!sources.includes('http:') && !sources.includes('https:'), `${name} allows any host`);
    }
  });

  test('allows what Cesium, Socket.IO and hls.js need from the app', () => {
    assert.deepEqual(d.get('worker-src'), ["'self'", 'blob:']);
    assert.deepEqual(d.get('img-src'), ["'self'", 'data:', 'blob:']);
    assert.deepEqual(d.get('media-src'), ["'self'", 'blob:']);
    assert.ok(d.get('connect-src')?.includes('ws://127.0.0.1:5870'));
    assert.ok(d.get('connect-src')?.includes("'self'"));
    assert.equal(
      directives(buildCsp('https://ops.city.gov.cn')).get('connect-src')?.[1],
      'wss://ops.city.gov.cn',
    );
  });

  test('closes the directives that do not fall back to default-src', () => {
    assert.deepEqual(d.get('base-uri'), ["'none'"]);
    assert.deepEqual(d.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(d.get('form-action'), ["'self'"]);
    assert.deepEqual(d.get('object-src'), ["'none'"]);
  });

  test('extra origins may serve images, media and data, never scripts; garbage is refused', () => {
    const extra = directives(buildCsp('http://127.0.0.1:5870', ['http://tiles.city.internal:8080/']));
    for (const name of ['img-src', 'media-src', 'connect-src']) {
      assert.ok(extra.get(name)?.includes('http://tiles.city.internal:8080'), name);
    }
    assert.ok(!extra.get('script-src')?.includes('http://tiles.city.internal:8080'));
    assert.throws(() => buildCsp('http://127.0.0.1:5870', ["* 'unsafe-eval'"]));
    assert.throws(() => buildCsp('file:///opt/app'));
  });

  test('withCsp adds the policy and keeps one the server sent', () => {
    assert.deepEqual(withCsp(undefined, csp), { 'Content-Security-Policy': [csp] });
    const merged = withCsp(
      { 'content-type': ['text/html'], 'content-security-policy': ["script-src 'self'"] },
      csp,
    );
    assert.deepEqual(merged['content-security-policy'], ["script-src 'self'", csp]);
    assert.deepEqual(merged['content-type'], ['text/html']);
    assert.equal(merged['Content-Security-Policy'], undefined);
  });
});

describe('permissions', () => {
  test('camera, microphone, location and the rest are denied, even to the app', () => {
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'display-capture',
      'midi',
      'midiSysex',
      'hid',
      'serial',
      'usb',
      'openExternal',
      'pointerLock',
      'window-management',
      'unknown',
    ]) {
      assert.equal(isPermissionAllowed(permission, APP, POLICY), false, permission);
    }
  });

  test('fullscreen and notifications only from the app origin', () => {
    assert.deepEqual([...ALLOWED_PERMISSIONS].sort(), ['fullscreen', 'notifications']);
    assert.equal(isPermissionAllowed('fullscreen', APP, POLICY), true);
    assert.equal(isPermissionAllowed('notifications', 'http://127.0.0.1:5870', POLICY), true);
    for (const url of [
      'https://evil.com/',
      'http://127.0.0.1:5870@evil.com/',
      'http://localhost:5870/',
      '',
      undefined,
      null,
    ]) {
      assert.equal(isPermissionAllowed('notifications', url, POLICY), false, String(url));
    }
  });
});

describe('isTrustedSender', () => {
  test('only frames showing the app origin', () => {
    assert.equal(isTrustedSender('http://127.0.0.1:5870/?wall=map-wall', POLICY), true);
    for (const url of [
      'http://127.0.0.1:5871/',
      'about:blank',
      'file:///tmp/x.html',
      'data:text/html,x',
      '',
      null,
      undefined,
    ]) {
      assert.equal(isTrustedSender(url, POLICY), false, String(url));
    }
  });
});
