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
    { id: 'u-leader', username: 'leader', displayName: '市领导 刘', role: 'leader' },
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
