// Case payloads on the wire (REST and Socket.IO), and request bodies validated at the edge.
import { z } from 'zod';
import { CaseCommand, CaseState, CategoryKind, Source, Urgency } from './domain';

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
const Url = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^(https?:\/\/|\/)/.test(u), 'must be an http(s) URL or a path starting with /');

export const ClockView = z.object({
  step: z.string().nullable(),
  state: z.enum(['green', 'yellow', 'red', 'paused', 'none']),
  deadline: z.string().nullable(),
  usedRatio: z.number().nullable(),
});
export type ClockView = z.infer<typeof ClockView>;

export const CaseSummary = z.object({
  id: z.string(),
  caseNumber: z.string(),
  state: CaseState,
  source: Source,
  kind: CategoryKind,
  categoryId: z.string(),
  categoryName: z.string(),
  urgency: Urgency,
  lon: z.number(),
  lat: z.number(),
  address: z.string(),
  description: z.string(),
  districtCode: z.string().nullable(),
  streetCode: z.string().nullable(),
  gridCellId: z.string().nullable(),
  partId: z.string().nullable(),
  departmentId: z.string().nullable(),
  suggestedDepartmentId: z.string().nullable(),
  routingReason: z.string(),
  duplicateOfId: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  outcome: z.string().nullable(),
  reworkCount: z.number(),
  clock: ClockView,
  escalations: z.array(z.string()),
  drill: z.boolean(),
  version: z.number(),
  reportedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseEventView = z.object({
  id: z.number(),
  command: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  role: z.string(),
  note: z.string(),
  attachments: z.array(z.string()),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type CaseEventView = z.infer<typeof CaseEventView>;

export const CaseDetail = CaseSummary.extend({
  photos: z.array(z.string()),
  events: z.array(CaseEventView),
  allowedCommands: z.array(CaseCommand),
  possibleDuplicates: z.array(
    z.object({ id: z.string(), caseNumber: z.string(), distanceMeters: z.number() }),
  ),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** POST /api/cases and POST /api/ingest/reports */
export const ReportBody = z
  .object({
    source: Source,
    categoryId: z.string().trim().min(1).max(40).optional(),
    /** alternatively kind + 4-digit code */
    kind: CategoryKind.optional(),
    code: z
      .string()
      .regex(/^\d{4}$/, 'code is 4 digits (major + subclass)')
      .optional(),
    partId: z
      .string()
      .regex(/^\d{16}$/, 'partId is the 16-digit part ID')
      .optional(),
    lon: Lon,
    lat: Lat,
    address: z.string().trim().max(200).default(''),
    description: z.string().trim().min(1, 'describe the problem').max(2000),
    photos: z.array(Url).max(9).default([]),
    urgency: Urgency.optional(),
    externalRef: z.string().trim().max(64).optional(),
  })
  .strict()
  .refine((b) => b.categoryId || (b.kind && b.code) || b.partId, {
    message: 'give categoryId, or kind and code, or partId',
  });
export type ReportBody = z.infer<typeof ReportBody>;

/** POST /api/cases/:id/commands */
export const CommandBody = z
  .object({
    command: CaseCommand,
    version: z.number().int().positive('version is the case version you saw (optimistic concurrency)'),
    note: z.string().trim().max(2000).optional(),
    reason: z.string().trim().max(2000).optional(),
    attachments: z.array(Url).max(9).optional(),
    departmentId: z.string().trim().max(64).optional(),
    mergedIntoId: z.string().trim().max(64).optional(),
    extensionMinutes: z
      .number()
      .int()
      .positive()
      .max(60 * 24 * 90)
      .optional(),
    valid: z.boolean().optional(),
    urgency: Urgency.optional(),
    assigneeId: z.string().trim().max(64).optional(),
  })
  .strict();
export type CommandBody = z.infer<typeof CommandBody>;

export const CaseListQuery = z.object({
  state: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(CaseState).optional()),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  categoryId: z.string().max(40).optional(),
  urgency: Urgency.optional(),
  departmentId: z.string().max(64).optional(),
  clock: z.enum(['green', 'yellow', 'red']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['reportedAt', '-reportedAt', 'deadline', 'urgency']).default('-reportedAt'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** report channels, comma-separated (e.g. `sensor` for the cases confirmed from alarms) */
  source: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(Source).optional()),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;
