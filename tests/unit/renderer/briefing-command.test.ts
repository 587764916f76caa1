// The briefing's emergency command, pure: the incident board's rows from the live picture (level order,
// units by status, ETAs of those on their way, drills left out) and vehicle tracks as trips by kind.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IncidentView } from '../../../contract/city';
import { emptyLiveState } from '../../../contract/live-state';
import type { PlaybackFix } from '../../../contract/playback';
import type { UnitLive } from '../../../contract/stream';
import { KIND_COLORS, OTHER_COLOR, loopTime, tripsOf } from '../../../renderer/src/map/deck/tracks';
import { incidentRows } from '../../../renderer/src/panels/briefing/incidentRows';

const incident = (id: string, severity: number, startedAt: string, drill = false) =>
  ({ id, severity, startedAt, drill, status: 'active', title: id }) as IncidentView;
const unit = (id: string, incidentId: string, status: string, etaAt: string | null = null): UnitLive => ({
  id,
  kind: 'repair',
  label: id,
  departmentId: null,
  status,
  statusSince: '2026-12-06T08:00:00Z',
  incidentId,
  version: 1,
  etaAt,
});

describe('briefing incident board', () => {
  test('most severe first, then oldest; units by status; the soonest arrival first; no drills', () => {
    const live = {
      ...emptyLiveState(),
      seq: 9,
      incidents: new Map([
        ['a', incident('a', 3, '2026-12-06T07:00:00Z')],
        ['b', incident('b', 2, '2026-12-06T07:30:00Z')],
        ['c', incident('c', 3, '2026-12-06T06:00:00Z')],
        ['d', incident('d', 1, '2026-12-06T06:00:00Z', true)],
      ]),
      units: new Map(
        [
          unit('u1', 'a', 'en_route', '2026-12-06T08:09:00Z'),
          unit('u2', 'a', 'en_route', '2026-12-06T08:04:00Z'),
          unit('u3', 'a', 'on_scene'),
          unit('u4', 'a', 'dispatched', '2026-12-06T08:01:00Z'),
          unit('u5', 'b', 'on_scene'),
        ].map((u) => [u.id, u]),
      ),
    };
    const rows = incidentRows(live);
    assert.deepEqual(
      rows.map((r) => r.incident.id),
      ['b', 'c', 'a'],
    );
    const a = rows[2]!;
    assert.equal(a.total, 4);
    assert.deepEqual(a.counts, [
      { status: 'dispatched', count: 1 },
      { status: 'en_route', count: 2 },
      { status: 'on_scene', count: 1 },
    ]);
    assert.deepEqual(
      a.arriving.map((x) => x.unit.id),
      ['u2', 'u1'],
      'en route only, soonest first (a dispatched unit has not set off)',
    );
    assert.equal(rows[1]!.total, 0);
  });
});

describe('vehicle tracks', () => {
  const fix = (vehicleId: string, at: string, lon: number): PlaybackFix => ({
    vehicleId,
    at,
    lon,
    lat: 34.6,
    heading: 0,
    speedKmh: 20,
  });
  const centre = { lon: 119.18, lat: 34.6 };
  const from = Date.parse('2026-12-06T07:00:00Z');

  test('one trip per vehicle, timed from the start, coloured by kind; a long silence starts a new trip', () => {
    const fixes = [
      fix('v1', '2026-12-06T07:00:10Z', 119.18),
      fix('v2', '2026-12-06T07:00:10Z', 119.19),
      fix('v1', '2026-12-06T07:00:20Z', 119.181),
      fix('v2', '2026-12-06T07:00:20Z', 119.191),
      fix('v1', '2026-12-06T07:20:00Z', 119.2), // 20 min later: a new trip, alone so dropped
      fix('v3', '2026-12-06T07:00:30Z', 119.17), // a single fix draws nothing
    ];
    const trips = tripsOf(fixes, new Map([['v1', 'sanitation']]), centre, from);
    assert.deepEqual(
      trips.map((t) => t.vehicleId),
      ['v1', 'v2'],
    );
    assert.deepEqual(trips[0]!.timestamps, [10, 20]);
    assert.deepEqual(trips[0]!.color, KIND_COLORS.sanitation);
    assert.deepEqual(trips[1]!.color, OTHER_COLOR, 'unknown kind');
    assert.ok(Math.abs(trips[0]!.path[0]![0]) < 1e-6, 'metres from the centre');
    assert.ok(trips[0]!.path[1]![0] > 80, 'east of the centre');
  });

  test('the animation loops the period', () => {
    assert.equal(loopTime(0, 3600, 60_000), 0);
    assert.equal(loopTime(30_000, 3600, 60_000), 1800);
    assert.equal(loopTime(90_000, 3600, 60_000), 1800);
  });
});
