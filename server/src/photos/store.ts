// Site photos uploaded from the desk or a phone: the bytes are sniffed (JPEG, PNG or WebP by their magic
// numbers, whatever the request claims), size-checked, stored under DATA_DIR/uploads/<case>/<uuid>.<ext>
// and served only to people who may read the case. An <img> cannot send a bearer token, so the case
// detail a reader receives carries short-lived signed URLs (HMAC with a per-process secret) instead.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** How long a signed photo URL stays valid. */
export const SIGNED_FOR_MS = 60 * 60_000;

export type PhotoType = 'jpg' | 'png' | 'webp';
export const CONTENT_TYPES: Record<PhotoType, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** The image type by the file's first bytes, or null for anything else (SVG, HTML, scripts …). */
export function sniffImage(bytes: Uint8Array): PhotoType | null {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

const FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$/;
const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PHOTO_PATH = /^\/api\/cases\/([A-Za-z0-9_-]{1,64})\/photos\/([^/?#]+)(?:\?.*)?$/;

export const photoPath = (caseId: string, file: string) => `/api/cases/${caseId}/photos/${file}`;

export class PhotoStore {
  private readonly secret = crypto.randomBytes(32);

  constructor(private readonly dir: string) {}

  /** Where a stored photo is on disk, or null when the names are not ours (no path tricks). */
  fileOf(caseId: string, file: string): string | null {
    if (!CASE_ID.test(caseId) || !FILE.test(file)) return null;
    return path.join(this.dir, caseId, file);
  }

  async save(caseId: string, bytes: Uint8Array, type: PhotoType): Promise<string> {
    if (!CASE_ID.test(caseId)) throw new Error(`bad case id ${caseId}`);
    const file = `${crypto.randomUUID()}.${type}`;
    await fs.promises.mkdir(path.join(this.dir, caseId), { recursive: true });
    await fs.promises.writeFile(path.join(this.dir, caseId, file), bytes, { flag: 'wx' });
    return photoPath(caseId, file);
  }

  private mac(pathname: string, exp: number): string {
    return crypto.createHmac('sha256', this.secret).update(`${pathname}\n${exp}`).digest('base64url');
  }

  /** Our photo URLs get a fresh signature (an old one is dropped); any other URL is left alone. */
  sign(url: string, now: number): string {
    const match = PHOTO_PATH.exec(url);
    if (!match) return url;
    const pathname = photoPath(match[1] as string, match[2] as string);
    const exp = now + SIGNED_FOR_MS;
    return `${pathname}?exp=${exp}&sig=${this.mac(pathname, exp)}`;
  }

  verify(pathname: string, exp: unknown, sig: unknown, now: number): boolean {
    const expiry = Number(exp);
    if (typeof sig !== 'string' || !Number.isFinite(expiry) || expiry < now) return false;
    const expected = Buffer.from(this.mac(pathname, expiry));
    const given = Buffer.from(sig);
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  }
}
