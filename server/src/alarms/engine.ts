// The alarm engine: keeps each sensor's rule state in memory (loaded at start from the sensors and their
// current alarms), evaluates readings with the pure rules of alarm-rules.ts and writes every alarm
// change (raised, escalated, cleared, offline) with its outbox row in one transaction per batch.
// Raw readings are lossy: they go to the live bus as transient items, not to the database; each
// sensor keeps its last 60 readings in memory for the detail view, and last values are flushed
// to the Sensor table every minute. One node evaluates a given sensor (see docs/adr/0005).
import crypto from 'node:crypto';
import type { SensorReading } from '@contract/alarms';
import type { ServerContext } from '../context';
import type { Tx } from '../db/client';
import type { TransientItem } from '../stream/bus';
import { alarmOutbox, type AlarmRow } from './view';
import { notAhead } from '../ingest/time';
import {
  checkOffline,
  DEFAULT_RULES,
  evaluateReading,
  holdMessage,
  holdOf,
  type AlarmAction,
  type Hold,
  type SensorState,
  type Threshold,
} from './rules';
import { flushSensors, groupThresholds, loadEngineState } from './load';
import type { LiveSensor } from './sensor';

export type { LiveSensor, SensorInfo } from './sensor';

export interface IngestResult {
  accepted: number;
  rejected: Array<{ index: number; error: string }>;
  raised: number;
  escalated: number;
  cleared: number;
  /** readings beyond a threshold that raised no alarm, and the rule that held each back (first 100) */
  held: Array<{ index: number; sensorId: string; reason: Hold['reason']; message: string }>;
}

const HELD_LISTED = 100;

const RECENT = 60;
const OFFLINE_LEVEL = 3;
/** the rejection of a reading for a sensor this node does not evaluate (any more): the router sends it on */
export const NOT_OWNER = 'sensor is evaluated by another node';
/** the rejection of a reading whose alarm change could not be committed (the database too slow or failing):
 *  its sensor is back where it was before the batch, the router tries it again, a gateway sends it again */
export const NOT_SAVED = 'alarm change not saved (database busy): send the reading again';
/** sensors whose alarm changes commit in one transaction: a few hundred round trips at most */
const WRITE_CHUNK = 50;

/** Thrown inside an alarm transaction when this node no longer holds a partition it writes for (leases.ts). */
export class FencedError extends Error {
  constructor(partitions: number[]) {
    super(`this node no longer holds alarm partitions ${partitions.join(', ')}`);
  }
}

type Work = Array<{ sensor: LiveSensor; actions: AlarmAction[] }>;
/** what a failed write puts back: a sensor's state and alarm ids before the batch */
type Before = { state: SensorState; alarmId: string | null; offlineAlarmId: string | null };
const before = (s: LiveSensor): Before => ({
  state: s.state,
  alarmId: s.alarmId,
  offlineAlarmId: s.offlineAlarmId,
});

export class AlarmEngine {
  readonly sensors = new Map<string, LiveSensor>();
  thresholds = new Map<string, Threshold[]>();
  /** sensors with their own thresholds (set by an administrator): these replace the type's */
  bySensor = new Map<string, Threshold[]>();
  units = new Map<string, string>();
  private timers: NodeJS.Timeout[] = [];
  private lastSweepMs = 0;
  /** With several nodes (alarm-leases.ts): whether this node evaluates a sensor now (default: all). */
  owns: (sensorId: string) => boolean = () => true;
  /** With several nodes: throws inside the alarm transaction when this node lost a sensor's lease. */
  fence: ((tx: Tx, sensorIds: string[]) => Promise<void>) | null = null;
  /** Prisma's limits for one alarm transaction: waiting for a connection, and running (default 2 s / 5 s) */
  writeLimits = { maxWait: 10_000, timeout: 15_000 };

  constructor(private readonly ctx: ServerContext) {}

  async load(): Promise<void> {
    const loaded = await loadEngineState(this.ctx.db);
    this.thresholds = loaded.thresholds;
    this.bySensor = loaded.bySensor;
    this.units = loaded.units;
    this.sensors.clear();
    for (const s of loaded.sensors) this.sensors.set(s.info.id, s);
  }

