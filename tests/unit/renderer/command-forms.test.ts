import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CASE_COMMANDS } from '@contract/domain';
import { COMMAND_REQUIRED } from '@contract/rules';
import {
  buildCommandBody,
  COMMAND_FORMS,
  fieldsOf,
  initialValues,
  type FormValues,
} from '../../../renderer/src/state/commandForms';
import { detail } from './fixtures';

const blank: FormValues = {
  reason: '',
  note: '',
  departmentId: '',
  mergedIntoId: '',
  extensionHours: '',
  valid: '',
  attachments: [],
  urgency: '',
};

describe('action forms', () => {
  test('every command asks for what the contract requires (the server enforces the same rule)', () => {
    for (const command of CASE_COMMANDS) {
      const required = COMMAND_FORMS[command].required;
      for (const field of COMMAND_REQUIRED[command]) {
        if (field === 'source') continue; // report only: not an action of the drawer
        assert.ok((required as readonly string[]).includes(field), `${command} must require ${field}`);
      }
    }
  });

  test('which forms need which fields', () => {
    assert.deepEqual(COMMAND_FORMS.void.required, ['reason']);
    assert.deepEqual(COMMAND_FORMS.handle.required, ['note']);
    assert.ok(fieldsOf('handle').includes('attachments'));
    assert.deepEqual(COMMAND_FORMS.dispatch.required, ['departmentId']);
    assert.deepEqual(COMMAND_FORMS.suspend.required, ['reason', 'extensionMinutes']);
    assert.deepEqual(COMMAND_FORMS.verifyResult.required, ['valid']);
    assert.deepEqual(COMMAND_FORMS.merge.required, ['mergedIntoId']);
    assert.deepEqual(COMMAND_FORMS.accept.required, []);
    assert.equal(COMMAND_FORMS.closeFailed.tone, 'danger');
  });

  test('missing required fields are named; blanks count as missing', () => {
    assert.deepEqual(buildCommandBody('void', { ...blank, reason: '   ' }, 3), {
      ok: false,
      missing: ['reason'],
    });
    assert.deepEqual(buildCommandBody('suspend', blank, 3), {
      ok: false,
      missing: ['reason', 'extensionMinutes'],
    });
    assert.deepEqual(buildCommandBody('verifyResult', blank, 3), { ok: false, missing: ['valid'] });
    assert.deepEqual(buildCommandBody('coordinate', blank, 3), {
      ok: false,
      missing: ['departmentId', 'note'],
    });
  });

  test('bodies carry the version, trimmed text, hours as minutes, yes/no as booleans, photos', () => {
    assert.deepEqual(buildCommandBody('accept', blank, 4), {
      ok: true,
      body: { command: 'accept', version: 4 },
    });
    assert.deepEqual(
      buildCommandBody(
        'handle',
        { ...blank, note: ' 已修复 ', attachments: ['/samples/site-1.svg', ' '] },
        6,
      ),
      {
        ok: true,
        body: { command: 'handle', version: 6, note: '已修复', attachments: ['/samples/site-1.svg'] },
      },
    );
    assert.deepEqual(
      buildCommandBody('suspend', { ...blank, reason: '等待配件', extensionHours: '1.5' }, 2),
      {
        ok: true,
        body: { command: 'suspend', version: 2, reason: '等待配件', extensionMinutes: 90 },
      },
    );
    assert.deepEqual(buildCommandBody('recheckResult', { ...blank, valid: 'no' }, 9), {
      ok: true,
      body: { command: 'recheckResult', version: 9, valid: false },
    });
    assert.deepEqual(buildCommandBody('open', { ...blank, urgency: 'critical' }, 2), {
      ok: true,
      body: { command: 'open', version: 2, urgency: 'critical' },
    });
    assert.deepEqual(buildCommandBody('suspend', { ...blank, reason: 'x', extensionHours: '-1' }, 2), {
      ok: false,
      missing: ['extensionMinutes'],
    });
  });

  test('forms start with the suggested department and the probable original', () => {
    const c = detail({
      suggestedDepartmentId: 'lighting',
      departmentId: 'power',
      duplicateOfId: 'case-original',
      possibleDuplicates: [{ id: 'case-near', caseNumber: '20261122-000009', distanceMeters: 12 }],
    });
    assert.equal(initialValues('dispatch', c).departmentId, 'lighting');
    assert.equal(initialValues('redispatch', c).departmentId, 'power');
    assert.equal(initialValues('void', c).departmentId, '');
    assert.equal(initialValues('merge', c).mergedIntoId, 'case-original');
    assert.equal(
      initialValues('merge', detail({ possibleDuplicates: c.possibleDuplicates })).mergedIntoId,
      'case-near',
    );
    assert.equal(initialValues('suspend', c).extensionHours, '24');
  });
});
