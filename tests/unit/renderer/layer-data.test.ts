// Layer data fetched ahead (map/layers/load.ts): the first load with the same token takes the answer, once;
// another token or a second load asks the server; a failure reaches the layer as it would have.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { createLoader, LayerLoadError, prefetch } from '../../../renderer/src/map/layers/load';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function fakeServer(status = 200) {
  const asked: Array<{ url: string; auth: string | undefined }> = [];
  globalThis.fetch = (async (url: string, init?: { headers?: Record<string, string> }) => {
    asked.push({ url, auth: init?.headers?.authorization });
    return new Response(JSON.stringify({ n: asked.length }), { status });
  }) as typeof fetch;
  return asked;
}

test('a prefetched answer serves the first load with the same token only', async () => {
  const asked = fakeServer();
  let token: string | null = 'tok-1';
  const source = { origin: 'http://city', token: () => token };
  prefetch(source, ['/divisions?level=district']);
  prefetch(source, ['/divisions?level=district']); // asked once
  assert.deepEqual(asked, [{ url: 'http://city/api/divisions?level=district', auth: 'Bearer tok-1' }]);

  const load = createLoader(source);
  assert.deepEqual(await load('/divisions?level=district'), { n: 1 });
  assert.deepEqual(await load('/divisions?level=district'), { n: 2 }, 'the next load asks again');

  prefetch(source, ['/divisions?level=street']);
  token = 'tok-2';
  assert.deepEqual(await load('/divisions?level=street'), { n: 4 }, 'another user does not get it');
  assert.equal(asked.at(-1)?.auth, 'Bearer tok-2');

  token = null;
  prefetch(source, ['/grid']);
  assert.equal(asked.length, 4, 'nothing is fetched ahead without a session');
});

test('a failed prefetch fails the layer load like a failed fetch', async () => {
  fakeServer(503);
  const source = { origin: 'http://city', token: () => 'tok-3' };
  prefetch(source, ['/divisions?level=district']);
  await assert.rejects(createLoader(source)('/divisions?level=district'), (error: unknown) => {
    assert.ok(error instanceof LayerLoadError);
    assert.equal(error.status, 503);
    return true;
  });
});
