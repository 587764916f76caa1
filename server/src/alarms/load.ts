// Loading the alarm engine's state from the database at start, and flushing sensors' last values.
import type { SensorType } from '@contract/alarms';
import type { ServerContext } from '../context';
import type { Db } from '../db/client';
import type { Threshold } from './rules';
import { freshSensor, type LiveSensor } from './sensor';

export async function loadEngineState(db: Db) {
  const [rows, sensors, current] = await Promise.all([
    db.sensorThreshold.findMany(),
    db.sensor.findMany(),
    db.alarm.findMany({ where: { clearedAt: null } }),
  ]);
  const { thresholds, bySensor, units } = groupThresholds(rows);
  const live = new Map<string, LiveSensor>();
  for (const s of sensors) {
    const sensor = freshSensor(
      {
        id: s.id,
        type: s.type as SensorType,
        name: s.name,
        lon: s.lon,
        lat: s.lat,
        districtCode: s.districtCode,
        gridCellId: s.gridCellId,
        partId: s.partId,
        ownerDepartmentId: s.ownerDepartmentId,
        intervalS: s.intervalS,
      },
      s.lastSeenAt?.getTime() ?? null,
    );
    sensor.state.lastValue = s.lastValue;
    live.set(s.id, sensor);
  }
  for (const a of current) {
    const sensor = live.get(a.sensorId);
    if (!sensor) continue;
    if (a.kind === 'offline') {
      sensor.offlineAlarmId = a.id;
      sensor.state.offline = true;
      continue;
    }
    const threshold = (bySensor.get(a.sensorId) ?? thresholds.get(a.sensorType) ?? []).find(
      (t) => t.level === a.level && t.direction === a.direction,
    );
    if (!threshold) continue;
    sensor.alarmId = a.id;
    Object.assign(sensor.state, {
      level: a.level,
      threshold,
      count: a.count,
      peak: a.peak,
      lastValue: a.value,
    });
  }
  return { thresholds, bySensor, units, sensors: [...live.values()] };
}

type ThresholdRow = Awaited<ReturnType<Db['sensorThreshold']['findMany']>>[number];

/** Thresholds by sensor type, and the rows of sensors that have their own (they replace the type's). */
export function groupThresholds(rows: ThresholdRow[]) {
  const thresholds = new Map<string, Threshold[]>();
  const bySensor = new Map<string, Threshold[]>();
  const units = new Map<string, string>();
  for (const r of rows) {
    const map = r.sensorId ? bySensor : thresholds;
    const key = r.sensorId ?? r.sensorType;
    const list = map.get(key) ?? [];
    list.push({
      level: r.level,
      direction: r.direction as Threshold['direction'],
      value: r.value,
      clearMargin: r.clearMargin,
      debounce: r.debounce,
    });
    map.set(key, list);
    if (!r.sensorId) units.set(r.sensorType, r.unit);
  }
  return { thresholds, bySensor, units };
}

/** One UPDATE … CASE statement per 400 sensors; no long transaction that would hold up alarm writes. */
export async function flushSensors(ctx: ServerContext, sensors: LiveSensor[]): Promise<number> {
  const pg = ctx.config.database.provider === 'postgresql';
  const written = sensors.filter((s) => s.state.lastSeenMs !== null && s.state.lastValue !== null);
  for (let i = 0; i < written.length; i += 400) {
    const chunk = written.slice(i, i + 400);
    const params: unknown[] = [];
    const mark = (value: unknown, cast: string) => {
      params.push(value);
      return pg ? `$${params.length}::${cast}` : '?';
    };
    const values = chunk.map(
      (s) => `WHEN ${mark(s.info.id, 'text')} THEN ${mark(s.state.lastValue, 'double precision')}`,
    );
    const times = chunk.map(
      (s) =>
        `WHEN ${mark(s.info.id, 'text')} THEN ${mark(new Date(s.state.lastSeenMs as number), 'timestamp(3)')}`,
    );
    const ids = chunk.map((s) => mark(s.info.id, 'text'));
    await ctx.db.$executeRawUnsafe(
      `UPDATE "Sensor" SET "lastValue" = CASE "id" ${values.join(' ')} END, "lastSeenAt" = CASE "id" ${times.join(' ')} END WHERE "id" IN (${ids.join(', ')})`,
      ...params,
    );
  }
  return written.length;
}
