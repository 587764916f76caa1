// Labelled fields of the administration forms and toolbars: a text field, a select, and the Chinese and
// English name pair that departments and categories both carry.
import { useT } from '../../i18n/useT';
import { Choice, type Option } from './EditableRows';

export function TextField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      {label}
      <input className="input" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

type Names = { name: string; nameEn: string };

/** 名称 and its English name. */
export function NameFields({ value, onChange }: { value: Names; onChange(patch: Partial<Names>): void }) {
  const t = useT();
  return (
    <>
      <TextField label={t('admin.dept.name')} value={value.name} onChange={(name) => onChange({ name })} />
      <TextField
        label={t('admin.dept.nameEn')}
        value={value.nameEn}
        onChange={(nameEn) => onChange({ nameEn })}
      />
    </>
  );
}

/** A select with its label in front (the label also names it for screen readers). */
export function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
}) {
  return (
    <label>
      {label}
      <Choice label={label} value={value} options={options} onChange={onChange} />
    </label>
  );
}
