import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import validator from 'gltf-validator';
import { DEMO_CITY } from '../../../server/src/city/city';
import { cityGeometry } from '../../../server/src/city/geometry';
import { buildBaseMap } from '../../../server/src/tiles/basemap';
import { buildTileset, type TileJson } from '../../../server/src/tiles/buildings3d';
import { fromGenerated, fromGeoJsonFile } from '../../../server/src/tiles/footprints';
import { fromEcef, transformPoint, type Vec3 } from '../../../server/src/tiles/geo';
import { readGlb } from '../../../server/src/tiles/glb';

interface Tileset {
  asset: { version: string };
  geometricError: number;
  root: TileJson;
}

/** Every tile with its accumulated transform (3D Tiles transforms multiply down the tree). */
function walk(
  tile: TileJson,
  parent: number[] | null,
  visit: (t: TileJson, m: number[] | null, parentTile: TileJson | null) => void,
  parentTile: TileJson | null = null,
) {
  const m = tile.transform ?? parent;
  visit(tile, m, parentTile);
  for (const c of tile.children ?? []) walk(c, m, visit, tile);
}

/** Vertex positions of a GLB (float VEC3 POSITION accessors), y-up as stored. */
function positions(glb: Buffer): Vec3[] {
  const { json, bin } = readGlb(glb);
  const j = json as unknown as {
    accessors: Array<{
      bufferView: number;
      byteOffset?: number;
      count: number;
      type: string;
      componentType: number;
    }>;
    meshes: Array<{ primitives: Array<{ attributes: Record<string, number> }> }>;
  };
  const out: Vec3[] = [];
  for (const mesh of j.meshes) {
    for (const p of mesh.primitives) {
      const acc = j.accessors[p.attributes.POSITION as number];
      assert.ok(acc && acc.type === 'VEC3' && acc.componentType === 5126);
      const view = json.bufferViews[acc.bufferView] as { byteOffset?: number };
      const start = (view.byteOffset ?? 0) + (acc.byteOffset ?? 0);
      for (let i = 0; i < acc.count; i++) {
        out.push([
          bin.readFloatLE(start + 12 * i),
          bin.readFloatLE(start + 12 * i + 4),
          bin.readFloatLE(start + 12 * i + 8),
        ]);
      }
    }
  }
  return out;
}

function checkTileset(dir: string, expectBuildings: number) {
  const tileset = JSON.parse(fs.readFileSync(path.join(dir, 'tileset.json'), 'utf8')) as Tileset;
  assert.equal(tileset.asset.version, '1.1');
  assert.ok(tileset.geometricError > tileset.root.geometricError);
  assert.ok(tileset.root.transform && tileset.root.transform.length === 16);
  assert.equal(tileset.root.refine, 'ADD');
  let contents = 0;
  let features = 0;
  walk(tileset.root, null, (tile, m, parentTile) => {
    const [w, s, e, n, minH, maxH] = tile.boundingVolume.region as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    assert.ok(w < e && s < n && minH < maxH, 'a well-formed region');
    assert.ok(tile.geometricError >= 0);
    if (parentTile) {
      const p = parentTile.boundingVolume.region as number[];
      assert.ok(
        w >= (p[0] as number) && s >= (p[1] as number) && e <= (p[2] as number) && n <= (p[3] as number),
        'child region inside its parent',
      );
      assert.ok(tile.geometricError <= parentTile.geometricError, 'geometric error shrinks with depth');
    }
    if (!tile.content) return;
    contents++;
    const file = path.join(dir, tile.content.uri);
    assert.ok(fs.existsSync(file), `${tile.content.uri} exists`);
    const glb = fs.readFileSync(file);
    assert.equal(glb.subarray(0, 4).toString('latin1'), 'glTF', '.glb magic');
    assert.equal(glb.readUInt32LE(4), 2);
    assert.equal(glb.readUInt32LE(8), glb.length);
    const { json } = readGlb(glb);
    const ext = (
      json.meshes[0]?.primitives[0]?.extensions?.EXT_mesh_features as {
        featureIds: Array<{ featureCount: number }>;
      }
    ).featureIds[0];
    features += ext?.featureCount ?? 0;
    assert.ok(m, 'content has a transform');
    const rad = Math.PI / 180;
    for (const [x, y, z] of positions(glb)) {
      // glTF is y-up: (x, y, z) -> tile frame (x, -z, y)
      const g = fromEcef(transformPoint(m, [x, -z, y]));
      assert.ok(
        g.lon * rad >= w && g.lon * rad <= e && g.lat * rad >= s && g.lat * rad <= n,
        `vertex inside region of ${tile.content.uri}`,
      );
      assert.ok(g.h >= minH - 0.01 && g.h <= maxH + 0.01, `vertex height ${g.h} inside [${minH}, ${maxH}]`);
    }
  });
  assert.ok(contents >= 1);
  assert.equal(features, expectBuildings, 'every building is in exactly one tile');
  return tileset;
}

