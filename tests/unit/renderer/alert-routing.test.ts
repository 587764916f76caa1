// Alarm pop-ups go to the alarm's owner and never over an open drawer; others get a toast; a storm folds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AlarmView } from '@contract/alarms';
import { alertView, ownsAlarm, soundFor, STORM_AT } from '../../../renderer/src/state/alertRouting';
import { initialAlerts, reduceAlerts } from '../../../renderer/src/state/alerts';

let serial = 0;
function alarm(patch: Partial<AlarmView> = {}): AlarmView {
  serial += 1;
  return AlarmView.parse({
    id: `alarm-${serial}`,
    sensorId: `GAS-${serial}`,
    sensorType: 'gas',
    sensorName: `燃气井 ${serial}`,
    kind: 'threshold',
    level: 2,
    status: 'open',
    direction: 'above',
    threshold: 25,
    value: 31,
    peak: 31,
    count: 3,
    unit: '%LEL',
    lon: 119.17,
    lat: 34.6,
    districtCode: '329801',
    gridCellId: null,
    firstSeenAt: '2026-12-01T08:00:00.000Z',
    lastSeenAt: '2026-12-01T08:00:01.000Z',
    clearedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    decidedAt: null,
    decidedBy: null,
    note: '',
    caseId: null,
    incidentId: null,
    drill: false,
    version: 1,
    ...patch,
  });
}

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
