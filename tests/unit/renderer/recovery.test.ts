import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  holdsTypedText,
  RELOAD_GUARD_MS,
  recoveryAction,
  shouldReloadForRecovery,
} from '../../../renderer/src/app/recovery';

const NOW = 1_000_000_000;

describe('recovery reload policy', () => {
  test('reloads on reconnection when the map never became ready', () => {
    assert.equal(
      shouldReloadForRecovery({ mapStatus: 'loading', reconnected: true, now: NOW, lastReloadAt: null }),
      true,
    );
    assert.equal(
      shouldReloadForRecovery({ mapStatus: 'error', reconnected: true, now: NOW, lastReloadAt: null }),
      true,
    );
  });

  test('never for a screen that runs without the map (?map=off)', () => {
    assert.equal(
      shouldReloadForRecovery({ mapStatus: 'off', reconnected: true, now: NOW, lastReloadAt: null }),
      false,
    );
  });

  test('never on the first connection or with a ready map', () => {
    assert.equal(
      shouldReloadForRecovery({ mapStatus: 'loading', reconnected: false, now: NOW, lastReloadAt: null }),
      false,
    );
    assert.equal(
      shouldReloadForRecovery({ mapStatus: 'ready', reconnected: true, now: NOW, lastReloadAt: null }),
      false,
    );
  });

  test('at most once per guard interval, so a real fault cannot loop', () => {
    const recent = { mapStatus: 'error' as const, reconnected: true, now: NOW };
    assert.equal(shouldReloadForRecovery({ ...recent, lastReloadAt: NOW - RELOAD_GUARD_MS + 1 }), false);
    assert.equal(shouldReloadForRecovery({ ...recent, lastReloadAt: NOW - RELOAD_GUARD_MS }), true);
  });
});

describe('recovery never wipes typed input', () => {
  const stuck = { mapStatus: 'error' as const, reconnected: true, now: NOW, lastReloadAt: null };

  test('reloads by itself only when signed in with no typed input', () => {
    assert.equal(recoveryAction({ ...stuck, signedIn: true, holdsInput: false }), 'reload');
  });

  test('offers the reload on the login form or over typed text', () => {
    assert.equal(recoveryAction({ ...stuck, signedIn: false, holdsInput: false }), 'offer');
    assert.equal(recoveryAction({ ...stuck, signedIn: false, holdsInput: true }), 'offer');
    assert.equal(recoveryAction({ ...stuck, signedIn: true, holdsInput: true }), 'offer');
  });

  test('nothing to do with a ready map or on the first connection', () => {
    assert.equal(recoveryAction({ ...stuck, mapStatus: 'ready', signedIn: false, holdsInput: true }), 'none');
    assert.equal(recoveryAction({ ...stuck, reconnected: false, signedIn: true, holdsInput: false }), 'none');
  });

  test('a field holds typed text unless it is untyped, empty or read-only', () => {
    assert.equal(holdsTypedText({ tagName: 'INPUT', type: 'text', value: 'super' }), true);
    assert.equal(holdsTypedText({ tagName: 'INPUT', type: 'password', value: 'x' }), true);
    assert.equal(holdsTypedText({ tagName: 'TEXTAREA', value: '现场已处理' }), true);
    assert.equal(holdsTypedText({ tagName: 'INPUT', type: 'checkbox', value: 'on' }), false);
    assert.equal(holdsTypedText({ tagName: 'INPUT', type: 'text', value: '   ' }), false);
    assert.equal(holdsTypedText({ tagName: 'TEXTAREA', value: 'a', readOnly: true }), false);
    assert.equal(holdsTypedText({ tagName: 'SELECT', value: 'x' }), false);
  });
});
