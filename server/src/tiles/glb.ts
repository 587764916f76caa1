// One 3D Tiles content file: the extruded footprints of a tile as a single glTF mesh (.glb) made with
// three.js GLTFExporter under Node, positioned in the tileset's east-north-up frame (glTF is y-up).
// Each building is a feature (EXT_mesh_features) whose id, height, floors and use are in a property
// table (EXT_structural_metadata), so a client can pick a building and read its attributes.
import * as THREE from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';
import type { Footprint } from './footprints';
import type { enuFrame } from './geo';

// GLTFExporter reads its output through FileReader, which Node 20 lacks (Blob it has).
class NodeFileReader {
  result: ArrayBuffer | string | null = null;
  onloadend: (() => void) | null = null;
  readAsArrayBuffer(blob: Blob): void {
    void blob.arrayBuffer().then((buffer) => {
      this.result = buffer;
      this.onloadend?.();
    });
  }
  readAsDataURL(blob: Blob): void {
    void blob.arrayBuffer().then((buffer) => {
      this.result = `data:${blob.type || 'application/octet-stream'};base64,${Buffer.from(buffer).toString('base64')}`;
      this.onloadend?.();
    });
  }
}
const g = globalThis as { FileReader?: unknown };
g.FileReader ??= NodeFileReader;

const COLORS: Record<string, [number, number, number]> = {
  residential: [226, 214, 196],
  cbd: [168, 188, 208],
  industrial: [190, 190, 186],
  lowrise: [214, 190, 170],
  campus: [232, 224, 206],
  construction: [222, 170, 120],
};

type Frame = ReturnType<typeof enuFrame>;

export function buildingGeometry(footprints: Footprint[], frame: Frame) {
  const positions: number[] = [];
  const normals: number[] = [];
  const colors: number[] = [];
  const features: number[] = [];
  const indices: number[] = [];
  const push = (p: number[], n: number[], c: number[], f: number) => {
    positions.push(p[0] as number, p[2] as number, -(p[1] as number));
    normals.push(n[0] as number, n[2] as number, -(n[1] as number));
    colors.push(...c);
    features.push(f);
    return positions.length / 3 - 1;
  };
  footprints.forEach((fp, feature) => {
    let ring = fp.ring;
    const area = ring.reduce((sum, [x, y], i) => {
      const [x2, y2] = ring[(i + 1) % ring.length] as [number, number];
      return sum + (x * y2 - x2 * y);
    }, 0);
    if (area < 0) ring = [...ring].reverse();
    const base = ring.map(([lon, lat]) => frame.local(lon, lat, 0));
    const top = ring.map(([lon, lat]) => frame.local(lon, lat, fp.height));
    const tint = 0.9 + ((fp.id.charCodeAt(fp.id.length - 1) * 37) % 20) / 100;
    const [r, gr, b] = COLORS[fp.use] ?? [210, 205, 198];
    const wall = [Math.min(255, r * tint), Math.min(255, gr * tint), Math.min(255, b * tint), 255].map(
      Math.round,
    );
    const roof = wall.map((v, i) => (i < 3 ? Math.round(v * 0.82) : v));
    for (let i = 0; i < ring.length; i++) {
      const j = (i + 1) % ring.length;
      const b0 = base[i] as number[];
      const b1 = base[j] as number[];
      const dx = (b1[0] as number) - (b0[0] as number);
      const dy = (b1[1] as number) - (b0[1] as number);
      const len = Math.hypot(dx, dy) || 1;
      const n = [dy / len, -dx / len, 0];
      const v = [
        push(b0, n, wall, feature),
        push(b1, n, wall, feature),
        push(top[j] as number[], n, wall, feature),
        push(top[i] as number[], n, wall, feature),
      ];
      indices.push(
        v[0] as number,
        v[1] as number,
        v[2] as number,
        v[0] as number,
        v[2] as number,
        v[3] as number,
      );
    }
    const contour = top.map((p) => new THREE.Vector2(p[0], p[1]));
    const first = positions.length / 3;
    top.forEach((p) => push(p, [0, 0, 1], roof, feature));
    for (const tri of THREE.ShapeUtils.triangulateShape(contour, [])) {
      const [a, b2, c] = tri as [number, number, number];
      const pa = contour[a] as THREE.Vector2;
      const pb = contour[b2] as THREE.Vector2;
      const pc = contour[c] as THREE.Vector2;
      const ccw = (pb.x - pa.x) * (pc.y - pa.y) - (pb.y - pa.y) * (pc.x - pa.x) > 0;
      indices.push(first + a, ccw ? first + b2 : first + c, ccw ? first + c : first + b2);
    }
  });
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.Float32BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new THREE.Float32BufferAttribute(normals, 3));
  geometry.setAttribute('color', new THREE.BufferAttribute(new Uint8Array(colors), 4, true));
  geometry.setAttribute('_feature_id_0', new THREE.Float32BufferAttribute(features, 1));
  const count = positions.length / 3;
  geometry.setIndex(
    new THREE.BufferAttribute(count < 65536 ? new Uint16Array(indices) : new Uint32Array(indices), 1),
  );
  return geometry;
}

