// Open311 GeoReport v2 names XML as its default format: the same answers as the JSON ones, as XML
// (<services><service>…, <service_requests><request>…, <errors><error>…). Arrays of flat objects only.
import type { Request, Response } from 'express';

const ROOTS: Record<string, [string, string]> = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
};

const escape = (text: string) =>
  text
    // XML 1.0 forbids these control characters even escaped: drop them.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export function toXml(kind: keyof typeof ROOTS, items: Array<Record<string, unknown>>): string {
  const [root, item] = ROOTS[kind]!;
  const body = items
    .map(
      (o) =>
        `<${item}>${Object.entries(o)
          .map(([k, v]) => (v === null || v === undefined ? `<${k}/>` : `<${k}>${escape(String(v))}</${k}>`))
          .join('')}</${item}>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`;
}

export const wantsXml = (req: Request) => /\.xml$/i.test(req.path);

/** Sends an Open311 answer as JSON or XML, by the extension of the path. */
export function sendOpen311(
  req: Request,
  res: Response,
  status: number,
  kind: keyof typeof ROOTS,
  items: Array<Record<string, unknown>>,
): void {
  if (wantsXml(req)) res.status(status).type('application/xml; charset=utf-8').send(toXml(kind, items));
  else res.status(status).json(items);
}
