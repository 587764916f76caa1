// The ingest key authenticates machine channels (simulator, 12345 gateway, video AI, IoT platform).
// INGEST_KEY sets it; otherwise one is generated at first start and kept in DATA_DIR/ingest.key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function loadIngestKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.INGEST_KEY && env.INGEST_KEY.length >= 16) return env.INGEST_KEY;
  const file = path.join(dataDir, 'ingest.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const key = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export function sameKey(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
