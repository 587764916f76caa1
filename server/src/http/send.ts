// JSON responses that compress large bodies (parts, grid) when the client accepts gzip; the compressed
// bytes of cacheable answers are kept until the data changes.
import zlib from 'node:zlib';
import type { Request, Response } from 'express';

export function sendJson(req: Request, res: Response, body: unknown): void {
  sendBytes(req, res, Buffer.from(JSON.stringify(body)));
}

export function sendBytes(req: Request, res: Response, json: Buffer, gzipped?: Buffer): void {
  res.type('application/json');
  res.vary('Accept-Encoding');
  if (json.length > 16_384 && /\bgzip\b/.test(req.get('accept-encoding') ?? '')) {
    res.set('Content-Encoding', 'gzip');
    res.send(gzipped ?? zlib.gzipSync(json, { level: 6 }));
    return;
  }
  res.send(json);
}

/** A JSON body built once and served (gzipped or not) until `invalidate()`. */
export class CachedJson {
  private json: Buffer | null = null;
  private gz: Buffer | null = null;

  constructor(private readonly build: () => Promise<unknown>) {}

  async send(req: Request, res: Response): Promise<void> {
    if (!this.json) {
      this.json = Buffer.from(JSON.stringify(await this.build()));
      this.gz = zlib.gzipSync(this.json, { level: 6 });
    }
    sendBytes(req, res, this.json, this.gz ?? undefined);
  }

  invalidate(): void {
    this.json = null;
    this.gz = null;
  }
}
