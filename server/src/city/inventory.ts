// The city's inventory, built deterministically from the seed and inserted in bulk: ~100,000 parts,
// ~2,000 cameras, ~5,000 sensors with their thresholds, teams and ~300 vehicles.
import crypto from 'node:crypto';
import type { Tx } from '../db/client';
import { insertRows, toRows, type Provider } from './bulk';
import { buildCameras, type CameraRow } from './cameras';
import { thresholdRows } from './catalogue';
import { CATEGORIES } from './categories';
import type { GridCellRow } from './city';
import { buildFleet, type TeamRow, type VehicleRow } from './fleet';
import { cityGeometry } from './geometry';
import { buildParts, type PartRow } from './parts';
import { buildSensors, type SensorRow } from './sensors';

export interface Inventory {
  parts: PartRow[];
  cameras: CameraRow[];
  sensors: SensorRow[];
  thresholds: ReturnType<typeof thresholdRows>;
  teams: TeamRow[];
  vehicles: VehicleRow[];
}

export interface InventorySize {
  parts?: number;
  cameras?: number;
}

export function buildInventory(seed: number, cells: GridCellRow[], size: InventorySize = {}): Inventory {
  const geo = cityGeometry(seed);
  const parts = buildParts(seed, geo, cells, CATEGORIES, size.parts ?? 100_000);
  const cameras = buildCameras(seed, geo, cells, size.cameras ?? 2000);
  const sensors = buildSensors(seed, parts, cells);
  const { teams, vehicles } = buildFleet(seed, geo);
  return { parts, cameras, sensors, thresholds: thresholdRows(), teams, vehicles };
}

/** A digest of the inventory: equal for equal seeds (tests check the generator is deterministic). */
export function inventoryHash(inventory: Inventory): string {
  const hash = crypto.createHash('sha256');
  for (const [name, rows] of Object.entries(inventory)) {
    hash.update(name);
    for (const row of rows as object[]) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

const PART_COLUMNS = [
  'id',
  'categoryId',
  'ownerDepartmentId',
  'lon',
  'lat',
  'gridCellId',
  'name',
  'status',
] as const;
const CAMERA_COLUMNS = [
  'id',
  'name',
  'owner',
  'deviceType',
  'lon',
  'lat',
  'heading',
  'fov',
  'ptz',
  'streamUrl',
  'districtCode',
  'gridCellId',
  'status',
] as const;
const SENSOR_COLUMNS = [
  'id',
  'type',
  'name',
  'lon',
  'lat',
  'districtCode',
  'gridCellId',
  'partId',
  'ownerDepartmentId',
  'intervalS',
  'status',
] as const;

export async function insertInventory(tx: Tx, provider: Provider, inv: Inventory): Promise<void> {
  await insertRows(tx, provider, 'Part', [...PART_COLUMNS], toRows(inv.parts, [...PART_COLUMNS]));
  await insertRows(tx, provider, 'Camera', [...CAMERA_COLUMNS], toRows(inv.cameras, [...CAMERA_COLUMNS]));
  await insertRows(tx, provider, 'Sensor', [...SENSOR_COLUMNS], toRows(inv.sensors, [...SENSOR_COLUMNS]));
  await tx.sensorThreshold.createMany({ data: inv.thresholds });
  await tx.team.createMany({ data: inv.teams });
  await tx.vehicle.createMany({ data: inv.vehicles });
}
