// The actions this user may take on the case now: exactly the server's allowedCommands, each opening
// the small form it needs. Errors are the server's message in the interface language.
import type { CaseDetail } from '@contract/cases';
import type { CaseCommand } from '@contract/domain';
import { useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { commandLabel } from '../../i18n/labels';
import { localizedText } from '../../i18n/serverText';
import { useT } from '../../i18n/useT';
import { COMMAND_FORMS } from '../../state/commandForms';
import { CommandForm } from './CommandForm';

export function CaseActions({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const commandError = useAppStore((s) => s.detail.commandError);
  const pending = useAppStore((s) => s.detail.pending);
  const [open, setOpen] = useState<CaseCommand | null>(null);
  // Merging needs a case to merge into: without a duplicate candidate the action would lead nowhere.
  const canMerge = detail.possibleDuplicates.length > 0;
  const commands = detail.allowedCommands.filter((c) => c !== 'report' && (c !== 'merge' || canMerge));

  return (
    <section className="actions-block" aria-label={t('detail.actions')}>
      <h3 className="section-title">{t('detail.actions')}</h3>
      {commands.length === 0 ? (
        <p className="muted">{t('detail.noActions')}</p>
      ) : (
        <div className="actions" data-allowed={commands.join(' ')}>
          {commands.map((command) => (
            <button
              key={command}
              type="button"
              className={`btn btn-${COMMAND_FORMS[command].tone}`}
              aria-expanded={open === command}
              data-command={command}
              disabled={pending !== null}
              onClick={() => setOpen(open === command ? null : command)}
            >
              {commandLabel(command, lang)}
            </button>
          ))}
        </div>
      )}
      {commandError && (
        <p className="queue-error" role="alert">
          {localizedText(commandError, lang)}
        </p>
      )}
      {open && <CommandForm command={open} detail={detail} onCancel={() => setOpen(null)} />}
    </section>
  );
}
