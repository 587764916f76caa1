// Emergency command, pure: lifecycle table, unit rules, run cards, segments.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  allowedIncidentCommands,
  arrivesAt,
  checkAssign,
  checkIncidentCommand,
  checkUnitStatus,
  defaultRunCards,
  deriveIncidentState,
  incidentAfter,
  isStale,
  outstandingNeeds,
  percentile,
  responseSegments,
  runCardFor,
  segmentFigures,
  type UnitSnapshot,
} from '../../../server/src/domain/incidents/index';
import { DEFAULT_SEGMENT_TARGETS, incidentTypeOf } from '../../../contract/incidents';

const commander = { userId: 'u1', role: 'commander' };
const dispatcher = { userId: 'u2', role: 'dispatcher' };
const t0 = new Date('2026-12-06T08:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

const unit = (over: Partial<UnitSnapshot> = {}): UnitSnapshot => ({
  id: 'V1',
  kind: 'repair',
  departmentId: 'gas',
  districtCode: 'D1',
  status: 'available',
  statusSince: t0,
  incidentId: null,
  lon: 119.2,
  lat: 34.6,
  lastFixAt: t0,
  ...over,
});

describe('incident lifecycle table', () => {
  test('a reported incident may be assigned, noted, linked, cancelled, but not closed', () => {
    assert.deepEqual(allowedIncidentCommands('reported', 'commander'), [
      'assign',
      'note',
      'setLevel',
      'handOver',
      'link',
      'cancel',
    ]);
    const r = checkIncidentCommand('reported', commander, { command: 'close', summary: 'done' });
    assert.equal(r.ok, false);
    assert.ok(
      !r.ok && r.kind === 'illegal_state' && r.allowed.includes('assign') && !r.allowed.includes('close'),
    );
    assert.ok(!r.ok && /allowed: assign/.test(r.message));
  });

  test('roles: dispatchers assign but may not close, change the level or hand over', () => {
    assert.equal(
      checkIncidentCommand('dispatched', dispatcher, { command: 'assign', unitId: 'V1' }).ok,
      true,
    );
    for (const command of ['setLevel', 'handOver', 'close'] as const) {
      const r = checkIncidentCommand('on_scene', dispatcher, {
        command,
        level: 2,
        commanderId: 'x',
        summary: 's',
      });
      assert.ok(!r.ok && r.kind === 'forbidden', command);
    }
    const leader = checkIncidentCommand(
      'on_scene',
      { userId: 'l', role: 'leader' },
      { command: 'note', note: 'x' },
    );
    assert.ok(!leader.ok && leader.kind === 'forbidden');
  });

  test('required fields: close needs a summary, cancel a reason, link at least one id', () => {
    const close = checkIncidentCommand('under_control', commander, { command: 'close', summary: '  ' });
    assert.ok(!close.ok && close.kind === 'invalid' && /summary/.test(close.message));
    const cancel = checkIncidentCommand('dispatched', commander, { command: 'cancel' });
    assert.ok(!cancel.ok && cancel.kind === 'invalid');
    const link = checkIncidentCommand('dispatched', commander, { command: 'link', links: { caseIds: [] } });
    assert.ok(!link.ok && link.kind === 'invalid');
    assert.equal(
      checkIncidentCommand('on_scene', commander, { command: 'close', summary: '已处置' }).ok,
      true,
    );
  });

  test('closed and cancelled incidents allow nothing', () => {
    assert.deepEqual(allowedIncidentCommands('closed', 'commander'), []);
    assert.deepEqual(allowedIncidentCommands('cancelled', 'dispatcher'), []);
  });

  test('the state follows the units forward only', () => {
    assert.equal(deriveIncidentState('reported', ['dispatched'], true), 'dispatched');
    assert.equal(deriveIncidentState('dispatched', ['dispatched', 'en_route'], true), 'responding');
    assert.equal(deriveIncidentState('responding', ['en_route', 'on_scene'], true), 'on_scene');
    assert.equal(deriveIncidentState('under_control', ['en_route'], true), 'under_control');
    assert.equal(deriveIncidentState('on_scene', ['returning'], true), 'on_scene');
  });
});

describe('units', () => {
  test('an available unit may be assigned; a committed one gets 409 naming its incident', () => {
    assert.deepEqual(checkAssign(unit(), 'I1'), { ok: true });
    const busy = checkAssign(unit({ status: 'en_route', incidentId: 'I9' }), 'I1');
    assert.ok(!busy.ok && busy.kind === 'illegal_state' && /I9/.test(busy.message));
    const same = checkAssign(unit({ status: 'dispatched', incidentId: 'I1' }), 'I1');
    assert.ok(!same.ok);
    assert.ok(checkAssign(unit({ status: 'returning' }), 'I1').ok);
    assert.ok(!checkAssign(unit({ status: 'out_of_service' }), 'I1').ok);
  });

  test('status changes follow the table; committed statuses need an incident; release frees the unit', () => {
    assert.ok(checkUnitStatus(unit({ status: 'dispatched', incidentId: 'I1' }), 'en_route').ok);
    const skip = checkUnitStatus(unit({ status: 'out_of_service' }), 'on_scene');
    assert.ok(!skip.ok && skip.kind === 'illegal_state' && /allowed: available/.test(skip.message));
    const none = checkUnitStatus(unit({ status: 'available' }), 'dispatched');
    assert.ok(!none.ok && none.kind === 'invalid');
    assert.equal(incidentAfter(unit({ status: 'on_scene', incidentId: 'I1' }), 'returning'), null);
    assert.equal(incidentAfter(unit({ status: 'en_route', incidentId: 'I1' }), 'on_scene'), 'I1');
  });

  test('arrival: en route and within 50 m of the site', () => {
    const site = [119.2, 34.6] as const;
    const near = [119.2 + 40 / 92_000, 34.6] as const; // about 40 m east
    const far = [119.2 + 70 / 92_000, 34.6] as const; // about 70 m east
    assert.equal(arrivesAt({ status: 'en_route' }, near, site), true);
    assert.equal(arrivesAt({ status: 'en_route' }, far, site), false);
    assert.equal(arrivesAt({ status: 'available' }, near, site), false);
  });

  test('a fix older than 5 minutes, or none, is stale', () => {
    assert.equal(isStale(unit({ lastFixAt: at(-299) }), t0), false);
    assert.equal(isStale(unit({ lastFixAt: at(-301) }), t0), true);
    assert.equal(isStale(unit({ lastFixAt: null }), t0), true);
  });
});

describe('run cards', () => {
  test('gas leak level Ⅲ: 2 gas repair vehicles, 1 enforcement, 1 sanitation', () => {
    const card = runCardFor('gas_leak', 3);
    assert.deepEqual(
      card.needs.map((n) => [n.kind, n.departmentId, n.count]),
      [
        ['repair', 'gas', 2],
        ['enforcement', null, 1],
        ['sanitation', null, 1],
      ],
    );
  });

  test('more severe levels need more; every type × level has a card; an edited card wins', () => {
    const total = (l: 1 | 2 | 3 | 4) => runCardFor('public_fire', l).needs.reduce((s, n) => s + n.count, 0);
    assert.ok(total(1) > total(2) && total(2) > total(3) && total(3) >= total(4));
    assert.equal(defaultRunCards().length, 7 * 4);
    const edited = {
      type: 'gas_leak' as const,
      level: 3 as const,
      needs: [{ kind: 'emergency' as const, departmentId: null, count: 4 }],
    };
    assert.deepEqual(runCardFor('gas_leak', 3, [edited]), edited);
  });

  test('outstanding needs subtract committed units, department-specific needs first', () => {
    const card = runCardFor('gas_leak', 3);
    const left = outstandingNeeds(card, [
      { kind: 'repair', departmentId: 'gas' },
      { kind: 'sanitation', departmentId: 'sanitation' },
    ]);
    assert.deepEqual(
      left.map((n) => [n.kind, n.count]),
      [
        ['repair', 1],
        ['enforcement', 1],
      ],
    );
  });

  test('incident types follow the category tree', () => {
    assert.equal(incidentTypeOf('event-0403'), 'gas_leak');
    assert.equal(incidentTypeOf('event-0111'), 'waterlogging');
    assert.equal(incidentTypeOf('event-0499'), 'other');
    assert.equal(incidentTypeOf('part-0101'), 'other');
  });
});

describe('response-time segments', () => {
  test('call processing, turnout, travel and response of the first unit on scene', () => {
    const s = responseSegments({
      receivedAt: t0,
      unitEvents: [
        { unitId: 'A', status: 'dispatched', at: at(60) },
        { unitId: 'B', status: 'dispatched', at: at(70) },
        { unitId: 'A', status: 'en_route', at: at(150) },
        { unitId: 'B', status: 'en_route', at: at(100) },
        { unitId: 'B', status: 'on_scene', at: at(400) },
        { unitId: 'A', status: 'on_scene', at: at(500) },
      ],
    });
    assert.deepEqual(s, { callProcessingS: 60, turnoutS: 30, travelS: 300, responseS: 340 });
  });

  test('segments not yet reached are null', () => {
    const s = responseSegments({
      receivedAt: t0,
      unitEvents: [{ unitId: 'A', status: 'dispatched', at: at(30) }],
    });
    assert.deepEqual(s, { callProcessingS: 30, turnoutS: null, travelS: null, responseS: null });
  });

  test('90th percentile by nearest rank, grouped by type and district, with the share within target', () => {
    assert.equal(percentile([], 90), null);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.equal(percentile([5], 90), 5);
    const seg = (r: number) => ({ callProcessingS: 30, turnoutS: 60, travelS: r - 60, responseS: r });
    const figures = segmentFigures(
      [
        ...[300, 400, 500, 600, 700].map((r) => ({ type: 'gas_leak', districtCode: 'D1', segments: seg(r) })),
        { type: 'gas_leak', districtCode: 'D2', segments: seg(200) },
      ],
      DEFAULT_SEGMENT_TARGETS,
    );
    const d1 = figures.find((f) => f.districtCode === 'D1');
    assert.equal(d1?.incidents, 5);
    assert.equal(d1?.p90.responseS, 700);
    assert.equal(d1?.withinTarget.responseS, 3 / 5);
    assert.equal(figures.length, 2);
  });
});
