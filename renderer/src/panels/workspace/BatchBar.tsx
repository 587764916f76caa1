// Batch work on the supervisor's intake: how many rows are selected, select all loaded or none, and
// accept, void (with one reason for all) or merge the selected duplicates into the cases they repeat.
// Each case is its own command; the bar says how many went through and how many did not, and why.
import type { CaseSummary } from '@contract/cases';
import { useState } from 'react';
import { useServices } from '../../app/ServicesContext';
import { useAppStore } from '../../app/StoreContext';
import { localizedText } from '../../i18n/serverText';
import { useT } from '../../i18n/useT';
import type { BatchCommand, BatchOutcome } from '../../services/batch';

interface Props {
  selected: CaseSummary[];
  loaded: CaseSummary[];
  onSelectAll(): void;
  onClear(): void;
}

type Running = { command: BatchCommand['command']; finished: number; of: number };

export function BatchBar({ selected, loaded, onSelectAll, onClear }: Props) {
  const t = useT();
  const { intake } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const [reason, setReason] = useState('');
  const [voiding, setVoiding] = useState(false);
  const [running, setRunning] = useState<Running | null>(null);
  const [result, setResult] = useState<(BatchOutcome & { command: BatchCommand['command'] }) | null>(null);
  const duplicates = selected.filter((c) => c.duplicateOfId);

  const run = async (batch: BatchCommand, cases: CaseSummary[]) => {
    setResult(null);
    setRunning({ command: batch.command, finished: 0, of: cases.length });
    const outcome = await intake.run(
      cases.map((c) => ({ id: c.id, version: c.version, duplicateOfId: c.duplicateOfId })),
      batch,
      (finished) => setRunning((r) => (r ? { ...r, finished } : r)),
    );
    setRunning(null);
    setResult({ ...outcome, command: batch.command });
    setVoiding(false);
    setReason('');
    onClear();
  };

  return (
    <section className="batch-bar" aria-label={t('intake.batch')} data-selected={selected.length}>
      <div className="batch-line">
        <span className="batch-count">{t('intake.selected', { count: selected.length })}</span>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={onSelectAll}
          disabled={!loaded.length}
        >
          {t('intake.selectAll', { count: loaded.length })}
        </button>
        {selected.length > 0 && (
          <button type="button" className="btn btn-small btn-ghost" onClick={onClear}>
            {t('intake.clear')}
          </button>
        )}
      </div>
      {selected.length > 0 && !running && (
        <div className="batch-line">
          <button
            type="button"
            className="btn btn-small btn-primary"
            onClick={() => void run({ command: 'accept' }, selected)}
          >
            {t('intake.accept', { count: selected.length })}
          </button>
          <button type="button" className="btn btn-small btn-danger" onClick={() => setVoiding((v) => !v)}>
            {t('intake.void', { count: selected.length })}
          </button>
          {duplicates.length > 0 && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void run({ command: 'merge' }, duplicates)}
            >
              {t('intake.merge', { count: duplicates.length })}
            </button>
          )}
        </div>
      )}
      {voiding && selected.length > 0 && !running && (
        <form
          className="batch-line"
          aria-label={t('intake.voidForm')}
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) void run({ command: 'void', reason: reason.trim() }, selected);
          }}
        >
          <input
            className="input batch-reason"
            aria-label={t('intake.voidReason')}
            placeholder={t('intake.voidReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            required
          />
          <button type="submit" className="btn btn-small btn-danger" disabled={!reason.trim()}>
            {t('intake.voidConfirm', { count: selected.length })}
          </button>
        </form>
      )}
      {running && (
        <p className="batch-progress" role="status">
          {t('intake.running', { finished: running.finished, of: running.of })}
        </p>
      )}
      {result && (
        <p
          className="batch-result"
          role="status"
          data-done={result.done.length}
          data-failed={result.failed.length}
        >
          {t('intake.result', { done: result.done.length, failed: result.failed.length })}
          {result.failed[0] && ` · ${localizedText(result.failed[0].error, lang)}`}
        </p>
      )}
    </section>
  );
}
