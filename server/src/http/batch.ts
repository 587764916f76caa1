// Runs a batch item by item: each item is validated and processed on its own, so one bad item never
// drops the others. Answers 201 when all were accepted, 207 with per-item results otherwise.
import type { Response } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors';
import { describeZodError } from './errors';

export async function runBatch<S extends z.ZodType>(
  res: Response,
  items: unknown[],
  schema: S,
  handle: (item: z.infer<S>) => Promise<Record<string, unknown>>,
): Promise<void> {
  const results: Array<Record<string, unknown>> = [];
  for (const [index, raw] of items.entries()) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      results.push({ index, ok: false, status: 400, error: describeZodError(parsed.error) });
      continue;
    }
    try {
      results.push({ index, ok: true, ...(await handle(parsed.data)) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ index, ok: false, status: error.status, error: error.message });
    }
  }
  const accepted = results.filter((r) => r.ok).length;
  res
    .status(accepted === results.length ? 201 : 207)
    .json({ accepted, rejected: results.length - accepted, results });
}