  /** Rebuilds the state of the given sensors from the database (open alarms, last values): a node that
   *  takes sensors over from another starts from what that node committed. Keeps their recent readings. */
  async reload(which: (sensorId: string) => boolean): Promise<number> {
    const loaded = await loadEngineState(this.ctx.db);
    this.thresholds = loaded.thresholds;
    this.bySensor = loaded.bySensor;
    this.units = loaded.units;
    let n = 0;
    for (const s of loaded.sensors) {
      if (!which(s.info.id)) continue;
      s.recent = this.sensors.get(s.info.id)?.recent ?? [];
      this.sensors.set(s.info.id, s);
      n++;
    }
    return n;
  }

  /** The thresholds in force for a sensor: its own rows, else its type's. */
  thresholdsOf(info: { id: string; type: string }): Threshold[] {
    return this.bySensor.get(info.id) ?? this.thresholds.get(info.type) ?? [];
  }

  /** Re-reads the thresholds after an administrator changed them; the next reading uses them. */
  async reloadThresholds(): Promise<void> {
    const grouped = groupThresholds(await this.ctx.db.sensorThreshold.findMany());
    this.thresholds = grouped.thresholds;
    this.bySensor = grouped.bySensor;
    this.units = grouped.units;
  }

  start(): void {
    const sweep = setInterval(
      () => void this.sweep().catch((err: unknown) => this.ctx.log.error('offline sweep failed', { err })),
      30_000,
    );
    const flush = setInterval(
      () => void this.flush().catch((err: unknown) => this.ctx.log.error('sensor flush failed', { err })),
      60_000,
    );
    sweep.unref();
    flush.unref();
    this.timers.push(sweep, flush);
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.flush().catch(() => undefined);
  }

  /** Evaluates a batch of readings; alarm changes of the whole batch commit in one transaction. */
  async ingest(readings: SensorReading[]): Promise<IngestResult> {
    const now = this.ctx.clock.now().getTime();
    const result: IngestResult = { accepted: 0, rejected: [], raised: 0, escalated: 0, cleared: 0, held: [] };
    const work: Work = [];
    const transient: TransientItem[] = [];
    const previous = new Map<LiveSensor, Before>();
    readings.forEach((r, index) => {
      const sensor = this.sensors.get(r.sensorId);
      if (!sensor) {
        result.rejected.push({ index, error: `unknown sensor ${r.sensorId}` });
        return;
      }
      if (!this.owns(r.sensorId)) {
        result.rejected.push({ index, error: NOT_OWNER });
        return;
      }
      const atMs = r.at ? Date.parse(r.at) : now;
      const ahead = notAhead(atMs, now);
      if (ahead) {
        result.rejected.push({ index, error: ahead });
        return;
      }
      if (!previous.has(sensor)) previous.set(sensor, before(sensor));
      const evaluated = evaluateReading(sensor.state, this.thresholdsOf(sensor.info), r.value, atMs);
      sensor.state = evaluated.state;
      sensor.dirty = true;
      const hold = holdOf(evaluated.state, this.thresholdsOf(sensor.info), r.value, evaluated.actions);
      if (hold && result.held.length < HELD_LISTED)
        result.held.push({ index, sensorId: r.sensorId, reason: hold.reason, message: holdMessage(hold) });
      sensor.recent.push([atMs, r.value]);
      if (sensor.recent.length > RECENT) sensor.recent.shift();
      result.accepted++;
      if (evaluated.actions.length) work.push({ sensor, actions: evaluated.actions });
      transient.push({
        id: sensor.info.id,
        lon: sensor.info.lon,
        lat: sensor.info.lat,
        at: new Date(atMs).toISOString(),
        type: sensor.info.type,
        value: r.value,
        level: sensor.state.level,
        departmentId: sensor.info.ownerDepartmentId,
      });
    });
    let failed = new Map<LiveSensor, string>();
    if (work.length) {
      const applied = await this.apply(work);
      failed = applied.failed;
      result.raised = applied.counts.raised;
      result.escalated = applied.counts.escalated;
      result.cleared = applied.counts.cleared;
      if (failed.size) this.unsaved(readings, result, previous, failed);
    }
    this.ctx.bus.publishTransient(
      'sensor.reading',
      failed.size ? transient.filter((t) => !failed.has(this.sensors.get(t.id)!)) : transient,
    );
    if (now - this.lastSweepMs > 30_000) {
      // The readings are in; a sweep that cannot write now is tried again at the next one.
      await this.sweep().catch((err: unknown) => this.ctx.log.warn('offline sweep failed', { err }));
    }
    return result;
  }

