// Seeds the demo city on first start (empty database): divisions, grid, departments, categories,
// time limits, calendar, users for every role and a first set of parts. Deterministic by SEED.
import type { ServerContext } from '../context';
import { hashPassword } from '../auth/password';
import { CATEGORIES, EVENT_MAJORS, FUNCTIONAL_DEPARTMENTS, PART_MAJORS } from './categories';
import { buildDivisions, buildGridCells, DISTRICTS } from './city';
import { buildInventory, insertInventory } from './inventory';
import { CALENDAR_2026, ESCALATION, timeLimitSeeds, WORKING_HOURS } from './rules';
import { assignInspectors, buildMoreInspectors, buildUsers } from './users';

export const DEMO_PASSWORD_ENV = 'DEMO_PASSWORD';

export async function seedIfEmpty(ctx: ServerContext): Promise<Record<string, number> | null> {
  const existing = await ctx.db.division.count();
  if (existing > 0) return null;
  const { db } = ctx;
  const divisions = buildDivisions();
  const cells = buildGridCells(divisions);
  const streets = divisions.filter((d) => d.level === 'street');

  const categoryRows = [
    ...PART_MAJORS.map(([code, name, nameEn]) => ({
      id: `part-${code}`,
      kind: 'part',
      majorCode: code,
      minorCode: '',
      code,
      name,
      nameEn,
      parentId: null,
    })),
    ...EVENT_MAJORS.map(([code, name, nameEn]) => ({
      id: `event-${code}`,
      kind: 'event',
      majorCode: code,
      minorCode: '',
      code,
      name,
      nameEn,
      parentId: null,
    })),
    ...CATEGORIES.map((c) => ({
      id: `${c.kind}-${c.code}`,
      kind: c.kind,
      majorCode: c.code.slice(0, 2),
      minorCode: c.code.slice(2),
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      parentId: `${c.kind}-${c.code.slice(0, 2)}`,
      defaultUrgency: c.urgency ?? 'normal',
      autoDispatch: c.auto ?? false,
      safetyCritical: c.safety ?? false,
    })),
  ];
  const territoryCategories = CATEGORIES.filter((c) => c.territory).map((c) => `${c.kind}-${c.code}`);
  const departments = [
    ...FUNCTIONAL_DEPARTMENTS.map((d) => ({
      ...d,
      kind: 'functional',
      districtCode: null,
      streetCode: null,
    })),
    ...DISTRICTS.map((d) => ({
      id: `district-${d.code}`,
      name: `${d.name}城管办`,
      nameEn: `${d.nameEn} City Management Office`,
      kind: 'district',
      districtCode: d.code,
      streetCode: null,
    })),
    ...streets.map((s) => ({
      id: `street-${s.code}`,
      name: `${s.name}办事处`,
      nameEn: `${s.nameEn} Office`,
      kind: 'street',
      districtCode: s.code.slice(0, 6),
      streetCode: s.code,
    })),
  ];
  const ownership = [
    ...CATEGORIES.filter((c) => c.dept).map((c) => ({
      departmentId: c.dept as string,
      categoryId: `${c.kind}-${c.code}`,
    })),
    ...departments
      .filter((d) => d.kind !== 'functional')
      .flatMap((d) => territoryCategories.map((categoryId) => ({ departmentId: d.id, categoryId }))),
  ];
  const safety = categoryRows.filter((c) => 'safetyCritical' in c && c.safetyCritical).map((c) => c.id);
  const limits = timeLimitSeeds(safety).map((l) => ({
    id: `${l.category ?? 'default'}:${l.urgency}:${l.step}`,
    categoryId: l.category,
    urgency: l.urgency,
    step: l.step,
    unit: l.unit,
    minutes: l.minutes,
  }));
  const passwordHash = hashPassword(process.env[DEMO_PASSWORD_ENV] || 'demo123');
  const users = [...buildUsers(departments, passwordHash), ...buildMoreInspectors(passwordHash)];
  const inspectors = assignInspectors(cells);
  const inventory = buildInventory(ctx.config.seed, cells);

  await db.$transaction(
    async (tx) => {
      // Parents before children.
      for (const level of ['city', 'district', 'street', 'community'] as const) {
        await tx.division.createMany({
          data: divisions
            .filter((d) => d.level === level)
            .map(({ bbox, ...d }) => ({ ...d, polygon: JSON.stringify([bboxRing(bbox)]) })),
        });
      }
      for (let i = 0; i < cells.length; i += 1000)
        await tx.gridCell.createMany({
          data: cells.slice(i, i + 1000).map((c) => ({ ...c, inspectorId: inspectors.get(c.id) ?? null })),
        });
      await tx.department.createMany({ data: departments });
      await tx.category.createMany({ data: categoryRows });
      await tx.departmentCategory.createMany({ data: ownership });
      await tx.timeLimit.createMany({ data: limits });
      await tx.calendarDay.createMany({ data: CALENDAR_2026 });
      await tx.setting.createMany({
        data: [
          { key: 'calendar.workingHours', value: JSON.stringify(WORKING_HOURS) },
          { key: 'escalation', value: JSON.stringify(ESCALATION) },
        ],
      });
      await tx.user.createMany({ data: users });
      await insertInventory(tx, ctx.config.database.provider, inventory);
    },
    { timeout: 120_000 },
  );
  return {
    divisions: divisions.length,
    gridCells: cells.length,
    departments: departments.length,
    categories: categoryRows.length,
    users: users.length,
    parts: inventory.parts.length,
    cameras: inventory.cameras.length,
    sensors: inventory.sensors.length,
    vehicles: inventory.vehicles.length,
  };
}

function bboxRing([w, s, e, n]: [number, number, number, number]): number[][] {
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}
