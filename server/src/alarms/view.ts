// Alarm rows to the wire shape of contract/alarms.ts, and the outbox entry of an alarm change.
import type { AlarmView, SensorType } from '@contract/alarms';
import type { Alarm } from '../db/generated/sqlite/client';
import type { Tx } from '../db/client';
import { appendOutbox } from '../db/outbox';

export type AlarmRow = Alarm;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAlarmView(row: AlarmRow, sensorName: string): AlarmView {
  return {
    id: row.id,
    sensorId: row.sensorId,
    sensorType: row.sensorType as SensorType,
    sensorName,
    kind: row.kind as AlarmView['kind'],
    level: row.level,
    status: row.status as AlarmView['status'],
    direction: (row.direction as AlarmView['direction']) ?? null,
    threshold: row.threshold,
    value: row.value,
    peak: row.peak,
    count: row.count,
    unit: row.unit,
    lon: row.lon,
    lat: row.lat,
    districtCode: row.districtCode,
    gridCellId: row.gridCellId,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    clearedAt: iso(row.clearedAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    acknowledgedBy: row.acknowledgedBy,
    decidedAt: iso(row.decidedAt),
    decidedBy: row.decidedBy,
    note: row.note,
    caseId: row.caseId,
    incidentId: row.incidentId,
    drill: row.drill,
    version: row.version,
  };
}

export type AlarmEventType =
  | 'alarm.raised'
  | 'alarm.escalated'
  | 'alarm.acknowledged'
  | 'alarm.confirmed'
  | 'alarm.linked'
  | 'alarm.false'
  | 'alarm.cleared';

/** Appends the alarm change to the outbox (same transaction as the change). */
export function alarmOutbox(tx: Tx, type: AlarmEventType, row: AlarmRow, sensorName: string, at: Date) {
  return appendOutbox(
    tx,
    {
      topic: 'alarm',
      type,
      entityId: row.id,
      departmentId: row.departmentId,
      districtCode: row.districtCode,
      payload: { alarm: toAlarmView(row, sensorName) },
    },
    at,
  );
}