  /** A write failed: its sensors go back to their state before the batch, and their readings are answered
   *  NOT_SAVED (NOT_OWNER when the lease was lost), so they are evaluated again, not half-applied. */
  private unsaved(
    readings: SensorReading[],
    result: IngestResult,
    previous: Map<LiveSensor, Before>,
    failed: Map<LiveSensor, string>,
  ): void {
    for (const sensor of failed.keys()) Object.assign(sensor, previous.get(sensor));
    const rejected = new Set(result.rejected.map((r) => r.index));
    readings.forEach((r, index) => {
      const sensor = this.sensors.get(r.sensorId);
      const error = sensor && failed.get(sensor);
      if (!error || rejected.has(index)) return;
      result.rejected.push({ index, error });
      result.accepted--;
    });
    result.rejected.sort((a, b) => a.index - b.index);
    result.held = result.held.filter((h) => !failed.has(this.sensors.get(h.sensorId)!));
  }

  /** Raises device-offline alarms for sensors silent for offlineFactor x interval. */
  async sweep(): Promise<number> {
    const now = this.ctx.clock.now().getTime();
    this.lastSweepMs = now;
    const work: Work = [];
    const previous = new Map<LiveSensor, Before>();
    for (const sensor of this.sensors.values()) {
      if (!this.owns(sensor.info.id)) continue;
      const { state, action } = checkOffline(sensor.state, now, sensor.info.intervalS, DEFAULT_RULES);
      if (!action) continue;
      previous.set(sensor, before(sensor));
      sensor.state = state;
      work.push({ sensor, actions: [action] });
    }
    if (!work.length) return 0;
    const { failed } = await this.apply(work);
    // not written: back to online, so the next sweep raises them
    for (const sensor of failed.keys()) Object.assign(sensor, previous.get(sensor));
    return work.length - failed.size;
  }

  /** Alarm writes commit one batch at a time, in the order the batches were evaluated: on PostgreSQL two
   *  concurrent transactions would otherwise clear an alarm whose raise is not committed yet. */
  private writing: Promise<unknown> = Promise.resolve();

