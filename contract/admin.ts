// Administration on the wire (admin only): users and roles, and the audit of every change.
import { z } from 'zod';
import { SensorType } from './alarms';
import { Role, Urgency } from './domain';
import { IncidentLevel, IncidentType, RunCardNeed } from './incidents';

export const AdminUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  departmentId: z.string().nullable(),
  districtCode: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUserQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: Role.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type AdminUserQuery = z.infer<typeof AdminUserQuery>;

const DistrictCode = z.string().regex(/^\d{6}$/, 'districtCode is a 6-digit division code');

/** POST /api/admin/users */
export const AdminUserCreate = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'username: 3–64 lower-case letters, digits, . _ -'),
    displayName: z.string().trim().min(1, 'displayName is empty').max(64),
    role: Role,
    departmentId: z.string().trim().max(64).nullable().optional(),
    districtCode: DistrictCode.nullable().optional(),
    password: z.string().min(8, 'password: at least 8 characters').max(200),
  })
  .strict();
export type AdminUserCreate = z.infer<typeof AdminUserCreate>;

/** PATCH /api/admin/users/:id: only the fields given change */
export const AdminUserPatch = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    role: Role.optional(),
    departmentId: z.string().trim().max(64).nullable().optional(),
    districtCode: DistrictCode.nullable().optional(),
    active: z.boolean().optional(),
    password: z.string().min(8, 'password: at least 8 characters').max(200).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');
export type AdminUserPatch = z.infer<typeof AdminUserPatch>;

export const AdminChangeView = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});
export type AdminChangeView = z.infer<typeof AdminChangeView>;

// ---- Reference data and settings (docs/adr/0020) -----------------------------------------------------
// Every write carries `version`: the id of the newest audit entry of that resource as the client saw it
// (0 before any change). A write made on an older version is refused with 409 and the current state.

/** What the change list can be filtered by; the audit action is admin.<entity>.<create|update|delete>. */
export const ADMIN_ENTITIES = [
  'user',
  'department',
  'category',
  'timeLimit',
  'calendar',
  'threshold',
  'runCard',
  'evaluation',
] as const;
export const AdminEntity = z.enum(ADMIN_ENTITIES);
export type AdminEntity = z.infer<typeof AdminEntity>;

export const AdminChangeQuery = z.object({
  entity: AdminEntity.optional(),
  entityId: z.string().trim().min(1).max(80).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AdminChangeQuery = z.infer<typeof AdminChangeQuery>;

const Version = z.number({ error: 'version: the version you edited (a number)' }).int().min(0);

export const DEPARTMENT_KINDS = ['functional', 'district', 'street'] as const;
export const DepartmentKind = z.enum(DEPARTMENT_KINDS);

export const AdminDepartment = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: DepartmentKind,
  districtCode: z.string().nullable(),
  streetCode: z.string().nullable(),
  active: z.boolean(),
  categoryIds: z.array(z.string()),
  /** cases assigned to it (a department with cases is deactivated, never deleted) */
  caseCount: z.number(),
  version: z.number(),
});
export type AdminDepartment = z.infer<typeof AdminDepartment>;

const DepartmentFields = {
  name: z.string().trim().min(1, 'name is empty').max(60),
  nameEn: z.string().trim().max(120),
  kind: DepartmentKind,
  districtCode: DistrictCode.nullable(),
  streetCode: z
    .string()
    .regex(/^\d{9}$/, 'streetCode is a 9-digit division code')
    .nullable(),
  categoryIds: z.array(z.string().trim().min(1).max(40)).max(400),
};

/** POST /api/admin/departments */
export const AdminDepartmentCreate = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'id: 2–40 lower-case letters, digits and -'),
    ...DepartmentFields,
    nameEn: DepartmentFields.nameEn.default(''),
    districtCode: DepartmentFields.districtCode.default(null),
    streetCode: DepartmentFields.streetCode.default(null),
    categoryIds: DepartmentFields.categoryIds.default([]),
  })
  .strict();
export type AdminDepartmentCreate = z.infer<typeof AdminDepartmentCreate>;

/** PATCH /api/admin/departments/:id: only the fields given change */
export const AdminDepartmentPatch = z
  .object({
    version: Version,
    name: DepartmentFields.name.optional(),
    nameEn: DepartmentFields.nameEn.optional(),
    kind: DepartmentKind.optional(),
    districtCode: DepartmentFields.districtCode.optional(),
    streetCode: DepartmentFields.streetCode.optional(),
    categoryIds: DepartmentFields.categoryIds.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 1, 'nothing to change');
export type AdminDepartmentPatch = z.infer<typeof AdminDepartmentPatch>;

export const LIMIT_STEPS = ['accept', 'dispatch', 'handle', 'check', 'overall', 'onsite'] as const;
export const LimitStep = z.enum(LIMIT_STEPS);
export type LimitStep = z.infer<typeof LimitStep>;
export const LimitUnit = z.enum(['working_minutes', 'natural_minutes']);

export const TimeLimitEntry = z
  .object({
    urgency: Urgency,
    step: LimitStep,
    unit: LimitUnit,
    minutes: z
      .number({ error: 'minutes: a whole number of minutes' })
      .int('minutes: a whole number of minutes')
      .min(1, 'minutes: at least 1')
      .max(60 * 24 * 365, 'minutes: at most a year'),
  })
  .strict();
export type TimeLimitEntry = z.infer<typeof TimeLimitEntry>;

/** GET /api/admin/time-limits/:categoryId ("default" for the rows of every category) */
export const AdminCategory = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  defaultUrgency: Urgency,
  autoDispatch: z.boolean(),
  safetyCritical: z.boolean(),
  active: z.boolean(),
  version: z.number(),
});
export type AdminCategory = z.infer<typeof AdminCategory>;

