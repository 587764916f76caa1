// 类别时限: the chosen category's settings and the time limits of one category (or the default rows every category falls back to), per
// urgency and step, in working or natural minutes. An empty cell has no own row: the major class's or
// the default's applies. New cases' clocks use the saved limits at once.
import type { AdminTimeLimits as Limits, LimitStep, TimeLimitEntry } from '@contract/admin';
import { LIMIT_STEPS } from '@contract/admin';
import { URGENCIES, type Urgency } from '@contract/domain';
import { useEffect, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { AdminCategory } from './AdminCategory';
import { ChangeHistory } from './ChangeHistory';
import { Choice, NumberInput } from './EditableRows';
import { SelectField } from './TextField';
import { SaveStatus, useAdminSave } from './useAdminSave';

type Cell = { unit: TimeLimitEntry['unit']; minutes: string };
type Grid = Record<string, Cell>;
const key = (u: Urgency, s: LimitStep) => `${u}:${s}`;

function toGrid(rows: TimeLimitEntry[]): Grid {
  const grid: Grid = {};
  for (const r of rows) grid[key(r.urgency, r.step)] = { unit: r.unit, minutes: String(r.minutes) };
  return grid;
}

function toRows(grid: Grid): TimeLimitEntry[] {
  const rows: TimeLimitEntry[] = [];
  for (const urgency of URGENCIES)
    for (const step of LIMIT_STEPS) {
      const cell = grid[key(urgency, step)];
      if (cell && cell.minutes.trim() !== '')
        rows.push({ urgency, step, unit: cell.unit, minutes: Number(cell.minutes) });
    }
  return rows;
}

const hours = (minutes: string) => {
  const n = Number(minutes);
  return Number.isFinite(n) && n >= 60 ? `≈${Math.round((n / 60) * 10) / 10}h` : '';
};

export function AdminTimeLimits() {
  const t = useT();
  const { admin } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const categories = useAppStore((s) => s.reference.categories);
  const [categoryId, setCategoryId] = useState('default');
  const [limits, setLimits] = useState<Limits | null>(null);
  const [grid, setGrid] = useState<Grid>({});
  const save = useAdminSave();
  const [categorySaves, setCategorySaves] = useState(0);
  useEffect(() => {
    let live = true;
    admin.timeLimits(categoryId).then(
      (l) => {
        if (!live) return;
        setLimits(l);
        setGrid(toGrid(l.rows));
      },
      () => live && setLimits(null),
    );
    return () => {
      live = false;
    };
  }, [admin, categoryId, save.count, categorySaves]);

  // Inputs only once the chosen category's rows are in, so nothing typed is overwritten by the load.
  const loaded = limits !== null && (limits.categoryId ?? 'default') === categoryId;
  const setCell = (k: string, cell: Cell) => setGrid({ ...grid, [k]: cell });
  const unitOptions = [
    { value: 'working_minutes', label: t('admin.unit.working') },
    { value: 'natural_minutes', label: t('admin.unit.natural') },
  ];
  const submit = () =>
    limits &&
    void save.run(() => admin.putTimeLimits(categoryId, { version: limits.version, rows: toRows(grid) }));

  return (
    <div
      className="admin"
      aria-label={t('admin.section.timeLimits')}
      data-limits-of={limits ? (limits.categoryId ?? 'default') : undefined}
    >
      <div className="admin-toolbar">
        <SelectField
          label={t('admin.limits.category')}
          value={categoryId}
          options={[
            { value: 'default', label: t('admin.limits.default') },
            ...categories.map((c) => ({
              value: c.id,
              label: `${c.kind === 'part' ? t('admin.cat.part') : t('admin.cat.event')} ${c.code} ${lang === 'zh' ? c.name : c.nameEn || c.name}`,
            })),
          ]}
          onChange={setCategoryId}
        />
        <button type="button" className="btn btn-primary btn-small" onClick={submit} disabled={!limits}>
          {t('admin.save')}
        </button>
      </div>
      <p className="admin-muted">{t('admin.limits.hint')}</p>
      <SaveStatus error={save.error} saved={save.saved} savedText={t('admin.savedShort')} />
      {loaded && (
        <table className="admin-table admin-limits">
          <thead>
            <tr>
              <th>{t('admin.limits.step')}</th>
              {URGENCIES.map((u) => (
                <th key={u}>{t(`admin.urgency.${u}` as MessageKey)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LIMIT_STEPS.map((step) => (
              <tr key={step} data-step={step}>
                <td>{t(`admin.step.${step}` as MessageKey)}</td>
                {URGENCIES.map((u) => {
                  const k = key(u, step);
                  const cell = grid[k] ?? { unit: 'working_minutes', minutes: '' };
                  const label = `${t(`admin.step.${step}` as MessageKey)} · ${t(`admin.urgency.${u}` as MessageKey)}`;
                  return (
                    <td key={u} className="admin-limit-cell">
                      <NumberInput
                        numeric
                        label={t('admin.limits.minutesOf', { what: label })}
                        placeholder="—"
                        value={cell.minutes}
                        onChange={(minutes) => setCell(k, { ...cell, minutes })}
                      />
                      <Choice
                        className="select admin-unit-select"
                        label={t('admin.limits.unitOf', { what: label })}
                        value={cell.unit}
                        options={unitOptions}
                        onChange={(unit) => setCell(k, { ...cell, unit: unit as Cell['unit'] })}
                      />
                      <span className="admin-muted">{hours(cell.minutes)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loaded && limits.category && (
        <AdminCategory category={limits.category} onSaved={() => setCategorySaves((n) => n + 1)} />
      )}
      <ChangeHistory entity="timeLimit" entityId={categoryId} refresh={save.count} />
    </div>
  );
}
