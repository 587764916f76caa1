import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { initialDetail, reduceDetail } from '../../../renderer/src/state/detail';
import {
  alarmPoints,
  casePoints,
  diffPoints,
  isEmptyDiff,
  type CasePoint,
} from '../../../renderer/src/state/mapPoints';
import { activeTotal } from '../../../renderer/src/state/overview';
import {
  categoryGroups,
  departmentName,
  initialReference,
  reduceReference,
} from '../../../renderer/src/state/reference';
import { authSignal, initialSession, reduceSession } from '../../../renderer/src/state/session';
import { attachmentView, mapEnabled } from '../../../renderer/src/services/endpoint';
import { detail, summary } from './fixtures';

const user = {
  userId: 'u-supervisor',
  username: 'supervisor',
  displayName: '监督中心 王受理',
  role: 'supervisor' as const,
  departmentId: null,
  districtCode: null,
};

describe('session', () => {
  test('sign-in, failure, expiry and the body[data-auth] signal', () => {
    let s = initialSession();
    assert.equal(authSignal(s), 'anonymous');
    s = reduceSession(s, { type: 'signingIn' });
    assert.equal(authSignal(s), 'checking');
    s = reduceSession(s, {
      type: 'failed',
      error: { zh: '用户名或密码错误', en: 'Wrong username or password' },
    });
    assert.equal(s.status, 'anonymous');
    assert.deepEqual(s.error, { zh: '用户名或密码错误', en: 'Wrong username or password' });
    s = reduceSession(s, { type: 'signedIn', user, expiresAt: '2026-11-22T20:00:00.000Z' });
    assert.equal(authSignal(s), 'user:supervisor');
    assert.equal(s.error, null);
    s = reduceSession(s, { type: 'signedOut', reason: 'expired' });
    assert.deepEqual([s.status, s.user, s.reason], ['anonymous', null, 'expired']);
  });
});

describe('case drawer', () => {
  test('open, load, command, failure with a reload notice; answers for other cases are ignored', () => {
    const c = detail({ version: 2 });
    let s = reduceDetail(initialDetail(), { type: 'open', caseId: c.id });
    assert.equal(s.status, 'loading');
    assert.equal(reduceDetail(s, { type: 'loaded', detail: detail() }), s);
    s = reduceDetail(s, { type: 'loaded', detail: c });
    assert.equal(s.status, 'ready');
    s = reduceDetail(s, { type: 'commandStarted', command: 'accept' });
    assert.equal(s.pending, 'accept');
    s = reduceDetail(s, {
      type: 'commandFailed',
      error: '案件已被他人更新 / changed',
      notice: 'changedByOther',
    });
    assert.deepEqual([s.pending, s.notice], [null, 'changedByOther']);
    s = reduceDetail(s, { type: 'commandDone', detail: { ...c, version: 3, state: 'accepted' } });
    assert.deepEqual([s.detail?.state, s.commandError, s.notice], ['accepted', null, null]);
  });

  test('a newer version seen live marks the drawer outdated until it reloads', () => {
    const c = detail({ version: 2 });
    let s = reduceDetail(reduceDetail(initialDetail(), { type: 'open', caseId: c.id }), {
      type: 'loaded',
      detail: c,
    });
    assert.equal(reduceDetail(s, { type: 'caseChanged', summary: { ...c, version: 2 } }), s);
    s = reduceDetail(s, { type: 'caseChanged', summary: { ...c, version: 5 } });
    assert.equal(s.outdated, true);
    s = reduceDetail(s, { type: 'loaded', detail: { ...c, version: 5 } });
    assert.deepEqual([s.outdated, s.notice], [false, 'updatedLive']);
    assert.equal(reduceDetail(s, { type: 'close' }).caseId, null);
  });
});

