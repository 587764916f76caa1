// A sensor as the map shows it: its description with the alarm engine's live state (status, last value,
// alarm level). Read from the engine's memory, never from the database.
import type { SensorView } from '@contract/city';
import type { AlarmEngine } from './engine';

export function sensorView(engine: AlarmEngine, id: string): SensorView | null {
  const s = engine.sensors.get(id);
  if (!s) return null;
  const { info, state } = s;
  return {
    id: info.id,
    type: info.type,
    name: info.name,
    lon: info.lon,
    lat: info.lat,
    districtCode: info.districtCode,
    partId: info.partId,
    ownerDepartmentId: info.ownerDepartmentId,
    intervalS: info.intervalS,
    status: state.offline ? 'offline' : state.level !== null ? 'alarm' : 'normal',
    unit: engine.units.get(info.type) ?? '',
    lastValue: state.lastValue,
    lastSeenAt: state.lastSeenMs !== null ? new Date(state.lastSeenMs).toISOString() : null,
    alarmLevel: state.level,
  };
}

/** Every sensor the engine knows, in its order. */
export const sensorViews = (engine: AlarmEngine): SensorView[] =>
  [...engine.sensors.keys()].map((id) => sensorView(engine, id)).filter((s): s is SensorView => !!s);

/** The sensors mounted on a city part. */
export const sensorViewsOfPart = (engine: AlarmEngine, partId: string): SensorView[] =>
  [...engine.sensors.values()]
    .filter((s) => s.info.partId === partId)
    .map((s) => sensorView(engine, s.info.id))
    .filter((s): s is SensorView => !!s);

/** The sensor's last readings, oldest first, as the detail panel plots them. */
export const recentReadings = (engine: AlarmEngine, id: string) =>
  (engine.sensors.get(id)?.recent ?? []).map(([at, value]) => ({ at: new Date(at).toISOString(), value }));
