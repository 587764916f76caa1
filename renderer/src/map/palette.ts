// Every colour the map draws, as CSS strings, in one place: the Cesium layers turn them into engine
// colours (layers/draw.ts `colour`), the legend (panels/MapLegend.tsx) shows the same values. No Cesium
// import: the legend loads before the engine.
import type { CameraStatus, SensorView, TeamKind } from '@contract/city';
import type { ClockShown } from '../i18n/caseClock';
import type { PartClass } from '../state/layers';

/** The dark edge around points and symbols (the scene's background colour). */
export const OUTLINE = '#050a14';

/** Parts by major class (GB/T 30428.2), as dots at street level and class clusters above it. */
export const PART_COLOURS: Record<PartClass, string> = {
  '01': '#38bdf8',
  '02': '#fbbf24',
  '03': '#a3e635',
  '04': '#4ade80',
  '05': '#c084fc',
};

/** The 3D buildings by height (layers/cityTiles.ts BUILDING_STYLE). */
export const BUILDING_COLOURS = { low: '#8595ad', mid: '#aebcd0', high: '#dbe4f0' } as const;

export const SYMBOL_COLOURS = {
  caseGreen: '#34d399',
  caseYellow: '#fbbf24',
  caseRed: '#f87171',
  casePaused: '#94a3b8',
  caseNone: '#64748b',
  alarm1: '#ef4444',
  alarm2: '#fb923c',
  alarm3: '#facc15',
  alarm4: '#60a5fa',
  vehicle: '#f8fafc',
  vehicleRing: '#2563eb',
  vehicleGlyph: '#0b1f4d',
  cameraOnline: '#e879f9',
  deviceOffline: '#64748b',
  cameraFault: '#f97316',
  sensorNormal: '#2dd4bf',
  sensorAlarm: '#ef4444',
  partAbnormal: '#f43f5e',
  cityBounds: '#22d3ee',
} as const;

/**
 * A large fleet's vehicles at street level (layers/vehicleLayer.ts): one dot per vehicle in its team's
 * colour, with the fleet clusters' blue ring. Light tints, so they read apart from the cases' clock
 * colours and the alarms' levels, which are saturated.
 */
export const TEAM_COLOURS: Record<TeamKind, string> = {
  sanitation: '#86efac',
  enforcement: '#93c5fd',
  repair: '#fde68a',
  emergency: '#fda4af',
};

/** A case's step clock (the queue's points and the active-case layer). */
export const CLOCK_COLOURS: Record<ClockShown, string> = {
  green: SYMBOL_COLOURS.caseGreen,
  yellow: SYMBOL_COLOURS.caseYellow,
  red: SYMBOL_COLOURS.caseRed,
  paused: SYMBOL_COLOURS.casePaused,
  none: SYMBOL_COLOURS.caseNone,
};

/** Alarm (and incident) levels, 1 the most severe; index 0 is level 1 as well. */
export const LEVEL_COLOURS: readonly string[] = [
  SYMBOL_COLOURS.alarm1,
  SYMBOL_COLOURS.alarm1,
  SYMBOL_COLOURS.alarm2,
  SYMBOL_COLOURS.alarm3,
  SYMBOL_COLOURS.alarm4,
];

/** The open incident's site and rings (layers/incidentLayer.ts), by level. */
export const INCIDENT_COLOURS: Record<number, string> = {
  1: '#ef4444',
  2: '#f97316',
  3: '#facc15',
  4: '#3b82f6',
};
/** An incident unit's route: en route, or anything else (committed, on scene). */
export const ROUTE_COLOURS = { enRoute: '#22d3ee', other: '#a78bfa' } as const;

export const SENSOR_COLOURS: Record<SensorView['status'], string> = {
  normal: SYMBOL_COLOURS.sensorNormal,
  alarm: SYMBOL_COLOURS.sensorAlarm,
  offline: SYMBOL_COLOURS.deviceOffline,
};

export const CAMERA_COLOURS: Record<CameraStatus, string> = {
  online: SYMBOL_COLOURS.cameraOnline,
  offline: SYMBOL_COLOURS.deviceOffline,
  fault: SYMBOL_COLOURS.cameraFault,
};

/** The view cones' fill: the camera's colour, see-through. */
export const CONE_ALPHA: Record<CameraStatus, number> = { online: 0.28, offline: 0.2, fault: 0.25 };

/** Division outlines and labels, grid cells. */
export const SHAPE_COLOURS = {
  district: '#22d3ee',
  street: '#67e8f9',
  grid: '#fbbf24',
  label: '#e0f2fe',
} as const;

/** The scene (cesium/theme.ts): the night background, the globe, the accent of the city outline. */
export const SCENE_COLOURS = {
  background: OUTLINE,
  globe: '#0a1930',
  accent: SYMBOL_COLOURS.cityBounds,
} as const;
