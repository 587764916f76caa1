// Reads a drill's after-action review (复盘) from the drill's own database: the node's client while it
// runs, once stopped a read-only client on its SQLite file or a client of its PostgreSQL database (the
// manager keeps both). The rows become the contract's records and actions; the figures are the pure
// domain's (domain/drill-review.ts).
import type { DrillReview, DrillReviewAction, DrillReviewRecord } from '@contract/drills';
import { createDb, openSqliteReadOnly, type Db } from '../db/client';
import { reviewFigures } from '../domain/drill-review';
import type { DrillManager } from './manager';
import { scenarios } from './runner';

const ALARM_ACTIONS = ['alarm.acknowledge', 'alarm.confirm', 'alarm.false'];
const iso = (d: Date) => d.toISOString();
const ids = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * Rows of the drill database as records and actions. `since`: the drill's start; a scenario's readings
 * are stamped up to a few minutes back (their series ends at the inject), so an alarm can say it began
 * before the drill did: the drill's start is then its inject time.
 */
async function readRows(
  db: Db,
  since: string,
): Promise<{ records: DrillReviewRecord[]; actions: DrillReviewAction[] }> {
  const [users, categories, cases, caseEvents, alarms, incidents, incidentEvents, audits] = await Promise.all(
    [
      db.user.findMany({ select: { id: true, username: true } }),
      db.category.findMany({ select: { id: true, name: true } }),
      db.case.findMany({
        select: {
          id: true,
          caseNumber: true,
          categoryId: true,
          address: true,
          source: true,
          reportedAt: true,
        },
      }),
      db.caseEvent.findMany({ orderBy: { id: 'asc' } }),
      db.alarm.findMany({
        select: {
          id: true,
          sensorId: true,
          sensorType: true,
          level: true,
          firstSeenAt: true,
          caseId: true,
          incidentId: true,
        },
      }),
      db.incident.findMany({
        select: { id: true, title: true, startedAt: true, caseIds: true, createdBy: true },
      }),
      db.incidentEvent.findMany({ orderBy: { id: 'asc' } }),
      db.auditEntry.findMany({
        where: { action: { in: ALARM_ACTIONS }, outcome: 'ok' },
        orderBy: { id: 'asc' },
      }),
    ],
  );
  const username = new Map(users.map((u) => [u.id, u.username]));
  const category = new Map(categories.map((c) => [c.id, c.name]));
  const reporter = new Map<string, string | null>();
  for (const e of caseEvents)
    if (e.command === 'report' && !reporter.has(e.caseId)) reporter.set(e.caseId, e.actorId);

  const records: DrillReviewRecord[] = [
    ...alarms.map((a) => ({
      kind: 'alarm' as const,
      id: a.id,
      label: `${a.sensorType} L${a.level} ${a.sensorId}`,
      at: iso(a.firstSeenAt) < since ? since : iso(a.firstSeenAt),
      injected: true,
      links: [a.caseId, a.incidentId].filter((x): x is string => !!x),
    })),
    ...cases.map((c) => ({
      kind: 'case' as const,
      id: c.id,
      label: `${c.caseNumber} ${category.get(c.categoryId) ?? c.categoryId} ${c.address}`.trim(),
      at: iso(c.reportedAt),
      injected: (reporter.get(c.id) ?? null) === null,
      links: [],
    })),
    ...incidents.map((i) => ({
      kind: 'incident' as const,
      id: i.id,
      label: i.title,
      at: iso(i.startedAt),
      injected: i.createdBy === null,
      links: ids(i.caseIds),
    })),
  ];
  const actions: DrillReviewAction[] = [
    ...caseEvents.map((e) => ({
      at: iso(e.at),
      kind: 'case' as const,
      recordId: e.caseId,
      command: e.command,
      toState: e.toState,
      unitStatus: null,
      actorId: e.actorId,
      username: e.actorId ? (username.get(e.actorId) ?? e.actorId) : null,
      role: e.role,
      note: e.note,
    })),
    ...audits.map((e) => ({
      at: iso(e.at),
      kind: 'alarm' as const,
      recordId: e.target ?? '',
      command: e.action.slice('alarm.'.length),
      toState: null,
      unitStatus: null,
      actorId: e.actorId,
      username: e.username,
      role: e.role ?? 'system',
      note: '',
    })),
    ...incidentEvents.map((e) => ({
      at: iso(e.at),
      kind: 'incident' as const,
      recordId: e.incidentId,
      command: e.command,
      toState: e.toState,
      unitStatus: e.unitStatus,
      actorId: e.actorId,
      username: e.actorId ? (username.get(e.actorId) ?? e.actorId) : null,
      role: e.role,
      note: e.note,
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { records, actions };
}

export async function readDrillReview(manager: DrillManager, id: string): Promise<DrillReview> {
  const drill = manager.kept(id);
  const info = manager.info(id);
  const status = info.status === 'purged' ? 'stopped' : info.status;
  const { database } = drill;
  const own = drill.node
    ? null
    : database.provider === 'sqlite'
      ? openSqliteReadOnly(database.file)
      : await createDb(database);
  try {
    const { records, actions } = await readRows(drill.node?.ctx.db ?? (own as Db), info.startedAt);
    const script = info.scenarioId ? scenarios().get(info.scenarioId) : undefined;
    return {
      drill: {
        id: info.id,
        scenarioId: info.scenarioId,
        scenarioName: script?.name ?? null,
        scenarioNameEn: script?.nameEn ?? null,
        status,
        startedAt: info.startedAt,
        stoppedAt: info.stoppedAt,
        startedBy: info.startedBy,
      },
      steps: info.scenario?.injected ?? [],
      records,
      actions,
      figures: reviewFigures(records, actions),
    };
  } finally {
    await own?.$disconnect();
  }
}
