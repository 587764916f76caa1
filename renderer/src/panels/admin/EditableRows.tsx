// The editable rows the administration screens share (run cards' needs, alarm thresholds, time limits):
// a table whose every row is edited in place and can be removed, and the small controls its cells hold
// (a labelled select, a short number input, a ghost button). The screens give the columns; the rows
// stay plain values the screen owns.
import type { ReactNode } from 'react';

export interface Column<R> {
  /** the column's heading; the table has a header row when any column has one */
  header?: ReactNode;
  cell(row: R, set: (patch: Partial<R>) => void, index: number): ReactNode;
}

type DataAttributes = { [name: `data-${string}`]: string };

export function EditableRows<R extends object>({
  rows,
  columns,
  onChange,
  removeLabel,
  className = 'admin-table',
  rowData,
}: {
  rows: R[];
  columns: Column<R>[];
  onChange(rows: R[]): void;
  removeLabel: string;
  className?: string;
  /** `data-*` attributes of a row (what tests and the e2e specs find it by) */
  rowData?(row: R): DataAttributes;
}) {
  const setAt = (i: number) => (patch: Partial<R>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <table className={className}>
      {columns.some((c) => c.header !== undefined) && (
        <thead>
          <tr>
            {columns.map((c, k) => (
              <th key={k}>{c.header}</th>
            ))}
            <th />
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} {...rowData?.(r)}>
            {columns.map((c, k) => (
              <td key={k}>{c.cell(r, setAt(i), i)}</td>
            ))}
            <td>
              <GhostButton onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                {removeLabel}
              </GhostButton>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface Option {
  value: string;
  label: ReactNode;
}

/** A select named for screen readers (the column heading is not its label). */
export function Choice({
  label,
  value,
  options,
  onChange,
  className = 'select',
}: {
  label?: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
  className?: string;
}) {
  return (
    <select className={className} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A short number typed as text (minutes, counts, limits): kept as typed until saved. */
export function NumberInput({
  label,
  value,
  onChange,
  placeholder,
  numeric,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  /** whole numbers only: a numeric keyboard on touch screens */
  numeric?: boolean;
}) {
  return (
    <input
      className="input admin-minutes"
      inputMode={numeric ? 'numeric' : undefined}
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function GhostButton({ onClick, children }: { onClick(): void; children: ReactNode }) {
  return (
    <button type="button" className="btn btn-ghost btn-small" onClick={onClick}>
      {children}
    </button>
  );
}
