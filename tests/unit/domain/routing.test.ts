// Responsibility routing: parts 先属主后属地, events 先属地后属主, and the auto-dispatch decision.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  suggestDepartment,
  type RoutingDepartment,
  type RoutingInput,
} from '../../../server/src/domain/index';

const D = '320508'; // 姑苏区 (example district)
const S = '320508001'; // a street in it

const departments: RoutingDepartment[] = [
  { id: 'water-co', kind: 'functional', categoryIds: ['part-0101'] }, // city water company: 上水井盖
  { id: 'gas-co', kind: 'functional', categoryIds: ['part-0111', 'event-0403'] },
  { id: 'telecom-d', kind: 'functional', districtCode: D, categoryIds: ['part-0107'] },
  { id: 'telecom-city', kind: 'functional', categoryIds: ['part-0107'] },
  { id: 'city-roads', kind: 'functional', categoryIds: ['event-0401'] }, // 路面塌陷
  { id: 'city-mgmt', kind: 'functional', categoryIds: ['event-05'], active: false }, // inactive
  {
    id: 'street-1',
    kind: 'street',
    districtCode: D,
    streetCode: S,
    categoryIds: ['event-0102', 'event-0505'],
  },
  { id: 'district-1', kind: 'district', districtCode: D, categoryIds: ['event-01', 'event-0201'] },
];

const base = { districtCode: D, streetCode: S, departments };
const part = (code: string, extra: Partial<RoutingInput> = {}): RoutingInput => ({
  ...base,
  kind: 'part',
  categoryCode: code,
  ...extra,
});
const event = (code: string, extra: Partial<RoutingInput> = {}): RoutingInput => ({
  ...base,
  kind: 'event',
  categoryCode: code,
  ...extra,
});

describe('parts: owner first, then territory (部件先属主后属地)', () => {
  test('the owner of the part instance is known', () => {
    const r = suggestDepartment(part('0101', { partOwnerDepartmentId: 'gas-co' }));
    assert.deepEqual([r.departmentId, r.rule], ['gas-co', 'part_owner']);
    assert.match(r.reason, /部件先属主后属地/);
    assert.match(r.reason, /owner/);
  });

  test('instance owner unknown: the department owning the category, the district one first', () => {
    assert.deepEqual(
      [suggestDepartment(part('0101')).departmentId, suggestDepartment(part('0101')).rule],
      ['water-co', 'category_owner'],
    );
    assert.equal(suggestDepartment(part('0107')).departmentId, 'telecom-d');
    assert.equal(
      suggestDepartment(part('0107', { districtCode: '320509', streetCode: null })).departmentId,
      'telecom-city',
    );
  });

  test('an owner id that is not a known active department falls through', () => {
    assert.equal(suggestDepartment(part('0101', { partOwnerDepartmentId: 'gone' })).departmentId, 'water-co');
  });

  test('owner unknown (不明井盖 0114): the street, then the district of the grid cell', () => {
    const street = suggestDepartment(part('0114'));
    assert.deepEqual([street.departmentId, street.rule], ['street-1', 'territory_street']);
    assert.match(street.reason, /权属不明/);
    const district = suggestDepartment(part('0114', { streetCode: '320508999' }));
    assert.deepEqual([district.departmentId, district.rule], ['district-1', 'territory_district']);
    const nowhere = suggestDepartment(part('0114', { streetCode: null, districtCode: null }));
    assert.deepEqual([nowhere.departmentId, nowhere.rule], [null, 'none']);
  });
});

describe('events: territory first, then competent department (事件先属地后属主)', () => {
  test('the street handles this category', () => {
    const r = suggestDepartment(event('0102')); // 暴露垃圾
    assert.deepEqual([r.departmentId, r.rule], ['street-1', 'territory_street']);
    assert.match(r.reason, /事件先属地后属主/);
  });

  test('the street does not, the district does (by major class 01)', () => {
    const r = suggestDepartment(event('0104')); // 道路保洁
    assert.deepEqual([r.departmentId, r.rule], ['district-1', 'territory_district']);
  });

  test('no territory handles it: the competent department', () => {
    const r = suggestDepartment(event('0401')); // 路面塌陷
    assert.deepEqual([r.departmentId, r.rule], ['city-roads', 'competent_department']);
    assert.match(r.reason, /competent department/);
  });

  test('nobody handles it: the district takes it; inactive departments are ignored', () => {
    const r = suggestDepartment(event('0508')); // 商业噪音 — only the inactive city-mgmt has event-05
    assert.deepEqual([r.departmentId, r.rule], ['district-1', 'territory_fallback']);
  });

  test('a street of another district is never chosen', () => {
    const r = suggestDepartment(event('0102', { districtCode: '320509', streetCode: '320509001' }));
    assert.deepEqual([r.departmentId, r.rule], [null, 'none']);
  });
});

describe('auto-dispatch', () => {
  test('flagged category with a department: dispatch automatically, with the reason', () => {
    const r = suggestDepartment(event('0505', { autoDispatch: true })); // 机动车乱停放
    assert.equal(r.departmentId, 'street-1');
    assert.equal(r.autoDispatch.dispatch, true);
    assert.match(r.autoDispatch.reason, /自动派遣/);
    assert.match(r.autoDispatch.reason, /street-1/);
  });

  test('flagged but no department: manual dispatch; not flagged: manual dispatch', () => {
    const none = suggestDepartment(
      event('0102', { autoDispatch: true, districtCode: null, streetCode: null }),
    );
    assert.deepEqual([none.departmentId, none.autoDispatch.dispatch], [null, false]);
    assert.match(none.autoDispatch.reason, /manual/);
    assert.equal(suggestDepartment(event('0102')).autoDispatch.dispatch, false);
  });
});
