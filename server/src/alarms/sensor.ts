// One sensor as the alarm engine holds it in memory: its reference data, its rule state and its open
// alarms. Apart from the engine so that loading and flushing (alarm-load.ts) need no engine import.
import type { SensorType } from '@contract/alarms';
import { initialState, type SensorState } from './rules';

export interface SensorInfo {
  id: string;
  type: SensorType;
  name: string;
  lon: number;
  lat: number;
  districtCode: string | null;
  gridCellId: string | null;
  partId: string | null;
  ownerDepartmentId: string | null;
  intervalS: number;
}

export interface LiveSensor {
  info: SensorInfo;
  state: SensorState;
  /** current threshold alarm (any status) until its condition ends, and current offline alarm */
  alarmId: string | null;
  offlineAlarmId: string | null;
  recent: Array<[number, number]>;
  dirty: boolean;
}

/** A sensor with no history: the state a new or first-seen sensor starts in. */
export function freshSensor(info: SensorInfo, lastSeenMs: number | null): LiveSensor {
  return {
    info,
    state: initialState(lastSeenMs),
    alarmId: null,
    offlineAlarmId: null,
    recent: [],
    dirty: false,
  };
}
