// Alarm thresholds for the administrator: per sensor type, and per sensor (a sensor's own rows replace
// its type's; none = the type's are in force). Replaced as a whole with the audit entry in one
// transaction; then the alarm engine re-reads them, so the next reading is judged by the new values.
import type { AdminThresholds, AdminThresholdsPut, ThresholdEntry } from '@contract/admin';
import type { SensorType } from '@contract/alarms';
import { changedEntries, expectVersion, recordChange, requireAdmin, versionOf } from '../audit/admin-changes';
import type { Actor } from '../auth/sessions';
import type { ServerContext } from '../context';
import { thresholdsProblem } from '../domain/admin-rules';
import { badRequest, notFound } from '../errors';

/** "L1.above" → "50 (clear 5, ×2)": the audit shows the levels that changed. */
const cells = (rows: ThresholdEntry[]) =>
  Object.fromEntries(
    rows.map((r) => [`L${r.level}.${r.direction}`, `${r.value} (clear ${r.clearMargin}, ×${r.debounce})`]),
  );
const key = (type: string, sensorId: string | null) => (sensorId ? `${type}/${sensorId}` : type);
const byLevel = (a: ThresholdEntry, b: ThresholdEntry) =>
  a.level - b.level || a.direction.localeCompare(b.direction);

export class AdminThresholdsService {
  constructor(
    private readonly ctx: ServerContext,
    private readonly reload: () => Promise<void>,
  ) {}

  private async checkSensor(type: SensorType, sensorId: string | null) {
    if (!sensorId) return;
    const sensor = await this.ctx.db.sensor.findUnique({ where: { id: sensorId } });
    if (!sensor) throw notFound(`sensor ${sensorId}`);
    if (sensor.type !== type)
      throw badRequest(
        `传感器 ${sensorId} 的类型是 ${sensor.type}，不是 ${type} / Sensor ${sensorId} is a ${sensor.type} sensor, not ${type}`,
      );
  }

  async get(type: SensorType, sensorId: string | null, actor: Actor): Promise<AdminThresholds> {
    requireAdmin(actor, '查看报警阈值 / read alarm thresholds');
    await this.checkSensor(type, sensorId);
    const rows = await this.ctx.db.sensorThreshold.findMany({ where: { sensorType: type } });
    const own = rows.filter((r) => r.sensorId === sensorId);
    const typeRows = rows.filter((r) => r.sensorId === null);
    const shown = sensorId && own.length === 0 ? typeRows : own;
    return {
      sensorType: type,
      sensorId,
      unit: typeRows[0]?.unit ?? '',
      rows: shown
        .map((r) => ({
          level: r.level,
          direction: r.direction as ThresholdEntry['direction'],
          value: r.value,
          clearMargin: r.clearMargin,
          debounce: r.debounce,
        }))
        .sort(byLevel),
      inherited: Boolean(sensorId) && own.length === 0,
      version: await versionOf(this.ctx.db, 'threshold', key(type, sensorId)),
    };
  }

  async put(
    type: SensorType,
    sensorId: string | null,
    body: AdminThresholdsPut,
    actor: Actor,
  ): Promise<AdminThresholds> {
    requireAdmin(actor, '修改报警阈值 / change alarm thresholds');
    if (!sensorId && body.rows.length === 0)
      throw badRequest(
        `传感器类型 ${type} 至少需要一条阈值 / A sensor type needs at least one threshold (send [] only for one sensor, to go back to its type's)`,
      );
    const problem = thresholdsProblem(body.rows);
    if (problem) throw badRequest(problem);
    const before = await this.get(type, sensorId, actor);
    const unit = before.unit;
    await this.ctx.db.$transaction(async (tx) => {
      await expectVersion(tx, 'threshold', key(type, sensorId), body.version, before);
      await tx.sensorThreshold.deleteMany({ where: { sensorType: type, sensorId } });
      await tx.sensorThreshold.createMany({
        data: body.rows.map((r) => ({
          id: `${sensorId ? `sensor:${sensorId}` : type}:${r.level}:${r.direction}`,
          sensorType: type,
          sensorId,
          unit,
          ...r,
        })),
      });
      await recordChange(tx, this.ctx, actor, {
        entity: 'threshold',
        id: key(type, sensorId),
        action: 'update',
        ...changedEntries(cells(before.inherited ? [] : before.rows), cells(body.rows)),
      });
    });
    await this.reload();
    return this.get(type, sensorId, actor);
  }
}
