// Reading cases: detail with its timeline, scoped lists, duplicate candidates.
import type { CaseDetail, CaseListQuery, CaseSummary } from '@contract/cases';
import type { CaseCommand } from '@contract/domain';
import {
  bboxAround,
  canRead,
  findPossibleDuplicates,
  readScope,
  type Actor,
  type DuplicateMatch,
} from '../domain';
import { forbidden, notFound } from '../errors';
import type { Db } from '../db/client';
import type { Reference } from '../db/reference';
import type { EventRow } from './store';
import { SUMMARY_SELECT, toSnapshot, toSummary, type CaseRow, type SummaryRow } from './view';

export async function duplicatesOf(
  db: Db,
  subject: { id?: string; categoryId: string; lon: number; lat: number; reportedAt: Date },
): Promise<DuplicateMatch[]> {
  const [w, s, e, n] = bboxAround([subject.lon, subject.lat], 60);
  const day = 24 * 3600_000;
  const candidates = await db.case.findMany({
    where: {
      categoryId: subject.categoryId,
      lon: { gte: w, lte: e },
      lat: { gte: s, lte: n },
      reportedAt: {
        gte: new Date(subject.reportedAt.getTime() - day),
        lte: new Date(subject.reportedAt.getTime() + day),
      },
      NOT: { state: 'voided' },
    },
    select: {
      id: true,
      categoryId: true,
      lon: true,
      lat: true,
      reportedAt: true,
      state: true,
      mergedIntoId: true,
    },
    take: 50,
  });
  return findPossibleDuplicates(subject, candidates);
}

export async function toDetail(
  db: Db,
  ref: Reference,
  caseId: string,
  actor: Actor,
  now: Date,
  allowed: (row: CaseRow) => CaseCommand[],
): Promise<CaseDetail> {
  const row = (await db.case.findUnique({
    where: { id: caseId },
    include: { events: { orderBy: { id: 'asc' } } },
  })) as (CaseRow & { events: Array<EventRow & { id: number }> }) | null;
  if (!row) throw notFound(`case ${caseId}`);
  if (!canRead(toSnapshot(row), actor)) {
    throw forbidden('无权查看该案件 / You may not see this case (outside your department or district)');
  }
  const actorIds = [...new Set(row.events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const users = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, displayName: true },
  });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const dups = await duplicatesOf(db, row);
  const dupRows = dups.length
    ? await db.case.findMany({
        where: { id: { in: dups.map((d) => d.id) } },
        select: { id: true, caseNumber: true },
      })
    : [];
  const numbers = new Map(dupRows.map((d) => [d.id, d.caseNumber]));
  return {
    ...toSummary(row, ref, now),
    photos: JSON.parse(row.photos) as string[],
    events: row.events.map((e) => ({
      id: e.id,
      command: e.command,
      fromState: e.fromState,
      toState: e.toState,
      actorId: e.actorId,
      actorName: e.actorId ? (names.get(e.actorId) ?? e.actorId) : '系统 / system',
      role: e.role,
      note: e.note,
      attachments: JSON.parse(e.attachments) as string[],
      data: JSON.parse(e.data) as Record<string, unknown>,
      at: e.at.toISOString(),
    })),
    allowedCommands: allowed(row),
    possibleDuplicates: dups.map((d) => ({
      id: d.id,
      caseNumber: numbers.get(d.id) ?? d.id,
      distanceMeters: d.distanceMeters,
    })),
  };
}

const URGENCY_RANK: Record<string, number> = { critical: 0, urgent: 1, normal: 2 };

export async function listCases(
  db: Db,
  ref: Reference,
  query: CaseListQuery,
  actor: Actor,
  now: Date,
): Promise<{ total: number; items: CaseSummary[] }> {
  const scope = readScope(actor);
  if (scope.none) return { total: 0, items: [] };
  const and: object[] = [];
  if (!scope.all) {
    const own: object[] = [];
    const dept: Record<string, unknown> = {};
    if (scope.departmentId) dept.departmentId = scope.departmentId;
    if (scope.districtCode) dept.districtCode = scope.districtCode;
    own.push(dept);
    if (scope.orReporterId) own.push({ reporterId: scope.orReporterId });
    and.push({ OR: own });
  }
  if (query.state) and.push({ state: { in: query.state } });
  if (query.districtCode) and.push({ districtCode: query.districtCode });
  if (query.categoryId) and.push({ categoryId: query.categoryId });
  if (query.urgency) and.push({ urgency: query.urgency });
  if (query.departmentId) and.push({ departmentId: query.departmentId });
  if (query.source) and.push({ source: { in: query.source } });
  if (query.clock === 'red') and.push({ stepDeadline: { lt: now }, suspendedAt: null });
  if (query.q)
    and.push({
      OR: [
        { caseNumber: { contains: query.q } },
        { address: { contains: query.q } },
        { description: { contains: query.q } },
        { partId: query.q },
      ],
    });
  const where = { AND: and };
  const orderBy =
    query.sort === 'deadline'
      ? [{ stepDeadline: 'asc' as const }, { reportedAt: 'asc' as const }]
      : query.sort === 'reportedAt'
        ? [{ reportedAt: 'asc' as const }]
        : [{ reportedAt: 'desc' as const }];
  const inMemoryClock = query.clock === 'yellow' || query.clock === 'green';
  const [total, rows] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where,
      orderBy,
      skip: inMemoryClock ? 0 : query.offset,
      take: inMemoryClock ? 5000 : query.limit,
      select: SUMMARY_SELECT,
    }),
  ]);
  let items = (rows as SummaryRow[]).map((r) => toSummary(r, ref, now));
  if (query.sort === 'urgency')
    items.sort((a, b) => (URGENCY_RANK[a.urgency] ?? 9) - (URGENCY_RANK[b.urgency] ?? 9));
  if (inMemoryClock) {
    items = items.filter((c) => c.clock.state === query.clock);
    return { total: items.length, items: items.slice(query.offset, query.offset + query.limit) };
  }
  return { total, items };
}