describe('map points (headless)', () => {
  test('the points of the open queue, coloured by clock; the selected one marked', () => {
    const a = summary();
    const b = summary({ clock: { step: 'handle', state: 'red', deadline: null, usedRatio: 2 } });
    const points = casePoints([a, b], b.id);
    assert.deepEqual(
      points.map((p) => [p.id, p.colour, p.selected]),
      [
        [a.id, 'green', false],
        [b.id, 'red', true],
      ],
    );
  });

  test('the reconciler adds, changes and removes only what differs', () => {
    const shown = new Map<string, CasePoint>();
    const a: CasePoint = { id: 'a', lon: 1, lat: 2, colour: 'green', selected: false };
    const b: CasePoint = { id: 'b', lon: 3, lat: 4, colour: 'yellow', selected: false };
    let diff = diffPoints(shown, [a, b]);
    assert.deepEqual([diff.add.length, diff.update.length, diff.remove.length], [2, 0, 0]);
    shown.set('a', a).set('b', b);
    assert.equal(isEmptyDiff(diffPoints(shown, [{ ...a }, { ...b }])), true);
    diff = diffPoints(shown, [{ ...a, colour: 'red' }]);
    assert.deepEqual(
      diff.update.map((p) => p.id),
      ['a'],
    );
    assert.deepEqual(diff.remove, ['b']);
  });

  test('alarms and incidents are coloured by level', () => {
    const points = alarmPoints(
      [{ id: 'x', lon: 1, lat: 2, level: 2 } as never],
      [{ id: 'y', lon: 3, lat: 4, severity: 1 } as never],
      'alarm:x',
    );
    assert.deepEqual(
      points.map((p) => [p.id, p.colour, p.selected]),
      [
        ['incident:y', 'level1', false],
        ['alarm:x', 'level2', true],
      ],
    );
  });
});

describe('reference data and overview', () => {
  test('names in the interface language; category picker groups subclasses under majors', () => {
    const ref = reduceReference(initialReference(), {
      type: 'loaded',
      data: {
        categories: [
          {
            id: 'part-01',
            kind: 'part',
            code: '01',
            majorCode: '01',
            name: '公用设施',
            nameEn: 'Utilities',
            isMajor: true,
            active: true,
          },
          {
            id: 'part-0118',
            kind: 'part',
            code: '0118',
            majorCode: '01',
            name: '路灯',
            nameEn: 'Street light',
            isMajor: false,
            active: true,
          },
          {
            id: 'event-01',
            kind: 'event',
            code: '01',
            majorCode: '01',
            name: '市容环境',
            nameEn: 'Appearance',
            isMajor: true,
            active: true,
          },
        ],
        departments: [
          {
            id: 'lighting',
            name: '市路灯管理所',
            nameEn: 'Street Lighting Office',
            kind: 'functional',
            districtCode: null,
            streetCode: null,
            active: true,
          },
        ],
        divisions: [],
      },
    });
    assert.equal(departmentName(ref, 'lighting', 'zh'), '市路灯管理所');
    assert.equal(departmentName(ref, 'lighting', 'en'), 'Street Lighting Office');
    assert.equal(departmentName(ref, 'unknown', 'en'), 'unknown');
    const groups = categoryGroups(ref);
    assert.deepEqual(
      groups.map((g) => [g.major.id, g.items.map((c) => c.id)]),
      [['part-01', ['part-0118']]],
    );
  });

  test('active cases are every state but closed and voided', () => {
    assert.equal(activeTotal({ reported: 2, handling: 3, closed: 10, voided: 1 }), 5);
  });

  test('?map=off runs the workspaces without the 3D map', () => {
    assert.equal(mapEnabled(''), true);
    assert.equal(mapEnabled('?map=off'), false);
    assert.equal(mapEnabled('?server=x&map=on'), true);
  });

  test('attachments: server images inline, anything else a link', () => {
    const origin = 'http://127.0.0.1:5871';
    assert.deepEqual(attachmentView('/samples/site-1.svg', origin), {
      kind: 'image',
      href: 'http://127.0.0.1:5871/samples/site-1.svg',
    });
    assert.equal(attachmentView('https://example.org/a.jpg', origin).kind, 'link');
    assert.equal(attachmentView('/files/report.pdf', origin).kind, 'link');
  });
});