export async function buildGlb(footprints: Footprint[], frame: Frame): Promise<Buffer> {
  const geometry = buildingGeometry(footprints, frame);
  const material = new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.85, metalness: 0.05 });
  const mesh = new THREE.Mesh(geometry, material);
  mesh.name = 'buildings';
  const exported = (await new GLTFExporter().parseAsync(mesh, { binary: true })) as ArrayBuffer;
  geometry.dispose();
  material.dispose();
  return addFeatureMetadata(Buffer.from(exported), footprints);
}

// ---- GLB post-processing: EXT_mesh_features + EXT_structural_metadata ----

interface GltfJson {
  buffers: Array<{ byteLength: number }>;
  bufferViews: Array<{ buffer: number; byteOffset?: number; byteLength: number }>;
  meshes: Array<{
    primitives: Array<{ attributes: Record<string, number>; extensions?: Record<string, unknown> }>;
  }>;
  extensionsUsed?: string[];
  extensions?: Record<string, unknown>;
}

export function readGlb(glb: Buffer): { json: GltfJson; bin: Buffer } {
  if (glb.readUInt32LE(0) !== 0x46546c67) throw new Error('not a GLB (bad magic)');
  const jsonLength = glb.readUInt32LE(12);
  const json = JSON.parse(glb.subarray(20, 20 + jsonLength).toString('utf8')) as GltfJson;
  const binStart = 20 + jsonLength;
  const bin =
    binStart < glb.length
      ? glb.subarray(binStart + 8, binStart + 8 + glb.readUInt32LE(binStart))
      : Buffer.alloc(0);
  return { json, bin };
}

export function writeGlb(json: GltfJson, bin: Buffer): Buffer {
  const pad = (b: Buffer, fill: number) =>
    b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4), fill)]) : b;
  const jsonChunk = pad(Buffer.from(JSON.stringify(json)), 0x20);
  const binChunk = pad(bin, 0);
  const header = Buffer.alloc(12);
  header.writeUInt32LE(0x46546c67, 0);
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + 8 + jsonChunk.length + 8 + binChunk.length, 8);
  const chunk = (type: number, body: Buffer) => {
    const h = Buffer.alloc(8);
    h.writeUInt32LE(body.length, 0);
    h.writeUInt32LE(type, 4);
    return Buffer.concat([h, body]);
  };
  return Buffer.concat([header, chunk(0x4e4f534a, jsonChunk), chunk(0x004e4942, binChunk)]);
}

function addFeatureMetadata(glb: Buffer, footprints: Footprint[]): Buffer {
  const { json, bin } = readGlb(glb);
  const parts: Buffer[] = [bin];
  let offset = bin.length;
  const addView = (data: Buffer): number => {
    const padding = (8 - (offset % 8)) % 8;
    if (padding) parts.push(Buffer.alloc(padding));
    offset += padding;
    json.bufferViews.push({ buffer: 0, byteOffset: offset, byteLength: data.length });
    parts.push(data);
    offset += data.length;
    return json.bufferViews.length - 1;
  };
  const strings = (values: string[]) => {
    const bytes = values.map((v) => Buffer.from(v, 'utf8'));
    const offsets = Buffer.alloc(4 * (values.length + 1));
    let at = 0;
    bytes.forEach((b, i) => {
      offsets.writeUInt32LE(at, 4 * i);
      at += b.length;
    });
    offsets.writeUInt32LE(at, 4 * values.length);
    return {
      values: addView(Buffer.concat(bytes)),
      stringOffsets: addView(offsets),
      stringOffsetType: 'UINT32',
    };
  };
  const heights = Buffer.alloc(4 * footprints.length);
  const floors = Buffer.alloc(2 * footprints.length);
  footprints.forEach((f, i) => {
    heights.writeFloatLE(f.height, 4 * i);
    floors.writeUInt16LE(Math.min(65535, f.floors), 2 * i);
  });
  const table = {
    class: 'building',
    count: footprints.length,
    properties: {
      id: strings(footprints.map((f) => f.id)),
      height: { values: addView(heights) },
      floors: { values: addView(floors) },
      use: strings(footprints.map((f) => f.use)),
    },
  };
  const primitive = json.meshes[0]?.primitives[0];
  if (!primitive || primitive.attributes._FEATURE_ID_0 === undefined)
    throw new Error('the mesh has no _FEATURE_ID_0');
  primitive.extensions = {
    ...primitive.extensions,
    EXT_mesh_features: { featureIds: [{ featureCount: footprints.length, attribute: 0, propertyTable: 0 }] },
  };
  json.extensions = {
    ...json.extensions,
    EXT_structural_metadata: {
      schema: {
        id: 'cityops_buildings',
        classes: {
          building: {
            name: '建筑 Building',
            properties: {
              id: { type: 'STRING' },
              height: { type: 'SCALAR', componentType: 'FLOAT32', description: 'metres' },
              floors: { type: 'SCALAR', componentType: 'UINT16' },
              use: { type: 'STRING' },
            },
          },
        },
      },
      propertyTables: [table],
    },
  };
  json.extensionsUsed = [
    ...new Set([...(json.extensionsUsed ?? []), 'EXT_mesh_features', 'EXT_structural_metadata']),
  ];
  const merged = Buffer.concat(parts);
  (json.buffers[0] as { byteLength: number }).byteLength = merged.length;
  return writeGlb(json, merged);
}
