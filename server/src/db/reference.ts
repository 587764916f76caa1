// Reference data the workflow reads on every command (categories, departments, time limits, calendar,
// escalation policy), loaded from the database into memory and reloaded when an admin edits it.
import type { CategoryKind, Urgency } from '@contract/domain';
import {
  DEFAULT_ESCALATION_POLICY,
  makeCalendar,
  resolveTimeLimit,
  type ClockStep,
  type EscalationPolicy,
  type LimitUnit,
  type RoutingDepartment,
  type TimeLimitRow,
  type WorkingCalendar,
} from '../domain';
import type { Db } from './client';

export interface CategoryRef {
  id: string;
  kind: CategoryKind;
  code: string;
  majorCode: string;
  name: string;
  nameEn: string;
  defaultUrgency: Urgency;
  autoDispatch: boolean;
  safetyCritical: boolean;
  active: boolean;
  isMajor: boolean;
}

export interface DepartmentRef extends RoutingDepartment {
  name: string;
  nameEn: string;
}

export interface Reference {
  categories: Map<string, CategoryRef>;
  departments: Map<string, DepartmentRef>;
  limits: TimeLimitRow[];
  calendar: WorkingCalendar;
  escalation: EscalationPolicy;
  limitFor(category: CategoryRef, urgency: Urgency, step: ClockStep): { unit: LimitUnit; minutes: number };
}

export async function loadReference(db: Db): Promise<Reference> {
  const [categories, departments, ownership, limits, days, settings] = await Promise.all([
    db.category.findMany(),
    db.department.findMany(),
    db.departmentCategory.findMany(),
    db.timeLimit.findMany(),
    db.calendarDay.findMany(),
    db.setting.findMany(),
  ]);
  const setting = (key: string): unknown => {
    const row = settings.find((s) => s.key === key);
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  };
  const categoryMap = new Map<string, CategoryRef>(
    categories.map((c) => [
      c.id,
      {
        id: c.id,
        kind: c.kind as CategoryKind,
        code: c.code,
        majorCode: c.majorCode,
        name: c.name,
        nameEn: c.nameEn,
        defaultUrgency: c.defaultUrgency as Urgency,
        autoDispatch: c.autoDispatch,
        safetyCritical: c.safetyCritical,
        active: c.active,
        isMajor: c.minorCode === '',
      },
    ]),
  );
  const owned = new Map<string, string[]>();
  for (const o of ownership) owned.set(o.departmentId, [...(owned.get(o.departmentId) ?? []), o.categoryId]);
  const departmentMap = new Map<string, DepartmentRef>(
    departments.map((d) => [
      d.id,
      {
        id: d.id,
        name: d.name,
        nameEn: d.nameEn,
        kind: d.kind as DepartmentRef['kind'],
        districtCode: d.districtCode,
        streetCode: d.streetCode,
        active: d.active,
        categoryIds: owned.get(d.id) ?? [],
      },
    ]),
  );
  const limitRows: TimeLimitRow[] = limits.map((l) => ({
    categoryId: l.categoryId,
    urgency: l.urgency as Urgency,
    step: l.step as TimeLimitRow['step'],
    unit: l.unit as LimitUnit,
    minutes: l.minutes,
  }));
  const workingHours = setting('calendar.workingHours') as Array<{ start: string; end: string }> | undefined;
  const calendar = makeCalendar({
    ...(workingHours ? { workingHours } : {}),
    days: days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday', name: d.name })),
  });
  const esc = setting('escalation') as { remind?: number; urge?: number; supervise?: number } | undefined;
  const escalation: EscalationPolicy = { ...DEFAULT_ESCALATION_POLICY, ...(esc ? toPolicy(esc) : {}) };
  return {
    categories: categoryMap,
    departments: departmentMap,
    limits: limitRows,
    calendar,
    escalation,
    limitFor(category, urgency, step) {
      const resolved = resolveTimeLimit(
        limitRows,
        { kind: category.kind, code: category.code, safetyCritical: category.safetyCritical },
        urgency,
        step,
      );
      // Without any configured row the step still gets a clock: one working day.
      return resolved ?? { unit: 'working_minutes', minutes: 480 };
    },
  };
}

function toPolicy(esc: { remind?: number; urge?: number; supervise?: number }): Partial<EscalationPolicy> {
  const out: Partial<EscalationPolicy> = {};
  if (typeof esc.remind === 'number') out.remindRatio = esc.remind;
  if (typeof esc.urge === 'number') out.urgeRatio = esc.urge;
  if (typeof esc.supervise === 'number') out.supervise = { ratio: esc.supervise };
  return out;
}
