import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { assetRouter, citySources } from '../../../server/src/http/assets';

describe('serving the city assets', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-assets-'));
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let base = '';
  before(async () => {
    fs.mkdirSync(path.join(root, 'tiles', 'base', '14', '13614'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'tiles', 'base', '14', '13614', '6510.png'),
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    );
    fs.mkdirSync(path.join(root, 'tiles', 'buildings'), { recursive: true });
    fs.writeFileSync(path.join(root, 'tiles', 'buildings', 'tileset.json'), '{"asset":{"version":"1.1"}}');
    fs.mkdirSync(path.join(root, 'video', 'demo', '0'), { recursive: true });
    fs.writeFileSync(path.join(root, 'video', 'demo', '0', 'index.m3u8'), '#EXTM3U\n');
    const app = express();
    app.use(assetRouter(root));
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('tiles, the tileset and HLS playlists are served; a missing tile is a plain 404', async () => {
    const png = await fetch(`${base}/tiles/base/14/13614/6510.png`);
    assert.equal(png.status, 200);
    assert.equal(png.headers.get('content-type'), 'image/png');
    const tileset = await fetch(`${base}/tiles/buildings/tileset.json`);
    assert.equal(tileset.status, 200);
    assert.equal(((await tileset.json()) as { asset: { version: string } }).asset.version, '1.1');
    const missing = await fetch(`${base}/tiles/base/18/1/1.png`);
    assert.equal(missing.status, 404);
    const hls = await fetch(`${base}/media/demo/0/index.m3u8`);
    assert.equal(hls.headers.get('content-type'), 'application/vnd.apple.mpegurl');
  });

  test('without ffmpeg-made streams, every demo camera plays the clip kept in the repository', async () => {
    const made = await fetch(`${base}/media/demo/0/index.m3u8`);
    assert.equal(await made.text(), '#EXTM3U\n', 'a stream made with ffmpeg wins');
    const playlist = await fetch(`${base}/media/demo/3/index.m3u8`);
    assert.equal(playlist.status, 200);
    assert.equal(playlist.headers.get('content-type'), 'application/vnd.apple.mpegurl');
    const text = await playlist.text();
    assert.match(text, /#EXT-X-ENDLIST/);
    const segments = text.split('\n').filter((l) => l.endsWith('.ts'));
    assert.ok(segments.length >= 3, text);
    let bytes = 0;
    for (const name of segments) {
      const segment = await fetch(`${base}/media/demo/3/${name}`);
      assert.equal(segment.status, 200);
      assert.equal(segment.headers.get('content-type'), 'video/mp2t');
      const body = new Uint8Array(await segment.arrayBuffer());
      assert.equal(body[0], 0x47, 'MPEG-TS sync byte');
      bytes += body.length;
    }
    assert.ok(bytes < 500_000, `${bytes} bytes: a small clip`);
    assert.equal((await fetch(`${base}/media/demo/3/../../x`)).status, 404);
    assert.equal((await fetch(`${base}/media/demo/3/seg999.ts`)).status, 404);
  });

  test('the map sources say where the layers come from; a city can point at its own', () => {
    const own = citySources({ ASSETS_DIR: root });
    assert.equal(own.basemap.url, '/tiles/base/{z}/{x}/{y}.png');
    assert.equal(own.buildings.url, '/tiles/buildings/tileset.json');
    const tianditu = citySources({
      ASSETS_DIR: root,
      BASEMAP_URL: 'https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY',
      BASEMAP_SUBDOMAINS: '0,1,2',
      BUILDINGS_TILESET_URL: 'https://gis.example.gov.cn/3dtiles/tileset.json',
    });
    assert.deepEqual(tianditu.basemap.subdomains, ['0', '1', '2']);
    assert.equal(tianditu.buildings.url, 'https://gis.example.gov.cn/3dtiles/tileset.json');
  });
});
