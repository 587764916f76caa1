import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localizedText } from '../../../renderer/src/i18n/serverText';
import { ApiError, messageOf } from '../../../renderer/src/services/api';

test('error messages are picked from the { zh, en } object', () => {
  const text = { zh: '用户名或密码错误', en: 'Wrong username or password' };
  assert.equal(localizedText(text, 'zh'), '用户名或密码错误');
  assert.equal(localizedText(text, 'en'), 'Wrong username or password');
  assert.equal(localizedText({ zh: '', en: 'only English' }, 'zh'), 'only English');
});

test('older "中文 / English" texts still show one half', () => {
  assert.equal(localizedText('已派遣 / Dispatched', 'en'), 'Dispatched');
  assert.equal(localizedText('plain', 'zh'), 'plain');
});

test('an ApiError keeps the server object; other failures keep their text', () => {
  const error = new ApiError(401, 'unauthorized', { zh: '请先登录', en: 'Sign in first' });
  assert.deepEqual(messageOf(error), { zh: '请先登录', en: 'Sign in first' });
  assert.equal(localizedText(messageOf(error), 'en'), 'Sign in first');
  assert.equal(messageOf(new Error('boom')), 'boom');
});
