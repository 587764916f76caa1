// Administration of users and roles: admin only, validated against the reference data, every change
// audited (never the password), a deactivated user signed out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AdminChangeView, AdminUser } from '@contract/admin';
import { startTestServer, type TestServer } from '../support/server';

describe('administration: users and roles', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  test('create, change and deactivate users; each change audited', async () => {
    const admin = await server.loginAs('admin');
    const supervisor = await server.loginAs('supervisor');
    assert.equal((await server.api('GET', '/api/admin/users', undefined, supervisor)).status, 403);
    const listed = await server.api<{ users: AdminUser[] }>(
      'GET',
      '/api/admin/users?role=handler',
      undefined,
      admin,
    );
    assert.equal(listed.status, 200);
    assert.ok(listed.body.users.length > 10 && listed.body.users.every((u) => u.role === 'handler'));

    const bad = await server.api(
      'POST',
      '/api/admin/users',
      { username: 'x', displayName: '', role: 'boss' },
      admin,
    );
    assert.equal(bad.status, 400);
    const noDept = await server.api(
      'POST',
      '/api/admin/users',
      { username: 'handler.new', displayName: '新处置员', role: 'handler', password: 'long-enough-1' },
      admin,
    );
    assert.equal(noDept.status, 400, 'a handler needs a department');
    const created = await server.api<{ user: AdminUser }>(
      'POST',
      '/api/admin/users',
      {
        username: 'handler.new',
        displayName: '新处置员',
        role: 'handler',
        departmentId: 'sanitation',
        password: 'long-enough-1',
      },
      admin,
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const taken = await server.api(
      'POST',
      '/api/admin/users',
      { username: 'handler.new', displayName: 'x', role: 'leader', password: 'long-enough-1' },
      admin,
    );
    assert.equal(taken.status, 409);
    const id = created.body.user.id;
    const login = await server.api<{ token: string }>('POST', '/api/auth/login', {
      username: 'handler.new',
      password: 'long-enough-1',
    });
    assert.equal(login.status, 200, 'the new user can sign in');

    const moved = await server.api<{ user: AdminUser }>(
      'PATCH',
      `/api/admin/users/${id}`,
      { role: 'inspector', departmentId: null, districtCode: '999999' },
      admin,
    );
    assert.equal(moved.status, 400, 'unknown district');
    const off = await server.api<{ user: AdminUser }>(
      'PATCH',
      `/api/admin/users/${id}`,
      { active: false },
      admin,
    );
    assert.equal(off.status, 200);
    assert.equal(off.body.user.active, false);
    const afterOff = await server.api('GET', '/api/duty', undefined, login.body.token);
    assert.equal(afterOff.status, 401, 'a deactivated user is signed out');
    const self = await server.api('PATCH', '/api/admin/users/u-admin', { role: 'leader' }, admin);
    assert.equal(self.status, 400, 'no admin locks themselves out');

    const audit = await server.api<{ changes: AdminChangeView[] }>(
      'GET',
      '/api/admin/changes',
      undefined,
      admin,
    );
    const mine = audit.body.changes.filter((c) => c.entityId === id);
    assert.deepEqual(
      mine.map((c) => c.action),
      ['update', 'create'],
    );
    assert.deepEqual(mine[0]?.before, { active: true });
    assert.deepEqual(mine[0]?.after, { active: false });
    assert.ok(!JSON.stringify(audit.body).includes('long-enough-1'), 'no password in the audit');
    assert.ok(!JSON.stringify(audit.body).includes('scrypt'), 'no hash in the audit');
  });
});
