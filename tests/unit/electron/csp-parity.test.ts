// The server sends the Electron shell's Content Security Policy (issue 17): one policy for every window.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cspHeader } from '../../../contract/csp';
import { buildCsp } from '../../../electron/main/security';

test('the server CSP (contract/csp.ts) equals the shell CSP for the same origin and extras', () => {
  assert.equal(cspHeader('ws://127.0.0.1:5870'), buildCsp('http://127.0.0.1:5870'));
  assert.equal(
    cspHeader('ws://hall:5870', ['https://tiles.example.cn']),
    buildCsp('http://hall:5870', ['https://tiles.example.cn']),
  );
  assert.match(cspHeader(null), /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval';/);
});
