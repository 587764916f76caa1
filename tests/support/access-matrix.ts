// The access matrix of the routes added after ADR 0012 (issue 17): for a user (role, department,
// district) and a route, what the answer must be. Written from the rules as documented in
// server/src/access/rules.ts, independently of its code: 'ok' = past access (2xx, or a 400/409 about the
// body sent on purpose empty), 403 = refused with the project's error shape, 404 = outside the scope.
export interface MatrixUser {
  username: string;
  role: string;
  departmentId: string | null;
  districtCode: string | null;
}

export interface MatrixRecords {
  /** an incident and its district */
  incident: { id: string; districtCode: string | null };
  /** a case (not dispatched: no department) and its district */
  case: { id: string; districtCode: string | null };
  /** a district the user is not in, for a scoped evaluation question */
  otherDistrict: (u: MatrixUser) => string;
}

export type Expect = 'ok' | 403 | 404;
export interface MatrixRow {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  expect: Expect;
}

const STAFF = ['supervisor', 'dispatcher', 'commander', 'leader', 'admin'];

export function matrixFor(u: MatrixUser, r: MatrixRecords): MatrixRow[] {
  const staff = STAFF.includes(u.role);
  const cityStaff = staff && u.districtCode === null;
  const commands = u.role === 'commander' || u.role === 'dispatcher';
  const admin = u.role === 'admin';
  const when = (allowed: boolean, refused: 403 | 404 = 403): Expect => (allowed ? 'ok' : refused);
  const inDistrict = (d: string | null) => u.districtCode === null || u.districtCode === d;
  const readsIncident =
    (staff && inDistrict(r.incident.districtCode)) ||
    (u.role === 'inspector' && u.districtCode !== null && u.districtCode === r.incident.districtCode);
  const readsCase = u.role !== 'handler' && inDistrict(r.case.districtCode);
  const evaluation = u.role !== 'inspector' && (u.role !== 'handler' || u.departmentId !== null);
  const inc = `/api/incidents/${r.incident.id}`;
  const period = 'from=2026-11-22T00:00:00Z&to=2026-11-23T00:00:00Z';
  return [
    // emergency command
    { method: 'GET', path: '/api/units', expect: when(staff) },
    { method: 'POST', path: '/api/units/no-such-unit/status', body: {}, expect: when(commands) },
    { method: 'GET', path: '/api/run-cards', expect: when(staff) },
    { method: 'PUT', path: '/api/run-cards/road_collapse/2', body: {}, expect: when(admin) },
    { method: 'GET', path: '/api/response-times', expect: when(staff) },
    ...['command', 'timeline', 'recommendations', 'routes'].map((view): MatrixRow => ({
      method: 'GET',
      path: `${inc}/${view}`,
      expect: when(readsIncident, 404),
    })),
    {
      method: 'POST',
      path: `${inc}/commands`,
      body: {},
      expect: readsIncident ? when(commands) : 404,
    },
    // evaluation
    ...['', '/trend', '/hotspots', '/settings'].map((sub): MatrixRow => ({
      method: 'GET',
      path: `/api/evaluation${sub}`,
      expect: when(evaluation),
    })),
    {
      method: 'GET',
      path: `/api/evaluation?districtCode=${r.otherDistrict(u)}`,
      expect: when(evaluation && u.districtCode === null),
    },
    { method: 'PUT', path: '/api/evaluation/settings', body: {}, expect: when(admin) },
    // duty
    { method: 'GET', path: '/api/duty', expect: when(cityStaff) },
    { method: 'GET', path: '/api/handovers', expect: when(cityStaff) },
    {
      method: 'POST',
      path: '/api/handovers',
      body: {},
      expect: when(cityStaff && ['supervisor', 'dispatcher', 'commander'].includes(u.role)),
    },
    // playback
    { method: 'GET', path: '/api/playback/range', expect: 'ok' },
    { method: 'GET', path: `/api/playback/events?${period}`, expect: 'ok' },
    {
      method: 'GET',
      path: '/api/playback/state?at=2026-11-23T01:00:00Z',
      expect: when(
        ['leader', 'commander', 'supervisor', 'admin'].includes(u.role) && u.districtCode === null,
      ),
    },
    {
      method: 'GET',
      path: `/api/playback/tracks?${period}`,
      expect: when(
        ['leader', 'commander', 'supervisor', 'admin'].includes(u.role) && u.districtCode === null,
      ),
    },
    // administration
    { method: 'GET', path: '/api/admin/users', expect: when(admin) },
    { method: 'GET', path: '/api/admin/changes', expect: when(admin) },
    { method: 'GET', path: '/api/admin/audit', expect: when(admin) },
    { method: 'GET', path: '/api/admin/audit.csv', expect: when(admin) },
    { method: 'POST', path: '/api/admin/lockouts/unlock', body: {}, expect: when(admin) },
    // photos follow their case (an empty upload is a 400 for a reader)
    { method: 'POST', path: `/api/cases/${r.case.id}/photos`, body: '', expect: when(readsCase) },
  ];
}
