// The form of one command: only the fields it needs (state/commandForms.ts), required ones marked;
// sending it issues POST /api/cases/:id/commands with the version the user saw.
import type { CaseDetail } from '@contract/cases';
import { URGENCIES, type CaseCommand } from '@contract/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { commandLabel, urgencyLabel } from '../../i18n/labels';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/messages';
import {
  buildCommandBody,
  COMMAND_FORMS,
  fieldsOf,
  initialValues,
  type FormField,
  type FormValues,
} from '../../state/commandForms';
import { departmentName, nameIn } from '../../state/reference';
import { PhotoPicker } from './PhotoPicker';

const FIELD_LABELS: Record<FormField, MessageKey> = {
  reason: 'form.reason',
  note: 'form.note',
  departmentId: 'form.departmentId',
  mergedIntoId: 'form.mergedIntoId',
  extensionMinutes: 'form.extensionMinutes',
  valid: 'form.valid',
  attachments: 'form.attachments',
  urgency: 'form.urgency',
};

interface Props {
  command: CaseCommand;
  detail: CaseDetail;
  onCancel(): void;
}

export function CommandForm({ command, detail, onCancel }: Props) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const reference = useAppStore((s) => s.reference);
  const pending = useAppStore((s) => s.detail.pending);
  const { detail: service } = useServices();
  const [values, setValues] = useState<FormValues>(() => initialValues(command, detail));
  const [missing, setMissing] = useState<FormField[]>([]);
  const { required } = COMMAND_FORMS[command];
  const set = (patch: Partial<FormValues>) => setValues((v) => ({ ...v, ...patch }));
  const label = commandLabel(command, lang);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildCommandBody(command, values, detail.version);
    if (!built.ok) {
      setMissing(built.missing);
      return;
    }
    setMissing([]);
    void service.run(built.body);
  };

  const fieldLabel = (field: FormField) => {
    const key =
      field === 'valid'
        ? command === 'verifyResult'
          ? 'form.valid.verify'
          : 'form.valid.recheck'
        : FIELD_LABELS[field];
    return (
      <span className="field-label">
        {t(key)}
        {required.includes(field) && <span className="required">{t('form.required')}</span>}
      </span>
    );
  };

  const departments = reference.departments.filter((d) => d.active);
  const mergeTargets = detail.possibleDuplicates;

  return (
    <form className="command-form" onSubmit={submit} data-form={command} aria-label={label} noValidate>
      {fieldsOf(command).map((field) => {
        const invalid = missing.includes(field);
        switch (field) {
          case 'reason':
          case 'note':
            return (
              <label key={field} className="field">
                {fieldLabel(field)}
                <textarea
                  className="input textarea"
                  name={field}
                  rows={2}
                  aria-invalid={invalid}
                  value={values[field]}
                  onChange={(e) => set({ [field]: e.target.value })}
                />
              </label>
            );
          case 'departmentId': {
            const options = departments.map((d) => ({
              value: d.id,
              label:
                d.id === detail.suggestedDepartmentId
                  ? t('form.suggested', { name: nameIn(d, lang) })
                  : nameIn(d, lang),
            }));
            // A department no longer active but set on the case stays selectable.
            if (values.departmentId && !departments.some((d) => d.id === values.departmentId))
              options.push({
                value: values.departmentId,
                label: departmentName(reference, values.departmentId, lang),
              });
            return (
              <SelectField
                key={field}
                name={field}
                label={fieldLabel(field)}
                invalid={invalid}
                value={values.departmentId}
                empty={t('form.choose')}
                options={options}
                onChange={(departmentId) => set({ departmentId })}
              />
            );
          }
          case 'mergedIntoId':
            return (
              <SelectField
                key={field}
                name={field}
                label={fieldLabel(field)}
                invalid={invalid}
                value={values.mergedIntoId}
                empty={t('form.choose')}
                options={mergeTargets.map((d) => ({
                  value: d.id,
                  label: `${t('form.caseNumber', { number: d.caseNumber })} · ${t('detail.distance', {
                    meters: Math.round(d.distanceMeters),
                  })}`,
                }))}
                onChange={(mergedIntoId) => set({ mergedIntoId })}
              />
            );
          case 'extensionMinutes':
            return (
              <label key={field} className="field">
                {fieldLabel(field)}
                <input
                  className="input"
                  name={field}
                  type="number"
                  min={1}
                  step={1}
                  aria-invalid={invalid}
                  value={values.extensionHours}
                  onChange={(e) => set({ extensionHours: e.target.value })}
                />
              </label>
            );
          case 'valid':
            return (
              <fieldset key={field} className="field field-inline" aria-invalid={invalid}>
                <legend>{fieldLabel(field)}</legend>
                {(['yes', 'no'] as const).map((v) => (
                  <label key={v} className="radio">
                    <input
                      type="radio"
                      name="valid"
                      checked={values.valid === v}
                      onChange={() => set({ valid: v })}
                    />
                    {t(v === 'yes' ? 'form.valid.yes' : 'form.valid.no')}
                  </label>
                ))}
              </fieldset>
            );
          case 'attachments':
            return (
              <PhotoPicker
                key={field}
                label={fieldLabel(field)}
                value={values.attachments}
                onChange={(attachments) => set({ attachments })}
              />
            );
          case 'urgency':
            return (
              <SelectField
                key={field}
                name={field}
                label={fieldLabel(field)}
                value={values.urgency}
                empty={t('form.urgency.keep')}
                options={URGENCIES.map((u) => ({ value: u, label: urgencyLabel(u, lang) }))}
                onChange={(urgency) => set({ urgency: urgency as FormValues['urgency'] })}
              />
            );
        }
      })}
      {missing.length > 0 && (
        <p className="queue-error" role="alert">
          {t('form.missing', {
            fields: missing.map((f) => t(FIELD_LABELS[f])).join(lang === 'zh' ? '、' : ', '),
          })}
        </p>
      )}
      <div className="form-buttons">
        <button
          type="submit"
          className={`btn btn-${COMMAND_FORMS[command].tone}`}
          disabled={pending !== null}
        >
          {pending === command ? t('form.sending') : t('form.submit', { command: label })}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending !== null}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

interface SelectFieldProps {
  name: string;
  label: ReactNode;
  invalid?: boolean;
  value: string;
  /** the text of the empty first choice */
  empty: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}

function SelectField({ name, label, invalid, value, empty, options, onChange }: SelectFieldProps) {
  return (
    <label className="field">
      {label}
      <select
        className="select"
        name={name}
        aria-invalid={invalid}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
