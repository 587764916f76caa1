// The legend shows every symbol the map draws: each (shape, colour) a layer draws from the palette —
// cases by clock, alarms by level, vehicles by team, devices by status, parts by class — has a row in
// the legend table (map/legend.ts), and every team has its own vehicle shape and its own colour (a
// large fleet's dots at street level).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEAM_KINDS } from '@contract/city';
import { drawnSymbols, LEGEND } from '../../../renderer/src/map/legend';
import { VEHICLE_SHAPES } from '../../../renderer/src/map/layers/symbols';
import { TEAM_COLOURS } from '../../../renderer/src/map/palette';
import { MESSAGES } from '../../../renderer/src/i18n/messages';

test('every drawn symbol is in the legend', () => {
  const rows = LEGEND.flatMap((s) => s.rows);
  const inLegend = new Set(rows.map((r) => `${r.shape} ${r.colour}`));
  const missing = drawnSymbols().filter((d) => !inLegend.has(`${d.shape} ${d.colour}`));
  assert.deepEqual(missing, []);
});

test('vehicles: one distinct shape per team, each with its own legend row', () => {
  const shapes = TEAM_KINDS.map((k) => VEHICLE_SHAPES[k]);
  assert.equal(new Set(shapes).size, TEAM_KINDS.length, 'no two teams share a shape');
  const vehicleRows = LEGEND.flatMap((s) => s.rows).filter((r) => r.shape.startsWith('vehicle-'));
  assert.deepEqual(
    vehicleRows.map((r) => r.shape),
    shapes.map((s) => `vehicle-${s}`),
  );
});

test("a large fleet's dots: one colour per team, each in the legend", () => {
  const colours = TEAM_KINDS.map((k) => TEAM_COLOURS[k]);
  assert.equal(new Set(colours).size, TEAM_KINDS.length, 'no two teams share a colour');
  const dots = LEGEND.find((s) => s.title === 'legend.fleetDots')?.rows ?? [];
  assert.deepEqual(
    dots.map((r) => `${r.shape} ${r.colour}`),
    colours.map((c) => `dot ${c}`),
  );
});

test('every legend label exists in both languages', () => {
  for (const row of LEGEND.flatMap((s) => [{ label: s.title }, ...s.rows]))
    for (const lang of ['zh', 'en'] as const) assert.ok(MESSAGES[lang][row.label], `${lang}: ${row.label}`);
});
