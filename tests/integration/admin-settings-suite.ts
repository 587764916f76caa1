// Administration of reference data and settings through real HTTP against a real database (shared by
// the SQLite run and the PostgreSQL run): each change
// applied and audited in the one audit table, bad input a 400 that says what to fix, non-admins 403,
// stale versions 409, and the running server using the new values (new clocks, deadlines, alarms).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  AdminCalendar,
  AdminChangeView,
  AdminDepartment,
  AdminRunCard,
  AdminThresholds,
  AdminTimeLimits,
} from '@contract/admin';
import type { CaseDetail } from '@contract/cases';
import { recordChange } from '../../server/src/audit/admin-changes';
import { startTestServer, type TestServer } from '../support/server';
import { ingest } from './ingest-helpers';

type Err = { error: { code: string; message: { zh: string; en: string }; details?: { version?: number } } };
const POINT = { lon: 119.16, lat: 34.61 };

export function adminSettingsSuite(name: string, databaseUrl: () => Promise<string | undefined>) {
  describe(`administration: reference data and settings (${name})`, () => {
    let s: TestServer;
    let admin: string;
    let supervisor: string;
    const changes = async (query: string) =>
      (await s.api<{ changes: AdminChangeView[] }>('GET', `/api/admin/changes?${query}`, undefined, admin))
        .body.changes;

    before(async () => {
      const url = await databaseUrl();
      s = await startTestServer(url ? { databaseUrl: url } : {});
      admin = await s.loginAs('admin');
      supervisor = await s.loginAs('supervisor');
    });
    after(async () => {
      await s?.close();
    });

    test('departments: create, change, stale 409, deactivate instead of delete, audited', async () => {
      assert.equal((await s.api('GET', '/api/admin/departments', undefined, supervisor)).status, 403);
      const bad = await s.api<Err>(
        'POST',
        '/api/admin/departments',
        { id: 'river-office', name: '河道管理所', kind: 'district' },
        admin,
      );
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message.en, /districtCode/);
      const unknownCat = await s.api<Err>(
        'POST',
        '/api/admin/departments',
        { id: 'river-office', name: '河道管理所', kind: 'functional', categoryIds: ['event-9999'] },
        admin,
      );
      assert.equal(unknownCat.status, 400);
      assert.match(unknownCat.body.error.message.en, /event-9999/);
      const created = await s.api<{ department: AdminDepartment }>(
        'POST',
        '/api/admin/departments',
        { id: 'river-office', name: '河道管理所', kind: 'functional', categoryIds: ['event-0105'] },
        admin,
      );
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const v1 = created.body.department.version;
      assert.ok(v1 > 0);
      const renamed = await s.api<{ department: AdminDepartment }>(
        'PATCH',
        '/api/admin/departments/river-office',
        { version: v1, name: '河道管理处' },
        admin,
      );
      assert.equal(renamed.status, 200);
      const stale = await s.api<Err>(
        'PATCH',
        '/api/admin/departments/river-office',
        { version: v1, name: '旧名' },
        admin,
      );
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.details?.version, renamed.body.department.version);
      // The running server routes with the new department at once.
      const ref = await s.api<{ departments: Array<{ id: string; name: string }> }>(
        'GET',
        '/api/reference',
        undefined,
        supervisor,
      );
      assert.equal(ref.body.departments.find((d) => d.id === 'river-office')?.name, '河道管理处');

      const list = await s.api<{ departments: AdminDepartment[] }>(
        'GET',
        '/api/admin/departments',
        undefined,
        admin,
      );
      const busy = list.body.departments.find((d) => d.caseCount > 0 || d.id === 'sanitation');
      assert.ok(busy);
      const refused = await s.api<Err>(
        'DELETE',
        `/api/admin/departments/${busy.id}?version=${busy.version}`,
        undefined,
        admin,
      );
      assert.equal(refused.status, 409);
      assert.match(refused.body.error.message.en, /deactivate/);
      const off = await s.api<{ department: AdminDepartment }>(
        'PATCH',
        `/api/admin/departments/${busy.id}`,
        { version: busy.version, active: false },
        admin,
      );
      assert.equal(off.status, 200);
      assert.equal(off.body.department.active, false);
      const gone = await s.api(
        'DELETE',
        `/api/admin/departments/river-office?version=${renamed.body.department.version}`,
        undefined,
        admin,
      );
      assert.equal(gone.status, 200);

      const history = await changes('entity=department&entityId=river-office');
      assert.deepEqual(
        history.map((c) => c.action),
        ['delete', 'update', 'create'],
      );
      assert.deepEqual(history[1]?.before, { name: '河道管理所' });
      assert.deepEqual(history[1]?.after, { name: '河道管理处' });
      // One audit table: the same entries are in the security audit.
      const audit = await s.api<{ entries: Array<{ action: string; target: string }> }>(
        'GET',
        '/api/admin/audit?limit=50',
        undefined,
        admin,
      );
      const filtered = await s.api<{ entries: Array<{ action: string }> }>(
        'GET',
        '/api/admin/audit?action=admin.department.delete',
        undefined,
        admin,
      );
      assert.deepEqual(
        filtered.body.entries.map((e) => e.action),
        ['admin.department.delete'],
      );
      // The admin also has the leaders' view.
      assert.equal((await s.api('GET', '/api/evaluation', undefined, admin)).status, 200);
      assert.ok(
        audit.body.entries.some(
          (e) => e.action === 'admin.department.create' && e.target === 'department:river-office',
        ),
      );
    });

    test('time limits and the calendar: new clocks use the new limit; a holiday moves the deadline', async () => {
      const url = '/api/admin/time-limits/event-0103';
      assert.equal((await s.api('PUT', url, { version: 0, rows: [] }, supervisor)).status, 403);
      const current = await s.api<AdminTimeLimits>('GET', url, undefined, admin);
      assert.equal(current.status, 200);
      const bad = await s.api<Err>(
        'PUT',
        url,
        {
          version: current.body.version,
          rows: [{ urgency: 'normal', step: 'accept', unit: 'hours', minutes: 0 }],
        },
        admin,
      );
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message.en, /unit|minutes/);
      const longer = await s.api<Err>(
        'PUT',
        url,
        {
          version: current.body.version,
          rows: [
            { urgency: 'normal', step: 'accept', unit: 'natural_minutes', minutes: 600 },
            { urgency: 'normal', step: 'overall', unit: 'natural_minutes', minutes: 300 },
          ],
        },
        admin,
      );
      assert.equal(longer.status, 400);
      assert.match(longer.body.error.message.en, /longer than the overall/);

      // The category itself: audited, versioned, and new cases take its new default urgency.
      const category = current.body.category;
      assert.ok(category && category.version === 0);
      const urgent = await s.api(
        'PATCH',
        '/api/admin/categories/event-0103',
        { version: 0, defaultUrgency: 'urgent' },
        admin,
      );
      assert.equal(urgent.status, 200);
      assert.equal(
        (await s.api('PATCH', '/api/admin/categories/event-0103', { version: 0, active: false }, admin))
          .status,
        409,
      );
      const [catChange] = await changes('entity=category&entityId=event-0103');
      assert.deepEqual(catChange?.before, { defaultUrgency: category.defaultUrgency });
      assert.deepEqual(catChange?.after, { defaultUrgency: 'urgent' });
      const put = (version: number, unit: string, minutes: number) =>
        s.api<AdminTimeLimits & Err>(
          'PUT',
          url,
          { version, rows: [{ urgency: 'normal', step: 'accept', unit, minutes }] },
          admin,
        );
      const natural = await put(current.body.version, 'natural_minutes', 90);
      assert.equal(natural.status, 200, JSON.stringify(natural.body));
      assert.equal((await put(current.body.version, 'natural_minutes', 60)).status, 409, 'stale version');
      const report = async () => {
        const r = await s.api<CaseDetail>(
          'POST',
          '/api/cases',
          {
            source: 'hotline',
            description: '积存垃圾',
            categoryId: 'event-0103',
            urgency: 'normal',
            ...POINT,
          },
          supervisor,
        );
        assert.equal(r.status, 201, JSON.stringify(r.body));
        assert.equal(r.body.clock.step, 'accept');
        return Date.parse(r.body.clock.deadline ?? '');
      };
      const now = s.clock.now().getTime();
      assert.equal(await report(), now + 90 * 60_000, 'the new clock runs on the new limit');

      // 16 working hours from Monday 10:00 (+08:00) end on Wednesday; a holiday on Tuesday moves it by a day.
      const working = await put(natural.body.version, 'working_minutes', 16 * 60);
      assert.equal(working.status, 200);
      const before = await report();
      const year = await s.api<AdminCalendar>('GET', '/api/admin/calendar/2026', undefined, admin);
      const tuesday = '2026-11-24';
      const badDay = await s.api<Err>(
        'PUT',
        '/api/admin/calendar/2026',
        { version: year.body.version, days: [...year.body.days, { date: tuesday, kind: 'workday' }] },
        admin,
      );
      assert.equal(badDay.status, 400);
      assert.match(badDay.body.error.message.en, /weekday already/);
      const holiday = await s.api<AdminCalendar>(
        'PUT',
        '/api/admin/calendar/2026',
        {
          version: year.body.version,
          days: [...year.body.days, { date: tuesday, kind: 'holiday', name: '测试假日' }],
        },
        admin,
      );
      assert.equal(holiday.status, 200, JSON.stringify(holiday.body));
      const moved = await report();
      assert.equal(moved - before, 24 * 3_600_000, 'the deadline skips the new holiday');
      const stale = await s.api(
        'PUT',
        '/api/admin/calendar/2026',
        { version: year.body.version, days: [] },
        admin,
      );
      assert.equal(stale.status, 409);
      const history = await changes('entity=calendar&entityId=2026');
      assert.deepEqual(history[0]?.after, { [tuesday]: 'holiday' });
      assert.deepEqual(history[0]?.before, { [tuesday]: 'normal' });
      const limits = await changes('entity=timeLimit&entityId=event-0103');
      assert.equal(limits.length, 2);
      assert.deepEqual(limits[0]?.before, { 'normal.accept': '90 natural_minutes' });
      assert.deepEqual(limits[0]?.after, { 'normal.accept': '960 working_minutes' });
    });

    test('thresholds by type and by sensor: the next reading is judged by the new values', async () => {
      const sensors = await s.api<{ sensors: Array<{ id: string; type: string }> }>(
        'GET',
        '/api/sensors?type=gas',
        undefined,
        supervisor,
      );
      const [first, second] = sensors.body.sensors.filter((x) => x.type === 'gas');
      assert.ok(first && second);
      const read = (sensorId: string, values: number[]) =>
        ingest<{ raised: number }>(s, '/api/ingest/readings', {
          readings: values.map((value) => ({ sensorId, value })),
        });
      assert.equal((await s.api('GET', '/api/admin/thresholds/gas', undefined, supervisor)).status, 403);
      const gas = await s.api<AdminThresholds>('GET', '/api/admin/thresholds/gas', undefined, admin);
      assert.equal(gas.status, 200);
      assert.equal(gas.body.unit, '%LEL');
      const lowest = Math.min(...gas.body.rows.map((r) => r.value));
      assert.equal(
        (await read(first.id, [lowest - 3, lowest - 3, lowest - 3])).body.raised,
        0,
        'below every threshold',
      );

      const inverted = await s.api<Err>(
        'PUT',
        '/api/admin/thresholds/gas',
        {
          version: gas.body.version,
          rows: [
            { level: 1, direction: 'above', value: 5, clearMargin: 1, debounce: 1 },
            { level: 2, direction: 'above', value: 20, clearMargin: 1, debounce: 1 },
          ],
        },
        admin,
      );
      assert.equal(inverted.status, 400);
      assert.match(inverted.body.error.message.en, /further out/);
      const debounce0 = await s.api<Err>(
        'PUT',
        '/api/admin/thresholds/gas',
        { version: gas.body.version, rows: [{ level: 3, direction: 'above', value: 5, debounce: 0 }] },
        admin,
      );
      assert.equal(debounce0.status, 400);
      assert.match(debounce0.body.error.message.en, /debounce/);

      // Lower the type's level-3 threshold below the reading: the next readings raise an alarm.
      const rows = gas.body.rows.map((r) =>
        r.level === Math.max(...gas.body.rows.map((x) => x.level))
          ? { ...r, value: lowest - 5, debounce: 2 }
          : r,
      );
      const changed = await s.api<AdminThresholds & Err>(
        'PUT',
        '/api/admin/thresholds/gas',
        { version: gas.body.version, rows },
        admin,
      );
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.equal(
        (await s.api('PUT', '/api/admin/thresholds/gas', { version: gas.body.version, rows }, admin)).status,
        409,
      );
      assert.equal(
        (await read(first.id, [lowest - 3, lowest - 3])).body.raised,
        1,
        'the new threshold raises',
      );

      // One sensor of its own: a higher threshold and 3 consecutive readings keep it quiet at the same value.
      const own = await s.api<AdminThresholds>(
        'GET',
        `/api/admin/thresholds/gas?sensorId=${second.id}`,
        undefined,
        admin,
      );
      assert.equal(own.body.inherited, true);
      const mine = await s.api<AdminThresholds & Err>(
        'PUT',
        `/api/admin/thresholds/gas?sensorId=${second.id}`,
        {
          version: own.body.version,
          rows: [{ level: 3, direction: 'above', value: lowest + 10, clearMargin: 1, debounce: 3 }],
        },
        admin,
      );
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      assert.equal(mine.body.inherited, false);
      assert.equal(
        (await read(second.id, [lowest - 3, lowest - 3, lowest - 3])).body.raised,
        0,
        'its own rows hold',
      );
      const wrongType = await s.api(
        'GET',
        `/api/admin/thresholds/water_pressure?sensorId=${second.id}`,
        undefined,
        admin,
      );
      assert.equal(wrongType.status, 400);
      const history = await changes('entity=threshold');
      assert.deepEqual(
        history.slice(0, 2).map((c) => c.entityId),
        [`gas/${second.id}`, 'gas'],
      );
    });

    test('a change another node made reaches this node on its next check', async () => {
      await s.settingsWatch.check(); // this node's own changes above (already in force here)
      assert.equal(await s.settingsWatch.check(), false, 'nothing new since the last check');
      // Another node (same database) adds a septic-gas threshold and its audit entry.
      await s.ctx.db.$transaction(async (tx) => {
        await tx.sensorThreshold.create({
          data: {
            id: 'septic_gas:4:above',
            sensorType: 'septic_gas',
            level: 4,
            direction: 'above',
            value: 1,
            clearMargin: 0,
            debounce: 1,
            unit: 'ppm',
          },
        });
        await recordChange(
          tx,
          s.ctx,
          {
            userId: 'u-admin',
            username: 'admin',
            displayName: '另一节点',
            role: 'admin',
            departmentId: null,
            districtCode: null,
          },
          {
            entity: 'threshold',
            id: 'septic_gas',
            action: 'update',
            before: {},
            after: { 'L4.above': '1' },
          },
        );
      });
      assert.ok(!s.iot.engine.thresholds.get('septic_gas')?.some((t) => t.level === 4));
      assert.equal(await s.settingsWatch.check(), true);
      assert.ok(s.iot.engine.thresholds.get('septic_gas')?.some((t) => t.level === 4 && t.value === 1));
    });

    test('run cards and evaluation settings: audited, stale 409', async () => {
      const cards = await s.api<{ cards: AdminRunCard[] }>('GET', '/api/admin/run-cards', undefined, admin);
      assert.equal(cards.status, 200);
      const card = cards.body.cards.find((c) => c.type === 'gas_leak' && c.level === 3);
      assert.ok(card && !card.edited && card.needs.length > 0);
      const url = '/api/run-cards/gas_leak/3';
      const needs = [{ kind: 'repair', departmentId: null, count: 3 }];
      assert.equal((await s.api('PUT', url, { needs, version: card.version }, supervisor)).status, 403);
      const bad = await s.api<Err>(
        'PUT',
        url,
        { needs: [{ kind: 'repair', count: 0 }], version: card.version },
        admin,
      );
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message.en, /count/);
      assert.equal((await s.api('PUT', url, { needs, version: card.version }, admin)).status, 200);
      assert.equal((await s.api('PUT', url, { needs, version: card.version }, admin)).status, 409);
      const again = await s.api<{ cards: AdminRunCard[] }>('GET', '/api/admin/run-cards', undefined, admin);
      const edited = again.body.cards.find((c) => c.type === 'gas_leak' && c.level === 3);
      assert.deepEqual(edited?.needs, needs);
      assert.equal(edited?.edited, true);
      const [change] = await changes('entity=runCard&entityId=gas_leak:3');
      assert.deepEqual(change?.after, { needs });

      const settings = await s.api<{ current: { version: number; value: Record<string, unknown> } }>(
        'GET',
        '/api/evaluation/settings',
        undefined,
        admin,
      );
      const was = settings.body.current.value.closingInTimeDenominator;
      const next = was === 'due' ? 'dueMinusSuspended' : 'due';
      const value = { ...settings.body.current.value, closingInTimeDenominator: next };
      const put = (version: number) =>
        s.api('PUT', '/api/evaluation/settings', { value, note: '分母口径', version }, admin);
      assert.equal((await put(settings.body.current.version)).status, 201);
      assert.equal((await put(settings.body.current.version)).status, 409);
      const [evaluation] = await changes('entity=evaluation');
      assert.equal(evaluation?.after.closingInTimeDenominator, next);
      assert.equal(evaluation?.before.closingInTimeDenominator, was);
    });
  });
}