describe('3D Tiles of the buildings and base-map tiles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-tiles-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const sample = fromGenerated(
    cityGeometry(20261122)
      .buildings()
      .filter((_, i) => i % 40 === 0),
  );

  before(async () => {
    await buildTileset({ outDir: path.join(dir, 'gen'), footprints: sample, perLeaf: 40 });
  });

  test('the generated tileset is valid 3D Tiles 1.1 whose volumes contain their content', async () => {
    const tileset = checkTileset(path.join(dir, 'gen'), sample.length);
    let first: string | null = null;
    walk(tileset.root, null, (t) => {
      if (t.content && !first && !t.children) first = t.content.uri;
    });
    assert.ok(first);
    const report = await validator.validateBytes(
      new Uint8Array(fs.readFileSync(path.join(dir, 'gen', first))),
    );
    assert.equal(report.issues.numErrors, 0, JSON.stringify(report.issues.messages.slice(0, 5)));
    assert.equal(report.issues.numWarnings, 0, JSON.stringify(report.issues.messages.slice(0, 5)));
  });

  test("a city's own footprints (GeoJSON with height or floors) become a tileset", async () => {
    const file = path.join(dir, 'city.geojson');
    const square = (lon: number, lat: number, d: number) => [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ];
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: 'a',
            properties: { height: 30 },
            geometry: { type: 'Polygon', coordinates: square(116.39, 39.9, 0.0003) },
          },
          {
            type: 'Feature',
            properties: { floors: 6 },
            geometry: {
              type: 'MultiPolygon',
              coordinates: [square(116.391, 39.9, 0.0002), square(116.392, 39.901, 0.0002)],
            },
          },
          {
            type: 'Feature',
            properties: { name: 'no height' },
            geometry: { type: 'Polygon', coordinates: square(116.393, 39.9, 0.0002) },
          },
        ],
      }),
    );
    const footprints = fromGeoJsonFile(file);
    assert.equal(footprints.length, 3);
    assert.equal(footprints[1]?.height, 18);
    await buildTileset({ outDir: path.join(dir, 'own'), footprints });
    checkTileset(path.join(dir, 'own'), 3);
    assert.throws(() => fromGeoJsonFile(path.join(dir, 'missing.geojson')), /cannot read/);
  });

  test('base-map tiles are PNGs in the XYZ layout, with labels when a CJK font is present', async () => {
    const out = path.join(dir, 'base');
    const r = await buildBaseMap({
      outDir: out,
      geo: cityGeometry(20261122),
      bounds: DEMO_CITY.bounds,
      minZoom: 12,
      maxZoom: 13,
    });
    assert.ok(r.tiles >= 4 && r.tiles <= 20);
    const z13 = fs.readdirSync(path.join(out, '13'));
    const png = fs.readFileSync(
      path.join(
        out,
        '13',
        z13[0] as string,
        fs.readdirSync(path.join(out, '13', z13[0] as string))[0] as string,
      ),
    );
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  });
});
