// Reference slice: categories, departments and administrative divisions for filters, names and the
// dispatch department picker (GET /api/reference, loaded after sign-in).
import type { CategoryKind } from '@contract/domain';
import type { Lang } from './ui';

export interface CategoryRef {
  id: string;
  kind: CategoryKind;
  code: string;
  majorCode: string;
  name: string;
  nameEn: string;
  isMajor: boolean;
  active: boolean;
}

export interface DepartmentRef {
  id: string;
  name: string;
  nameEn: string;
  kind: string;
  districtCode: string | null;
  streetCode: string | null;
  active: boolean;
}

export interface DivisionRef {
  code: string;
  name: string;
  nameEn: string;
  level: string;
  parentCode: string | null;
}

export interface ReferenceData {
  categories: CategoryRef[];
  departments: DepartmentRef[];
  divisions: DivisionRef[];
}

export interface ReferenceState extends ReferenceData {
  status: 'idle' | 'loading' | 'ready' | 'error';
}

export type ReferenceEvent =
  { type: 'loading' } | { type: 'loaded'; data: ReferenceData } | { type: 'clear' };

export function initialReference(): ReferenceState {
  return { status: 'idle', categories: [], departments: [], divisions: [] };
}

export function reduceReference(state: ReferenceState, event: ReferenceEvent): ReferenceState {
  switch (event.type) {
    case 'loading':
      return state.status === 'ready' ? state : { ...state, status: 'loading' };
    case 'loaded':
      return { status: 'ready', ...event.data };
    case 'clear':
      return state.status === 'idle' ? state : initialReference();
  }
}

interface Named {
  name: string;
  nameEn: string;
}

export function nameIn(item: Named, lang: Lang): string {
  return lang === 'zh' || !item.nameEn ? item.name : item.nameEn;
}

const indexes = new WeakMap<readonly object[], Map<string, unknown>>();

function indexBy<T extends object>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  let index = indexes.get(items) as Map<string, T> | undefined;
  if (!index) {
    index = new Map(items.map((item) => [key(item), item]));
    indexes.set(items, index);
  }
  return index;
}

export function findDepartment(ref: ReferenceData, id: string | null): DepartmentRef | undefined {
  return id ? indexBy(ref.departments, (d) => d.id).get(id) : undefined;
}

export function findCategory(ref: ReferenceData, id: string | null): CategoryRef | undefined {
  return id ? indexBy(ref.categories, (c) => c.id).get(id) : undefined;
}

export function findDivision(ref: ReferenceData, code: string | null): DivisionRef | undefined {
  return code ? indexBy(ref.divisions, (d) => d.code).get(code) : undefined;
}

/** Name of a department, category or division in the language; the id when it is not known. */
export function departmentName(ref: ReferenceData, id: string | null, lang: Lang): string {
  const found = findDepartment(ref, id);
  return found ? nameIn(found, lang) : (id ?? '');
}

export function divisionName(ref: ReferenceData, code: string | null, lang: Lang): string {
  const found = findDivision(ref, code);
  return found ? nameIn(found, lang) : (code ?? '');
}

/** Subclasses (the codes cases carry), grouped under their major class, for a category picker. */
export function categoryGroups(ref: ReferenceData): Array<{ major: CategoryRef; items: CategoryRef[] }> {
  const majors = ref.categories.filter((c) => c.isMajor && c.active);
  return majors
    .map((major) => ({
      major,
      items: ref.categories.filter(
        (c) => !c.isMajor && c.active && c.kind === major.kind && c.majorCode === major.majorCode,
      ),
    }))
    .filter((group) => group.items.length > 0);
}
