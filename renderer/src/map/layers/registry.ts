// Every map layer, in drawing order: mount.ts hands this list to the reconciler. A new layer is one file
// in this folder (see layer.ts) and one line here.
import { activeCaseLayer } from './caseLayer';
import { alarmLayer } from './alarmLayer';
import { cameraLayer } from './cameraLayer';
import { divisionLayer } from './divisionLayer';
import { gridLayer } from './gridLayer';
import type { MapLayer } from './layer';
import { partsLayer } from './partsLayer';
import { queueLayer } from './queueLayer';
import { sensorLayer } from './sensorLayer';
import { vehicleLayer } from './vehicleLayer';

export const MAP_LAYERS: readonly MapLayer[] = [
  queueLayer,
  divisionLayer,
  gridLayer,
  activeCaseLayer,
  partsLayer,
  alarmLayer,
  cameraLayer,
  sensorLayer,
  vehicleLayer,
];
