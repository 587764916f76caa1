// The layers' data steps: every load goes through the one REST client (a LayerApi here that records
// what it was asked and checks with the schema it was given); division outlines fetched ahead serve the
// first load with the same token only; answers that do not match the contract fail the load; live
// readings make new sensor items and leave the old ones as they were.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import { formatAlarms, loadAlarms } from '../../../renderer/src/map/layers/alarmData';
import { formatSensors, loadSensors, sensorChanges } from '../../../renderer/src/map/layers/deviceData';
import type { LayerApi } from '../../../renderer/src/map/layers/layerApi';
import {
  formatDivisions,
  loadDivisions,
  prefetchDivisions,
} from '../../../renderer/src/map/layers/shapeData';
import { formatVehicles } from '../../../renderer/src/map/layers/vehicleData';

function fakeApi(answer: (path: string) => unknown) {
  const asked: string[] = [];
  const api: LayerApi = {
    get: async <T extends z.ZodType>(path: string, schema: T) => {
      asked.push(path);
      return schema.parse(answer(path)) as z.infer<T>;
    },
  };
  return { api, asked };
}

const square = (lon: number, lat: number) => [
  [
    [lon, lat],
    [lon + 0.01, lat],
    [lon + 0.01, lat + 0.01],
    [lon, lat],
  ],
];
const divisions = (path: string) => {
  const level = path.includes('district') ? 'district' : 'street';
  return {
    type: 'FeatureCollection',
    features: [
      {
        geometry: { type: 'Polygon', coordinates: square(119, 34) },
        properties: { level, name: `${level}-1` },
      },
      { geometry: null, properties: { level, name: 'no outline' } },
    ],
  };
};

test('division outlines fetched ahead serve the first load with the same token only', async () => {
  const { api, asked } = fakeApi(divisions);
  prefetchDivisions(api, 'tok-1');
  prefetchDivisions(api, 'tok-1'); // asked once
  assert.equal(asked.length, 2);
  await loadDivisions(api, 'tok-1');
  assert.equal(asked.length, 2, 'the first load takes the answers fetched ahead');
  await loadDivisions(api, 'tok-1');
  assert.equal(asked.length, 4, 'the next load asks again');
  prefetchDivisions(api, 'tok-2');
  await loadDivisions(api, 'tok-3');
  assert.equal(asked.length, 8, 'another user does not get them');
  prefetchDivisions(api, null);
  assert.equal(asked.length, 8, 'nothing is fetched ahead without a session');
});

test('divisions format as rings and district labels; a feature without geometry draws nothing', async () => {
  const { api } = fakeApi(divisions);
  const items = formatDivisions(await loadDivisions(api, 'tok-4'));
  assert.equal(items.districts.length, 1);
  assert.equal(items.streets.length, 1);
  assert.deepEqual(items.districts[0]?.slice(0, 4), [119, 34, 119.01, 34]);
  assert.equal(items.labels[0]?.text, 'district-1');
  assert.equal(items.count, 4);
});

test('an answer that does not match the contract fails the load', async () => {
  const { api } = fakeApi(() => ({ sensors: [{ id: 's1', lon: 'east' }] }));
  await assert.rejects(loadSensors(api));
  const alarms = fakeApi(() => ({ alarms: [{ id: 'a1' }] }));
  await assert.rejects(loadAlarms(alarms.api));
});

const sensor = (id: string, status: 'normal' | 'alarm' | 'offline') => ({
  id,
  type: 'drainage_level',
  name: `Sensor ${id}`,
  lon: 119.1,
  lat: 34.6,
  districtCode: null,
  partId: null,
  ownerDepartmentId: null,
  intervalS: 60,
  status,
  unit: 'm',
  lastValue: null,
  lastSeenAt: null,
  alarmLevel: null,
});

test('live readings make new sensor items; the items drawn before (and a store copy) stay as they were', async () => {
  const { api } = fakeApi(() => ({ sensors: [sensor('s1', 'normal'), sensor('s2', 'alarm')] }));
  const items = formatSensors(await loadSensors(api));
  const before = new Map(items.map((i) => [i.id, i]));
  const frozen = structuredClone(items);
  const reading = (id: string, level: number | null | undefined) => ({
    id,
    lon: 119.1,
    lat: 34.6,
    at: '2026-12-06T08:00:00Z',
    ...(level === undefined ? {} : { level }),
  });
  const changed = sensorChanges(before, [
    reading('s1', 2),
    reading('s2', 3), // already in alarm: no change
    reading('s9', 1), // not drawn
    reading('s1', undefined), // says nothing about alarms
  ]);
  assert.equal(changed.length, 1);
  assert.equal(changed[0]?.pick.status, 'alarm');
  assert.notEqual(changed[0], before.get('s1'), 'a new item');
  assert.notEqual(changed[0]?.pick, before.get('s1')?.pick, 'with a new pick');
  assert.deepEqual(items, frozen, 'nothing drawn before was changed');
  const back = sensorChanges(new Map([['s1', changed[0]!]]), [reading('s1', null)]);
  assert.equal(back[0]?.pick.status, 'normal');
});

test('alarms and vehicles format as items with their picks (vehicles with their team symbol)', () => {
  const alarm = formatAlarms({
    alarms: [{ id: 'a1', sensorName: 'S', level: 2, lon: 1, lat: 2 } as never],
  });
  assert.deepEqual(alarm[0]?.pick, { kind: 'alarm', id: 'a1', label: 'S', level: 2 });
  const vehicles = formatVehicles({
    vehicles: (['sanitation', 'enforcement', 'repair', 'emergency'] as const).map((kind, i) => ({
      id: `v${i}`,
      plate: `P${i}`,
      kind,
      lon: 1,
      lat: 2,
    })) as never,
  });
  assert.deepEqual(
    vehicles.map((v) => v.shape),
    ['circle', 'shield', 'diamond', 'cross'],
  );
  assert.deepEqual(vehicles[1]?.pick, { kind: 'vehicle', id: 'v1', label: 'P1', team: 'enforcement' });
  assert.deepEqual(
    vehicles.map((v) => v.team),
    ['sanitation', 'enforcement', 'repair', 'emergency'],
    "the team, for a large fleet's dots",
  );
});
