// The alarm layer's data step: open and acknowledged alarms from REST, checked with the contract's
// schema, as immutable items; and the pulse (a level-1 alarm pulses fastest, level 4 not at all). No
// Cesium: Node tests run it.
import { z } from 'zod';
import { AlarmView } from '@contract/alarms';
import type { MapPick } from '../../state/layers';
import type { LayerApi } from './layerApi';

export const AlarmList = z.object({ alarms: z.array(AlarmView) });

export const loadAlarms = (api: LayerApi) => api.get('/alarms?status=open,acknowledged', AlarmList);

export interface AlarmItem {
  readonly lon: number;
  readonly lat: number;
  readonly level: number;
  readonly pick: Readonly<MapPick>;
}

export const formatAlarms = ({ alarms }: z.infer<typeof AlarmList>): AlarmItem[] =>
  alarms.map((a) => ({
    lon: a.lon,
    lat: a.lat,
    level: a.level,
    pick: { kind: 'alarm', id: a.id, label: a.sensorName, level: a.level },
  }));

/** Alpha of an alarm symbol at time `ms`: level 1 pulses fastest, level 4 does not pulse. */
export function alarmPulse(level: number, ms: number): number {
  const period = level <= 1 ? 800 : level === 2 ? 1_200 : level === 3 ? 1_800 : 0;
  if (!period) return 1;
  return 0.35 + 0.65 * (0.5 + 0.5 * Math.cos((2 * Math.PI * ms) / period));
}
