// Helpers for the ingest and alarm tests: requests with the ingest key, raw bodies and form posts.
import type { TestServer } from '../support/server';

export async function send<T = unknown>(
  server: TestServer,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const raw = body === undefined || typeof body === 'string' || body instanceof URLSearchParams;
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : raw ? (body as string | URLSearchParams) : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export const ingest = <T = unknown>(server: TestServer, url: string, body: unknown) =>
  send<T>(server, 'POST', url, body, { 'x-ingest-key': server.ingestKey });
