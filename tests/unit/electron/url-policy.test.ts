import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decideWindowOpen,
  drillOrigin,
  isAppUrl,
  isNavigationAllowed,
  isRedirectAllowed,
  originOf,
  resolveShellConfig,
  UrlPolicyError,
  wallWindowUrl,
  type OriginPolicy,
} from '../../../electron/main/url-policy';

const POLICY: OriginPolicy = { appOrigin: 'http://127.0.0.1:5870', aliases: [] };

describe('isAppUrl', () => {
  test('accepts pages, assets and query strings on the app origin, in any spelling of it', () => {
    for (const url of [
      'http://127.0.0.1:5870',
      'http://127.0.0.1:5870/',
      'http://127.0.0.1:5870/cesium/Workers/createVerticesFromHeightmap.js',
      'http://127.0.0.1:5870/?wall=map-wall#case/42',
      'HTTP://127.0.0.1:5870/index.html',
    ]) {
      assert.equal(isAppUrl(url, POLICY), true, url);
    }
  });

  test('rejects other origins, including ones that contain the app origin as text', () => {
    for (const url of [
      'http://127.0.0.1:3000/', // another port
      'https://127.0.0.1:5870/', // another scheme
      'http://localhost:5870/', // another host unless configured
      'http://127.0.0.1:5870@evil.com/', // userinfo trick: the host is evil.com
      'http://127.0.0.1:5870.evil.com/', // not a valid port: parse error
      'http://127.0.0.1.evil.com:5870/',
      'http://evil.com/?next=http://127.0.0.1:5870/',
      'http://evil.com/http://127.0.0.1:5870',
      'ws://127.0.0.1:5870/socket.io/',
    ]) {
      assert.equal(isAppUrl(url, POLICY), false, url);
    }
  });

  test('rejects non-web schemes and garbage', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.domain)',
      'file:///etc/passwd',
      'file://127.0.0.1:5870/etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'blob:http://127.0.0.1:5870/5b4c3f0e-1d35-4b3f-9a2f-5a5e8d3b4f10',
      'about:blank',
      'chrome://gpu',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
      '/relative/path',
      'http://',
      'http://[::1',
    ]) {
      assert.equal(isAppUrl(url, POLICY), false, url);
    }
    assert.equal(isAppUrl(undefined, POLICY), false);
    assert.equal(isAppUrl(42, POLICY), false);
  });

  test('rejects credentials even on the app host', () => {
    assert.equal(isAppUrl('http://user:pass@127.0.0.1:5870/', POLICY), false);
    assert.equal(originOf('http://user@127.0.0.1:5870/'), null);
  });

  test('localhost counts only when configured as an alias', () => {
    const withAlias: OriginPolicy = { ...POLICY, aliases: ['http://localhost:5870'] };
    assert.equal(isAppUrl('http://localhost:5870/', withAlias), true);
    assert.equal(isAppUrl('http://localhost:5871/', withAlias), false);
  });

  test('navigation and redirects follow the same origin rule', () => {
    assert.equal(isNavigationAllowed('http://127.0.0.1:5870/login', POLICY), true);
    assert.equal(isNavigationAllowed('https://www.example.com/', POLICY), false);
    assert.equal(isRedirectAllowed('http://127.0.0.1:5870/home', POLICY), true);
    assert.equal(isRedirectAllowed('http://127.0.0.1:5870@evil.com/', POLICY), false);
    assert.equal(isRedirectAllowed('http://10.0.0.8:5870/', POLICY), false);
  });
});

describe('decideWindowOpen', () => {
  test('always denies a new window; opens nothing externally by default', () => {
    for (const url of ['http://127.0.0.1:5870/popup', 'https://www.gov.cn/', 'javascript:alert(1)']) {
      assert.deepEqual(decideWindowOpen(url, []), { action: 'deny', openExternally: false }, url);
    }
  });

  test('hands allowlisted http(s) origins to the system browser, compared by origin', () => {
    const allow = ['https://www.gov.cn'];
    assert.deepEqual(decideWindowOpen('https://www.gov.cn/zhengce/', allow), {
      action: 'deny',
      openExternally: true,
    });
    for (const url of [
      'https://www.gov.cn.evil.com/',
      'https://www.gov.cn@evil.com/',
      'http://www.gov.cn/', // scheme differs
      'https://evil.com/?u=https://www.gov.cn',
      'file:///C:/Windows/System32/calc.exe',
    ]) {
      assert.deepEqual(decideWindowOpen(url, allow), { action: 'deny', openExternally: false }, url);
    }
  });
});

