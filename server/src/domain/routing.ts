// Suggests the responsible department of a case (责任单位).
//   Parts  部件先属主后属地: the part's owner, then the territory.
//   Events 事件先属地后属主: the territory if it handles this category, then the competent department.
// The owner of a part is the owner of the part instance (from the part census) or, when the
// instance is unknown, the functional department that owns the category (all gas covers belong
// to the gas company). Only when neither is known (权属不明, e.g. 0114 不明井盖) does the territory
// take it. Inputs are plain data; the reason is recorded in the case event.
import type { CategoryKind } from '@contract/domain';
import { categoryId, majorCategoryId } from './timelimits';

export interface RoutingDepartment {
  id: string;
  kind: 'functional' | 'district' | 'street';
  districtCode?: string | null;
  streetCode?: string | null;
  /** Category ids (`part-0101`, `event-0401`, or a major class `event-05`) the department handles. */
  categoryIds: readonly string[];
  active?: boolean;
}

export interface RoutingInput {
  kind: CategoryKind;
  /** 4-digit category code */
  categoryCode: string;
  /** from the case's grid cell */
  districtCode: string | null;
  streetCode: string | null;
  /** owner department of the part instance, if the part is identified and its owner known */
  partOwnerDepartmentId?: string | null;
  /** the category is flagged for automatic dispatch */
  autoDispatch?: boolean;
  departments: readonly RoutingDepartment[];
}

export const ROUTING_RULES = [
  'part_owner',
  'category_owner',
  'territory_street',
  'territory_district',
  'competent_department',
  'territory_fallback',
  'none',
] as const;
export type RoutingRule = (typeof ROUTING_RULES)[number];

export interface RoutingDecision {
  departmentId: string | null;
  rule: RoutingRule;
  /** human-readable rule, Chinese then English, recorded in the case event */
  reason: string;
  autoDispatch: { dispatch: boolean; reason: string };
}

const REASONS: Readonly<Record<RoutingRule, string>> = {
  part_owner: '部件先属主后属地：派往部件权属单位 / Part: owner first — sent to the owner of the part',
  category_owner:
    '部件先属主后属地：部件未登记权属，派往该类部件的主管单位 / Part: owner first — part owner unknown, sent to the department that owns this category of parts',
  territory_street:
    '事件先属地后属主：派往所在街道 / Event: territory first — sent to the street of the grid cell',
  territory_district:
    '事件先属地后属主：街道无对应职责，派往所在区 / Event: territory first — street has no such duty, sent to the district',
  competent_department:
    '事件先属地后属主：属地无对应职责，派往主管部门 / Event: territory first — the territory does not handle this category, sent to the competent department',
  territory_fallback:
    '事件先属地后属主：无部门负责此类事件，由所在区兜底 / Event: no department handles this category; the district takes it',
  none: '未找到责任单位，请人工派遣 / No responsible department found; dispatch manually',
};

function partTerritoryReason(level: 'street' | 'district'): string {
  return level === 'street'
    ? '部件先属主后属地：权属不明，派往所在街道 / Part: owner unknown — sent to the street of the grid cell'
    : '部件先属主后属地：权属不明，派往所在区 / Part: owner unknown — sent to the district of the grid cell';
}

function handles(dept: RoutingDepartment, kind: CategoryKind, code: string): boolean {
  return (
    dept.categoryIds.includes(categoryId(kind, code)) ||
    dept.categoryIds.includes(majorCategoryId(kind, code))
  );
}

function first(depts: readonly RoutingDepartment[], predicate: (d: RoutingDepartment) => boolean) {
  return depts
    .filter((d) => d.active !== false && predicate(d))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}

function streetOf(input: RoutingInput, needsCategory: boolean) {
  if (!input.streetCode) return undefined;
  return first(
    input.departments,
    (d) =>
      d.kind === 'street' &&
      d.streetCode === input.streetCode &&
      (!needsCategory || handles(d, input.kind, input.categoryCode)),
  );
}

function districtOf(input: RoutingInput, needsCategory: boolean) {
  if (!input.districtCode) return undefined;
  return first(
    input.departments,
    (d) =>
      d.kind === 'district' &&
      d.districtCode === input.districtCode &&
      (!needsCategory || handles(d, input.kind, input.categoryCode)),
  );
}

/** A functional department owning the category: one of the case's district first, then a city-wide one. */
function competentOf(input: RoutingInput) {
  const owning = (d: RoutingDepartment) =>
    d.kind === 'functional' && handles(d, input.kind, input.categoryCode);
  return (
    (input.districtCode
      ? first(input.departments, (d) => owning(d) && d.districtCode === input.districtCode)
      : undefined) ?? first(input.departments, (d) => owning(d) && !d.districtCode)
  );
}

function decide(input: RoutingInput): {
  dept: RoutingDepartment | undefined;
  rule: RoutingRule;
  reason?: string;
} {
  if (input.kind === 'part') {
    const owner = input.partOwnerDepartmentId
      ? first(input.departments, (d) => d.id === input.partOwnerDepartmentId)
      : undefined;
    if (owner) return { dept: owner, rule: 'part_owner' };
    const categoryOwner = competentOf(input);
    if (categoryOwner) return { dept: categoryOwner, rule: 'category_owner' };
    const street = streetOf(input, false);
    if (street) return { dept: street, rule: 'territory_street', reason: partTerritoryReason('street') };
    const district = districtOf(input, false);
    if (district)
      return { dept: district, rule: 'territory_district', reason: partTerritoryReason('district') };
    return { dept: undefined, rule: 'none' };
  }
  const street = streetOf(input, true);
  if (street) return { dept: street, rule: 'territory_street' };
  const district = districtOf(input, true);
  if (district) return { dept: district, rule: 'territory_district' };
  const competent = competentOf(input);
  if (competent) return { dept: competent, rule: 'competent_department' };
  const fallback = districtOf(input, false);
  if (fallback) return { dept: fallback, rule: 'territory_fallback' };
  return { dept: undefined, rule: 'none' };
}

export function suggestDepartment(input: RoutingInput): RoutingDecision {
  const { dept, rule, reason } = decide(input);
  const departmentId = dept?.id ?? null;
  let autoDispatch: RoutingDecision['autoDispatch'];
  if (!input.autoDispatch) {
    autoDispatch = {
      dispatch: false,
      reason: '该类别未设置自动派遣 / Category is not set for automatic dispatch',
    };
  } else if (!departmentId) {
    autoDispatch = {
      dispatch: false,
      reason:
        '该类别设置了自动派遣，但未找到责任单位，转人工派遣 / Auto-dispatch category, but no department found; manual dispatch',
    };
  } else {
    autoDispatch = {
      dispatch: true,
      reason: `该类别设置了自动派遣，按规则派往 ${departmentId} / Auto-dispatch category: sent to ${departmentId} by rule`,
    };
  }
  return { departmentId, rule, reason: reason ?? REASONS[rule], autoDispatch };
}
