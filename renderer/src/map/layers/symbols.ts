// The map's symbols, one shape per kind so they read apart at a glance: cases are round dots coloured by
// their clock, alarms warning triangles coloured by level, vehicles a white body in a blue ring whose
// shape says the team (sanitation round, enforcement a shield, repair a diamond, emergency a square with
// a cross), cameras magenta and sensors teal dots. Colours are in ../palette.ts, the images in
// symbolImages.ts; the legend (panels/MapLegend.tsx, from ../legend.ts) shows these same symbols. No
// Cesium and no DOM here: the legend table and Node tests read it.
import type { TeamKind } from '@contract/city';

export type VehicleShape = 'circle' | 'shield' | 'diamond' | 'cross';

/** The shape of each team's vehicles (contract/city.ts TEAM_KINDS): a kind without one is a circle. */
export const VEHICLE_SHAPES: Record<TeamKind, VehicleShape> = {
  sanitation: 'circle',
  enforcement: 'shield',
  repair: 'diamond',
  emergency: 'cross',
};

export const vehicleShapeOf = (kind: string): VehicleShape =>
  (VEHICLE_SHAPES as Record<string, VehicleShape | undefined>)[kind] ?? 'circle';