  private apply(work: Work) {
    const next = this.writing.then(() => this.writeChunks(work));
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Writes in transactions of WRITE_CHUNK sensors (a sensor's actions stay in one), so no transaction
   *  outlives Prisma's limits on a busy database. A chunk that fails is rolled back and reported by sensor
   *  (with the rejection its readings get); the others commit. */
  private async writeChunks(work: Work) {
    const counts = { raised: 0, escalated: 0, cleared: 0 };
    const failed = new Map<LiveSensor, string>();
    // In id order, the order the flush's UPDATE … WHERE id IN (…) locks rows in: no deadlock between them.
    const sensors = [...new Set(work.map((w) => w.sensor))].sort((x, y) =>
      x.info.id < y.info.id ? -1 : x.info.id > y.info.id ? 1 : 0,
    );
    for (let i = 0; i < sensors.length; i += WRITE_CHUNK) {
      const chunk = new Set(sensors.slice(i, i + WRITE_CHUNK));
      try {
        const c = await this.write(work.filter((w) => chunk.has(w.sensor)));
        counts.raised += c.raised;
        counts.escalated += c.escalated;
        counts.cleared += c.cleared;
      } catch (err) {
        const fenced = err instanceof FencedError;
        if (!fenced) this.ctx.log.warn('alarm changes not saved', { err, sensors: chunk.size });
        for (const s of chunk) failed.set(s, fenced ? NOT_OWNER : NOT_SAVED);
      }
    }
    return { counts, failed };
  }

  private async write(work: Work) {
    const counts = { raised: 0, escalated: 0, cleared: 0 };
    const drill = this.ctx.config.drill;
    const nowDate = this.ctx.clock.now();
    await this.ctx.db.$transaction(async (tx) => {
      if (this.fence)
        await this.fence(
          tx,
          work.map((w) => w.sensor.info.id),
        );
      for (const { sensor, actions } of work) {
        // Folds only keep the latest values: one update per sensor per batch.
        const lastFold = actions.filter((a) => a.type === 'fold').pop();
        for (const action of actions) {
          if (action.type === 'fold') continue;
          if (action.type === 'raise') counts.raised++;
          if (action.type === 'escalate') counts.escalated++;
          if (action.type === 'clear' || action.type === 'online') counts.cleared++;
          await this.persist(tx, sensor, action, drill, nowDate);
        }
        if (lastFold && lastFold.type === 'fold' && sensor.alarmId) {
          await tx.alarm.update({
            where: { id: sensor.alarmId },
            data: {
              value: lastFold.value,
              peak: lastFold.peak,
              count: lastFold.count,
              lastSeenAt: new Date(lastFold.atMs),
            },
          });
        }
      }
    }, this.writeLimits);
    this.ctx.bus.notifyOutbox();
    return counts;
  }

  private async persist(
    tx: Tx,
    sensor: LiveSensor,
    action: AlarmAction,
    drill: boolean,
    now: Date,
  ): Promise<void> {
    const { info } = sensor;
    const at = new Date(action.atMs);
    const unit = this.units.get(info.type) ?? '';
    const base = {
      sensorId: info.id,
      sensorType: info.type,
      lon: info.lon,
      lat: info.lat,
      districtCode: info.districtCode,
      gridCellId: info.gridCellId,
      departmentId: info.ownerDepartmentId,
      unit,
      drill,
    };
    let row: AlarmRow | null = null;
    let type: Parameters<typeof alarmOutbox>[1] = 'alarm.raised';
    if (action.type === 'raise') {
      row = await tx.alarm.create({
        data: {
          ...base,
          id: crypto.randomUUID(),
          kind: 'threshold',
          level: action.level,
          status: 'open',
          direction: action.threshold.direction,
          threshold: action.threshold.value,
          value: action.value,
          peak: action.value,
          count: action.count,
          firstSeenAt: at,
          lastSeenAt: at,
        },
      });
      sensor.alarmId = row.id;
    } else if (action.type === 'escalate' && sensor.alarmId) {
      type = 'alarm.escalated';
      row = await tx.alarm.update({
        where: { id: sensor.alarmId },
        data: {
          level: action.level,
          threshold: action.threshold.value,
          value: action.value,
          peak: action.peak,
          count: action.count,
          lastSeenAt: at,
          version: { increment: 1 },
        },
      });
    } else if (action.type === 'clear' && sensor.alarmId) {
      type = 'alarm.cleared';
      row = await this.endCondition(tx, sensor.alarmId, at, action.value);
      sensor.alarmId = null;
    } else if (action.type === 'offline') {
      row = await tx.alarm.create({
        data: {
          ...base,
          id: crypto.randomUUID(),
          kind: 'offline',
          level: OFFLINE_LEVEL,
          status: 'open',
          firstSeenAt: at,
          lastSeenAt: new Date(action.lastSeenMs),
        },
      });
      sensor.offlineAlarmId = row.id;
    } else if (action.type === 'online' && sensor.offlineAlarmId) {
      type = 'alarm.cleared';
      row = await this.endCondition(tx, sensor.offlineAlarmId, at, null);
      sensor.offlineAlarmId = null;
    }
    const status = sensor.state.offline ? 'offline' : sensor.state.level !== null ? 'alarm' : 'normal';
    await tx.sensor.update({ where: { id: info.id }, data: { status } });
    if (row) await alarmOutbox(tx, type, row, info.name, now);
  }

  /** The condition is over: an alarm nobody decided on is cleared; a decided one only records the end. */
  private async endCondition(tx: Tx, id: string, at: Date, value: number | null): Promise<AlarmRow> {
    const current = await tx.alarm.findUniqueOrThrow({ where: { id } });
    const active = current.status === 'open' || current.status === 'acknowledged';
    return tx.alarm.update({
      where: { id },
      data: {
        clearedAt: at,
        lastSeenAt: at,
        ...(value !== null ? { value } : {}),
        ...(active ? { status: 'cleared' } : {}),
        version: { increment: 1 },
      },
    });
  }

  /** Writes last values and last-seen times of sensors that reported since the last flush. */
  async flush(): Promise<number> {
    const dirty = [...this.sensors.values()].filter((s) => s.dirty);
    for (const s of dirty) s.dirty = false;
    try {
      return await flushSensors(this.ctx, dirty);
    } catch (err) {
      for (const s of dirty) s.dirty = true; // written at the next flush
      throw err;
    }
  }
}
