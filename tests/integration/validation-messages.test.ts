// A request that fails validation is answered in both languages: the English of zod as before, and the
// same problems in Chinese (zod's zh-CN locale, the common cases worded plainly: 必填, 至少 N 个字符, 不能小于
// N, 应为数字), not the English with a Chinese prefix. Through real HTTP on a real server, and on
// parseOr400 (server/src/http/errors.ts) itself.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { parseOr400 } from '../../server/src/http/errors';
import { AppError } from '../../server/src/errors';
import { startTestServer, type TestServer } from '../support/server';

type ErrorBody = { error: { code: string; message: { zh: string; en: string } } };
const ENGLISH = /Invalid|Too small|Too big|expected|received/;

describe('validation messages in Chinese and English', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  test('a missing field and a number too small: Chinese says 必填 and 不能小于, English as zod says it', async () => {
    const login = await server.api<ErrorBody>('POST', '/api/auth/login', { username: 'admin' });
    assert.equal(login.status, 400);
    assert.equal(login.body.error.code, 'bad_request');
    assert.match(login.body.error.message.zh, /^请求内容有误：password：必填/);
    assert.doesNotMatch(login.body.error.message.zh, ENGLISH);
    assert.match(login.body.error.message.en, /^invalid login body: password: Invalid input/);

    const admin = await server.loginAs('admin');
    const parts = await server.api<ErrorBody>('GET', '/api/parts?limit=0&offset=x', undefined, admin);
    assert.equal(parts.status, 400);
    assert.match(parts.body.error.message.zh, /limit：不能小于 1/);
    assert.match(parts.body.error.message.zh, /offset：应为数字/);
    assert.doesNotMatch(parts.body.error.message.zh, ENGLISH);
    assert.match(parts.body.error.message.en, /limit: Too small/);
  });

  test('lengths, types, choices and unknown keys, straight from parseOr400', () => {
    const schema = z
      .object({
        title: z.string().min(2).max(4),
        tags: z.array(z.string()).max(1),
        urgent: z.boolean(),
        status: z.enum(['open', 'closed']),
      })
      .strict();
    const zh = (value: unknown) => {
      try {
        parseOr400(schema, value, 'test body');
      } catch (error) {
        assert.ok(error instanceof AppError);
        assert.equal(error.status, 400);
        return error.localized.zh;
      }
      assert.fail('expected a 400');
    };
    assert.equal(
      zh({ title: 'x', tags: ['a', 'b'], urgent: 'yes', status: 'gone', extra: 1 }),
      '请求内容有误：title：至少 2 个字符；tags：最多 1 项；urgent：应为是或否；status：无效选项：期望以下之一 "open"|"closed"；(body)：出现未知的键(key): "extra"',
    );
    assert.match(zh({ title: 'too long', tags: [], urgent: true, status: 'open' }), /title：最多 4 个字符/);
  });
});
