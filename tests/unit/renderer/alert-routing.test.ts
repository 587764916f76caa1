// Alarm pop-ups go to the alarm's owner and never over an open drawer; others get a toast; a storm folds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AlarmView } from '@contract/alarms';
import { alertView, ownsAlarm, soundFor, STORM_AT } from '../../../renderer/src/state/alertRouting';
import { initialAlerts, reduceAlerts } from '../../../renderer/src/state/alerts';
import { alarm } from './fixtures';

const commander = { role: 'commander' as const, districtCode: null };
const supervisor = { role: 'supervisor' as const, districtCode: null };
const districtSupervisor = { role: 'supervisor' as const, districtCode: '329801' };
const dispatcher = { role: 'dispatcher' as const, districtCode: null };

const withAlarms = (...alarms: AlarmView[]) =>
  alarms.reduce((s, a) => reduceAlerts(s, { type: 'alarm', alarm: a }), initialAlerts());

describe('alarm routing', () => {
  test('the commander owns every alarm, a supervisor only those of their district', () => {
    const a = alarm();
    assert.equal(ownsAlarm(commander, a), true);
    assert.equal(ownsAlarm(districtSupervisor, a), true);
    assert.equal(ownsAlarm(districtSupervisor, { districtCode: '329802' }), false);
    assert.equal(ownsAlarm(supervisor, a), false);
    assert.equal(ownsAlarm(dispatcher, a), false);
  });

  test('the owner gets the pop-up, docked while a drawer is open; others a toast that never sounds', () => {
    const alerts = withAlarms(alarm());
    assert.equal(alertView({ alerts, user: commander, drawerOpen: false }).mode, 'popup');
    assert.equal(alertView({ alerts, user: commander, drawerOpen: true }).mode, 'docked');
    assert.equal(alertView({ alerts, user: supervisor, drawerOpen: true }).mode, 'toast');
    assert.equal(alertView({ alerts, user: dispatcher, drawerOpen: false }).mode, 'toast');
    assert.equal(soundFor({ alerts, user: dispatcher, drawerOpen: false, muted: false }), 'off');
    assert.equal(soundFor({ alerts, user: commander, drawerOpen: true, muted: false }), 'level-2');
    assert.equal(soundFor({ alerts, user: commander, drawerOpen: false, muted: true }), 'muted');
  });

  test('a storm of alarms folds into one counted notice', () => {
    const alerts = withAlarms(...Array.from({ length: STORM_AT + 2 }, () => alarm()));
    const view = alertView({ alerts, user: commander, drawerOpen: false });
    assert.equal(view.mode, 'storm');
    assert.equal(view.count, STORM_AT + 2);
  });

  test('a toast put away stays away until a new alarm arrives', () => {
    const first = alarm();
    let alerts = withAlarms(first);
    alerts = reduceAlerts(alerts, { type: 'dismiss', ids: [first.id] });
    assert.equal(alertView({ alerts, user: dispatcher, drawerOpen: false }).mode, 'none');
    assert.equal(
      alertView({ alerts, user: commander, drawerOpen: false }).mode,
      'popup',
      'still the owner’s',
    );
    alerts = reduceAlerts(alerts, { type: 'alarm', alarm: alarm() });
    const view = alertView({ alerts, user: dispatcher, drawerOpen: false });
    assert.equal(view.mode, 'toast');
    assert.equal(view.count, 1);
  });
});