describe('resolveShellConfig', () => {
  test('defaults to http://127.0.0.1:5870', () => {
    const config = resolveShellConfig([], {});
    assert.equal(config.appUrl.href, 'http://127.0.0.1:5870/');
    assert.deepEqual(config.policy, { appOrigin: 'http://127.0.0.1:5870', aliases: [] });
    assert.deepEqual(config.externalOrigins, []);
    assert.equal(config.forceKiosk, false);
    assert.equal(config.layoutFile, null);
  });

  test('the command line wins over APP_URL; --kiosk and --wall-layout are read', () => {
    const config = resolveShellConfig(
      ['electron', 'main.cjs', '--app-url=http://127.0.0.1:6001', '--kiosk', '--wall-layout=/etc/wall.json'],
      {
        APP_URL: 'http://127.0.0.1:5999',
      },
    );
    assert.equal(config.policy.appOrigin, 'http://127.0.0.1:6001');
    assert.equal(config.forceKiosk, true);
    assert.equal(config.layoutFile, '/etc/wall.json');
    assert.equal(
      resolveShellConfig([], { APP_URL: 'http://127.0.0.1:5999/' }).policy.appOrigin,
      'http://127.0.0.1:5999',
    );
  });

  test('origin lists from the environment are normalised and validated', () => {
    const config = resolveShellConfig([], {
      APP_ORIGIN_ALIASES: 'http://LOCALHOST:5870 , ',
      EXTERNAL_LINK_ORIGINS: 'https://www.gov.cn:443',
      CSP_EXTRA_ORIGINS: 'http://tiles.city.internal:8080',
    });
    assert.deepEqual(config.policy.aliases, ['http://localhost:5870']);
    assert.deepEqual(config.externalOrigins, ['https://www.gov.cn']);
    assert.deepEqual(config.cspExtraOrigins, ['http://tiles.city.internal:8080']);
    assert.throws(() => resolveShellConfig([], { CSP_EXTRA_ORIGINS: "'unsafe-eval'" }), UrlPolicyError);
    assert.throws(
      () => resolveShellConfig([], { EXTERNAL_LINK_ORIGINS: 'https://a.example/path' }),
      /origin only/,
    );
  });

  test('rejects app URLs that are not plain http(s)', () => {
    for (const url of [
      'file:///opt/app/index.html',
      'javascript:alert(1)',
      'http://u:p@127.0.0.1:5870',
      'nonsense',
    ]) {
      assert.throws(() => resolveShellConfig([`--app-url=${url}`], {}), UrlPolicyError, url);
    }
  });
});

describe('wallWindowUrl', () => {
  test('puts the route on the app origin and tags the wall role', () => {
    const app = new URL('http://127.0.0.1:5870/');
    assert.equal(wallWindowUrl(app, '/', 'map-wall'), 'http://127.0.0.1:5870/?wall=map-wall');
    assert.equal(
      wallWindowUrl(app, '/video?grid=3', 'video-wall'),
      'http://127.0.0.1:5870/video?grid=3&wall=video-wall',
    );
    assert.throws(() => wallWindowUrl(app, '//evil.com/', 'map-wall'), UrlPolicyError);
  });
});

describe('drill windows (演练)', () => {
  const app = new URL('http://127.0.0.1:5870/');
  test('a node of the app host on another port is opened; anything else is not', () => {
    assert.equal(drillOrigin('http://127.0.0.1:41234', app), 'http://127.0.0.1:41234');
    assert.equal(drillOrigin('http://127.0.0.1:41234/', app), 'http://127.0.0.1:41234');
    assert.equal(drillOrigin('http://0.0.0.0:41234', app), 'http://127.0.0.1:41234', 'through the app host');
    assert.equal(drillOrigin('http://evil.example:41234', app), null);
    assert.equal(drillOrigin('http://127.0.0.1:41234@evil.example/', app), null);
    assert.equal(drillOrigin('https://127.0.0.1:41234', app), null, 'same scheme as the app');
    assert.equal(drillOrigin('http://127.0.0.1:41234/admin?x=1', app), null);
    assert.equal(drillOrigin('javascript:alert(1)', app), null);
    assert.equal(drillOrigin(42, app), null);
  });
});