export const AdminTimeLimits = z.object({
  categoryId: z.string().nullable(),
  rows: z.array(TimeLimitEntry),
  version: z.number(),
  /** the category itself (null for the default rows), editable with PATCH /api/admin/categories/:id */
  category: AdminCategory.nullable().default(null),
});
export type AdminTimeLimits = z.infer<typeof AdminTimeLimits>;

/** PUT /api/admin/time-limits/:categoryId: the category's own rows, replaced as a whole */
export const AdminTimeLimitsPut = z
  .object({ version: Version, rows: z.array(TimeLimitEntry).max(LIMIT_STEPS.length * 3) })
  .strict()
  .refine(
    (b) => new Set(b.rows.map((r) => `${r.urgency}:${r.step}`)).size === b.rows.length,
    'rows: one row per urgency and step',
  );
export type AdminTimeLimitsPut = z.infer<typeof AdminTimeLimitsPut>;

export const CalendarEntry = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD'),
    kind: z.enum(['holiday', 'workday']),
    name: z.string().trim().max(40).default(''),
  })
  .strict();
export type CalendarEntry = z.infer<typeof CalendarEntry>;

/** GET /api/admin/calendar/:year: holidays and make-up working days (调休) of the year */
export const AdminCalendar = z.object({
  year: z.number(),
  days: z.array(CalendarEntry),
  version: z.number(),
});
export type AdminCalendar = z.infer<typeof AdminCalendar>;

/** PUT /api/admin/calendar/:year: the year's exceptions, replaced as a whole */
export const AdminCalendarPut = z
  .object({ version: Version, days: z.array(CalendarEntry).max(366) })
  .strict()
  .refine((b) => new Set(b.days.map((d) => d.date)).size === b.days.length, 'days: each date once');
export type AdminCalendarPut = z.infer<typeof AdminCalendarPut>;

export const ThresholdEntry = z
  .object({
    level: z.number().int().min(1, 'level: 1 (critical) to 4 (notice)').max(4, 'level: 1 to 4'),
    direction: z.enum(['above', 'below']),
    value: z.number({ error: 'value: a number' }).finite(),
    clearMargin: z.number().min(0, 'clearMargin: 0 or more').finite().default(0),
    debounce: z
      .number()
      .int()
      .min(1, 'debounce: at least 1 consecutive reading')
      .max(100, 'debounce: at most 100'),
  })
  .strict();
export type ThresholdEntry = z.infer<typeof ThresholdEntry>;

/** GET /api/admin/thresholds/:sensorType (and ?sensorId= for one sensor's own rows) */
export const AdminThresholds = z.object({
  sensorType: SensorType,
  sensorId: z.string().nullable(),
  unit: z.string(),
  rows: z.array(ThresholdEntry),
  /** one sensor without its own rows: the type's rows are in force */
  inherited: z.boolean(),
  version: z.number(),
});
export type AdminThresholds = z.infer<typeof AdminThresholds>;

/** PUT /api/admin/thresholds/:sensorType[?sensorId=]: replaced as a whole; [] for a sensor = the type's */
export const AdminThresholdsPut = z
  .object({ version: Version, rows: z.array(ThresholdEntry).max(8) })
  .strict()
  .refine(
    (b) => new Set(b.rows.map((r) => `${r.level}:${r.direction}`)).size === b.rows.length,
    'rows: one row per level and direction',
  );
export type AdminThresholdsPut = z.infer<typeof AdminThresholdsPut>;

/** GET /api/admin/run-cards: every incident type × level with what is in force (edits or defaults) */
export const AdminRunCard = z.object({
  type: IncidentType,
  level: IncidentLevel,
  needs: z.array(RunCardNeed),
  edited: z.boolean(),
  version: z.number(),
});
export type AdminRunCard = z.infer<typeof AdminRunCard>;

/** PATCH /api/admin/categories/:id: only the fields given change (version: see above; optional) */
export const AdminCategoryPatch = z
  .object({
    version: Version.optional(),
    name: z.string().trim().min(1, 'name is empty').max(60).optional(),
    nameEn: z.string().trim().max(120).optional(),
    defaultUrgency: Urgency.optional(),
    autoDispatch: z.boolean().optional(),
    safetyCritical: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).some((k) => k !== 'version'), 'send at least one field to change');
export type AdminCategoryPatch = z.infer<typeof AdminCategoryPatch>;
