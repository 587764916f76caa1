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
