// Geometry helpers and possible-duplicate detection (same category, 50 m, 24 h).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bboxAround,
  bboxContains,
  bboxIntersects,
  bboxOf,
  distanceMeters,
  findGridCell,
  findPossibleDuplicates,
  pointInPolygon,
  type DuplicateCandidate,
  type PolygonCoords,
} from '../../../server/src/domain/index';

// About 1 m of latitude in degrees.
const M = 1 / 111_195;
const ORIGIN: [number, number] = [120.6, 31.3];
const north = (meters: number): [number, number] => [ORIGIN[0], ORIGIN[1] + meters * M];

describe('geo', () => {
  test('haversine distance', () => {
    assert.ok(Math.abs(distanceMeters(ORIGIN, north(50)) - 50) < 0.05);
    assert.equal(distanceMeters(ORIGIN, ORIGIN), 0);
    // Beijing Tiananmen → Shanghai People's Square, about 1,067 km
    const km = distanceMeters([116.3975, 39.9087], [121.4737, 31.2304]) / 1000;
    assert.ok(km > 1060 && km < 1075, String(km));
  });

  const square: PolygonCoords = [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
    [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
    ],
  ];

  test('point in polygon with a hole', () => {
    assert.equal(pointInPolygon([1, 1], square), true);
    assert.equal(pointInPolygon([5, 5], square), false); // in the hole
    assert.equal(pointInPolygon([11, 5], square), false);
    assert.equal(pointInPolygon([1, 1], []), false);
  });

  test('bounding boxes', () => {
    assert.deepEqual(bboxOf(square), [0, 0, 10, 10]);
    assert.equal(bboxContains([0, 0, 10, 10], [10, 10]), true);
    assert.equal(bboxIntersects([0, 0, 10, 10], [10, 10, 12, 12]), true);
    assert.equal(bboxIntersects([0, 0, 1, 1], [2, 2, 3, 3]), false);
    const around = bboxAround(ORIGIN, 50);
    assert.equal(bboxContains(around, north(49)), true);
    assert.equal(bboxContains(around, north(51)), false);
    const east = distanceMeters(ORIGIN, [around[2], ORIGIN[1]]);
    assert.ok(east >= 49.99 && east < 50.1, String(east));
  });

  test('the grid cell of a point', () => {
    const cell = (id: string, x: number): { id: string; polygon: PolygonCoords } => ({
      id,
      polygon: [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 1],
        ],
      ],
    });
    const cells = [cell('c1', 0), cell('c2', 1), cell('c3', 2)];
    assert.equal(findGridCell([1.5, 0.5], cells)?.id, 'c2');
    assert.equal(findGridCell([9, 9], cells), null);
  });
});

describe('possible duplicates', () => {
  const t0 = new Date('2026-11-23T02:00:00Z');
  const hours = (h: number): Date => new Date(t0.getTime() + h * 3_600_000);
  const subject = { id: 'new', categoryId: 'event-0102', lon: ORIGIN[0], lat: ORIGIN[1], reportedAt: t0 };
  const candidate = (id: string, meters: number, h: number, extra: Partial<DuplicateCandidate> = {}) => {
    const [lon, lat] = north(meters);
    return { id, categoryId: 'event-0102', lon, lat, reportedAt: hours(h), ...extra };
  };

  test('within 50 m and 24 h, either side in time, nearest first', () => {
    const found = findPossibleDuplicates(subject, [
      candidate('far', 60, 0),
      candidate('near-late', 30, 23.9),
      candidate('near-early', 10, -23.9),
      candidate('edge', 49.9, 1),
      candidate('old', 5, -24.1),
      candidate('future', 5, 24.1),
      candidate('other-category', 5, 0, { categoryId: 'event-0104' }),
      candidate('voided', 5, 0, { state: 'voided' }),
      candidate('merged', 5, 0, { mergedIntoId: 'x' }),
      candidate('new', 0, 0),
    ]);
    assert.deepEqual(
      found.map((m) => m.id),
      ['near-early', 'near-late', 'edge'],
    );
    assert.equal(found[0]?.distanceMeters, 10);
    assert.ok(Math.abs((found[0]?.minutesApart ?? 0) - 23.9 * 60) < 1e-6);
  });

  test('radius and window are options', () => {
    const c = [candidate('a', 80, 30)];
    assert.deepEqual(findPossibleDuplicates(subject, c), []);
    assert.equal(findPossibleDuplicates(subject, c, { radiusMeters: 100, windowMinutes: 48 * 60 }).length, 1);
  });
});
