// Demo users for every role. All share the demo password (DEMO_PASSWORD, default demo123);
// a real deployment creates its own users and disables these.
import { DISTRICTS } from './city';

interface Dept {
  id: string;
  name: string;
  kind: string;
  districtCode: string | null;
}

export function buildUsers(departments: Dept[], passwordHash: string) {
  const users = [
    { id: 'u-admin', username: 'admin', displayName: '系统管理员', role: 'admin' },
    { id: 'u-supervisor', username: 'supervisor', displayName: '监督中心 王受理', role: 'supervisor' },
    { id: 'u-supervisor2', username: 'supervisor2', displayName: '监督中心 李值班长', role: 'supervisor' },
    { id: 'u-dispatcher', username: 'dispatcher', displayName: '指挥中心 张派遣', role: 'dispatcher' },
    { id: 'u-dispatcher2', username: 'dispatcher2', displayName: '指挥中心 赵派遣', role: 'dispatcher' },
    { id: 'u-commander', username: 'commander', displayName: '值班领导 陈指挥长', role: 'commander' },
    { id: 'u-commander2', username: 'commander2', displayName: '值班领导 周指挥长', role: 'commander' },
    { id: 'u-leader', username: 'leader', displayName: '市领导 刘', role: 'leader' },
    { id: 'u-trainer', username: 'trainer', displayName: '培训管理员 孙教员', role: 'trainer' },
  ].map((u) => ({
    ...u,
    departmentId: null as string | null,
    districtCode: null as string | null,
    passwordHash,
  }));
  DISTRICTS.forEach((d, i) => {
    users.push({
      id: `u-inspector-${d.code}`,
      username: `inspector${i + 1}`,
      displayName: `${d.name} 网格员${i + 1}`,
      role: 'inspector',
      departmentId: null,
      districtCode: d.code,
      passwordHash,
    });
  });
  for (const dept of departments) {
    users.push({
      id: `u-handler-${dept.id}`,
      username: `handler.${dept.id}`,
      displayName: `${dept.name} 处置员`,
      role: 'handler',
      departmentId: dept.id,
      districtCode: dept.districtCode,
      passwordHash,
    });
  }
  return users;
}

/** Inspectors per district (the first of each is the classic demo inspector1..4). */
export const INSPECTORS_PER_DISTRICT = 25;

export function inspectorId(districtIndex: number, n: number): string {
  const d = DISTRICTS[districtIndex];
  if (!d) throw new Error(`no district ${districtIndex}`);
  return n === 0 ? `u-inspector-${d.code}` : `u-inspector-${d.code}-${String(n + 1).padStart(2, '0')}`;
}

/** The other inspectors (网格员) of each district: inspector5 … inspector100. */
export function buildMoreInspectors(passwordHash: string) {
  const users: ReturnType<typeof buildUsers> = [];
  for (let n = 1; n < INSPECTORS_PER_DISTRICT; n++) {
    DISTRICTS.forEach((d, i) => {
      users.push({
        id: inspectorId(i, n),
        username: `inspector${n * DISTRICTS.length + i + 1}`,
        displayName: `${d.name} 网格员${n * DISTRICTS.length + i + 1}`,
        role: 'inspector',
        departmentId: null as string | null,
        districtCode: d.code as string | null,
        passwordHash,
      });
    });
  }
  return users;
}

/** Gives every grid cell its inspector: each district's cells in contiguous runs, one run each. */
export function assignInspectors<T extends { id: string; districtCode: string }>(
  cells: T[],
): Map<string, string> {
  const out = new Map<string, string>();
  DISTRICTS.forEach((d, i) => {
    const own = cells.filter((c) => c.districtCode === d.code).sort((a, b) => (a.id < b.id ? -1 : 1));
    const per = Math.ceil(own.length / INSPECTORS_PER_DISTRICT);
    own.forEach((c, k) => out.set(c.id, inspectorId(i, Math.floor(k / per))));
  });
  return out;
}
