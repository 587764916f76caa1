// The legend as data: every symbol the map draws, with its shape, colour and label. The legend panel
// (panels/MapLegend.tsx) renders this table; `drawnSymbols` lists what the layers draw from the same
// palette tables and shapes, and a unit test checks that each of them has a row here. No React, no
// Cesium.
import { TEAM_KINDS } from '@contract/city';
import type { MessageKey } from '../i18n/messages';
import { PART_CLASSES } from '../state/layers';
import {
  BUILDING_COLOURS,
  CAMERA_COLOURS,
  CLOCK_COLOURS,
  LEVEL_COLOURS,
  PART_COLOURS,
  SENSOR_COLOURS,
  SYMBOL_COLOURS as C,
  TEAM_COLOURS,
} from './palette';
import { vehicleShapeOf, type VehicleShape } from './layers/symbols';

export type LegendShape =
  'dot' | 'ring' | 'triangle' | 'square' | 'line' | 'cone' | 'cluster' | `vehicle-${VehicleShape}`;

export interface LegendRow {
  shape: LegendShape;
  colour: string;
  edge?: string;
  label: MessageKey;
}

export interface LegendSection {
  title: MessageKey;
  rows: LegendRow[];
}

const vehicleRows: LegendRow[] = TEAM_KINDS.map((kind) => ({
  shape: `vehicle-${vehicleShapeOf(kind)}`,
  colour: C.vehicle,
  edge: C.vehicleRing,
  label: `pick.team.${kind}` as MessageKey,
}));

/** A large fleet's vehicles at street level (layers/vehicleLayer.ts): dots by team, the clusters' ring. */
const fleetDotRows: LegendRow[] = TEAM_KINDS.map((kind) => ({
  shape: 'dot',
  colour: TEAM_COLOURS[kind],
  edge: C.vehicleRing,
  label: `pick.team.${kind}` as MessageKey,
}));

export const LEGEND: readonly LegendSection[] = [
  {
    title: 'legend.cases',
    rows: [
      { shape: 'dot', colour: C.caseGreen, label: 'legend.case.green' },
      { shape: 'dot', colour: C.caseYellow, label: 'legend.case.yellow' },
      { shape: 'dot', colour: C.caseRed, label: 'legend.case.red' },
      { shape: 'dot', colour: C.casePaused, label: 'legend.case.paused' },
    ],
  },
  {
    title: 'legend.alarms',
    rows: [
      { shape: 'triangle', colour: C.alarm1, label: 'alert.level.1' },
      { shape: 'triangle', colour: C.alarm2, label: 'alert.level.2' },
      { shape: 'triangle', colour: C.alarm3, label: 'alert.level.3' },
      { shape: 'triangle', colour: C.alarm4, label: 'alert.level.4' },
    ],
  },
  {
    title: 'legend.units',
    rows: [
      ...vehicleRows,
      { shape: 'cluster', colour: C.vehicle, edge: C.vehicleRing, label: 'legend.fleet' },
    ],
  },
  { title: 'legend.fleetDots', rows: fleetDotRows },
  {
    title: 'legend.devices',
    rows: [
      { shape: 'dot', colour: C.cameraOnline, label: 'legend.camera' },
      { shape: 'cone', colour: C.cameraOnline, label: 'legend.cone' },
      { shape: 'dot', colour: C.cameraFault, label: 'legend.cameraFault' },
      { shape: 'dot', colour: C.sensorNormal, label: 'legend.sensor' },
      { shape: 'dot', colour: C.sensorAlarm, label: 'legend.sensorAlarm' },
      { shape: 'dot', colour: C.deviceOffline, label: 'legend.offline' },
      { shape: 'cluster', colour: C.sensorNormal, label: 'legend.deviceCluster' },
    ],
  },
  {
    title: 'layers.parts',
    rows: [
      ...PART_CLASSES.map((cls) => ({
        shape: 'dot' as const,
        colour: PART_COLOURS[cls],
        label: `layers.class.${cls}` as MessageKey,
      })),
      { shape: 'dot', colour: C.partAbnormal, label: 'legend.partAbnormal' },
    ],
  },
  {
    title: 'legend.city',
    rows: [
      { shape: 'square', colour: BUILDING_COLOURS.low, label: 'legend.building.low' },
      { shape: 'square', colour: BUILDING_COLOURS.mid, label: 'legend.building.mid' },
      { shape: 'square', colour: BUILDING_COLOURS.high, label: 'legend.building.high' },
      { shape: 'line', colour: C.cityBounds, label: 'legend.bounds' },
    ],
  },
];

/**
 * What the layers draw, as (shape, colour): the active and queued cases by clock (a case without a
 * clock is grey like an offline device), alarms by level, vehicles by team (a symbol, or in a large
 * fleet at street level a dot), cameras and sensors by status, parts by class.
 */
export function drawnSymbols(): Array<{ shape: LegendShape; colour: string }> {
  const dots = (colours: Record<string, string>) =>
    Object.values(colours).map((colour) => ({ shape: 'dot' as const, colour }));
  return [
    ...dots(CLOCK_COLOURS),
    ...LEVEL_COLOURS.map((colour) => ({ shape: 'triangle' as const, colour })),
    ...TEAM_KINDS.map((kind) => ({ shape: `vehicle-${vehicleShapeOf(kind)}` as const, colour: C.vehicle })),
    ...dots(TEAM_COLOURS),
    ...dots(CAMERA_COLOURS),
    ...dots(SENSOR_COLOURS),
    ...dots(PART_COLOURS),
    { shape: 'dot', colour: C.partAbnormal },
  ];
}
