import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RELOAD_GUARD_MS, shouldReloadForRecovery } from '../../../renderer/src/app/recovery';

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
