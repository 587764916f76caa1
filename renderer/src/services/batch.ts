// Batch work on the intake list: one workflow command (accept, void, merge) on many cases, each sent
// as its own command with the version the list showed (a case someone else changed meanwhile fails on
// its own, with the server's reason), a few at a time so the server keeps answering everyone else.
import { CaseSummary } from '@contract/cases';
import type { ApiClient } from './api';

export type BatchCommand =
  { command: 'accept' } | { command: 'void'; reason: string } | { command: 'merge'; mergedIntoId?: string };

export interface BatchItem {
  id: string;
  version: number;
  /** the case a duplicate is merged into (from the duplicate hint) when the command names none */
  duplicateOfId?: string | null;
}

export interface BatchOutcome {
  done: CaseSummary[];
  failed: Array<{ id: string; error: string }>;
}

/** The body of one item's command; null when the item cannot take it (a merge with no target). */
export function batchBody(item: BatchItem, batch: BatchCommand): Record<string, unknown> | null {
  if (batch.command === 'merge') {
    const target = batch.mergedIntoId ?? item.duplicateOfId ?? null;
    if (!target || target === item.id) return null;
    return { command: 'merge', mergedIntoId: target, version: item.version };
  }
  return { ...batch, version: item.version };
}

export async function runBatch(
  api: ApiClient,
  items: readonly BatchItem[],
  batch: BatchCommand,
  onProgress: (finished: number) => void = () => undefined,
  concurrency = 4,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { done: [], failed: [] };
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (!item) break;
      const body = batchBody(item, batch);
      if (!body) outcome.failed.push({ id: item.id, error: 'no case to merge into' });
      else {
        try {
          outcome.done.push(
            await api.post(`/cases/${encodeURIComponent(item.id)}/commands`, body, CaseSummary),
          );
        } catch (error) {
          outcome.failed.push({ id: item.id, error: error instanceof Error ? error.message : String(error) });
        }
      }
      onProgress(++finished);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return outcome;
}

export interface IntakeService {
  /** Runs one command on many cases; the list follows each answer at once, the counts right after. */
  run(
    items: readonly BatchItem[],
    batch: BatchCommand,
    onProgress?: (finished: number) => void,
  ): Promise<BatchOutcome>;
}

export function startIntake(
  store: { getState(): { queueEvent(event: { type: 'caseChanged'; summary: CaseSummary }): void } },
  api: ApiClient,
  afterChange: () => void,
): IntakeService {
  return {
    async run(items, batch, onProgress) {
      const outcome = await runBatch(api, items, batch, onProgress);
      const { queueEvent } = store.getState();
      for (const summary of outcome.done) queueEvent({ type: 'caseChanged', summary });
      afterChange();
      return outcome;
    },
  };
}
