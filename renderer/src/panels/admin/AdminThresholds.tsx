// 报警阈值: the alarm thresholds of a sensor type, or of one sensor (its own rows replace the type's):
// level (1 red … 4 blue), direction (high / low), limit, clear margin and the consecutive readings needed.
// The alarm engine judges the next reading by the saved values.
import type { AdminThresholds as Thresholds, ThresholdEntry } from '@contract/admin';
import { SENSOR_TYPES, type SensorType } from '@contract/alarms';
import { useEffect, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { localizedText } from '../../i18n/serverText';
import { messageOf } from '../../services/api';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { ChangeHistory } from './ChangeHistory';
import { Choice, EditableRows, GhostButton, NumberInput } from './EditableRows';
import { SelectField } from './TextField';
import { SaveStatus, useAdminSave } from './useAdminSave';

type Row = {
  level: number;
  direction: ThresholdEntry['direction'];
  value: string;
  clearMargin: string;
  debounce: string;
};
const toRow = (r: ThresholdEntry): Row => ({
  level: r.level,
  direction: r.direction,
  value: String(r.value),
  clearMargin: String(r.clearMargin),
  debounce: String(r.debounce),
});
const LEVELS = [1, 2, 3, 4] as const;
const DIRECTIONS = ['above', 'below'] as const;
const toEntry = (r: Row): ThresholdEntry => ({
  level: r.level,
  direction: r.direction,
  value: Number(r.value),
  clearMargin: Number(r.clearMargin || 0),
  debounce: Number(r.debounce),
});

export function AdminThresholds() {
  const t = useT();
  const { admin } = useServices();
  const [type, setType] = useState<SensorType>('gas');
  const [sensorInput, setSensorInput] = useState('');
  const [sensorId, setSensorId] = useState<string | null>(null);
  const [current, setCurrent] = useState<Thresholds | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const lang = useAppStore((s) => s.ui.lang);
  const save = useAdminSave();
  useEffect(() => {
    let live = true;
    admin.thresholds(type, sensorId).then(
      (th) => {
        if (!live) return;
        setLoadError(null);
        setCurrent(th);
        setRows(th.rows.map(toRow));
      },
      (e: unknown) => {
        if (!live) return;
        setCurrent(null);
        setRows([]);
        setLoadError(localizedText(messageOf(e), lang));
      },
    );
    return () => {
      live = false;
    };
  }, [admin, type, sensorId, save.count, lang]);

  const put = (next: ThresholdEntry[]) =>
    current &&
    void save.run(() => admin.putThresholds(type, sensorId, { version: current.version, rows: next }));
  const what = current
    ? current.sensorId
      ? `${current.sensorType}/${current.sensorId}`
      : current.sensorType
    : '';

  return (
    <div className="admin" aria-label={t('admin.section.thresholds')}>
      <div className="admin-toolbar">
        <SelectField
          label={t('admin.th.type')}
          value={type}
          options={SENSOR_TYPES.map((s) => ({ value: s, label: t(`sensor.${s}` as MessageKey) }))}
          onChange={(s) => {
            setType(s as SensorType);
            setSensorId(null);
            setSensorInput('');
          }}
        />
        <label>
          {t('admin.th.sensor')}
          <input
            className="input"
            value={sensorInput}
            placeholder={t('admin.th.sensorPlaceholder')}
            onChange={(e) => setSensorInput(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setSensorId(sensorInput.trim() || null)}
        >
          {t('admin.th.load')}
        </button>
      </div>
      <p className="admin-muted" data-thresholds-of={what}>
        {sensorId
          ? t(current?.inherited ? 'admin.th.inherited' : 'admin.th.own', { sensor: sensorId })
          : t('admin.th.ofType', { unit: current?.unit ?? '' })}
      </p>
      <SaveStatus error={save.error ?? loadError} saved={save.saved} savedText={t('admin.savedShort')} />
      <EditableRows
        className="admin-table admin-thresholds"
        rows={rows}
        onChange={setRows}
        removeLabel={t('admin.remove')}
        rowData={(r) => ({ 'data-threshold': `${r.level}:${r.direction}` })}
        columns={[
          {
            header: t('admin.th.level'),
            cell: (r, set) => (
              <Choice
                label={t('admin.th.level')}
                value={String(r.level)}
                options={LEVELS.map((l) => ({
                  value: String(l),
                  label: t(`admin.th.level${l}` as MessageKey),
                }))}
                onChange={(level) => set({ level: Number(level) })}
              />
            ),
          },
          {
            header: t('admin.th.direction'),
            cell: (r, set) => (
              <Choice
                label={t('admin.th.direction')}
                value={r.direction}
                options={DIRECTIONS.map((d) => ({ value: d, label: t(`admin.th.${d}`) }))}
                onChange={(direction) => set({ direction: direction as Row['direction'] })}
              />
            ),
          },
          {
            header: t('admin.th.value', { unit: current?.unit ?? '' }),
            cell: (r, set) => (
              <NumberInput
                label={t('admin.th.valueOf', { level: r.level })}
                value={r.value}
                onChange={(value) => set({ value })}
              />
            ),
          },
          {
            header: t('admin.th.clearMargin'),
            cell: (r, set) => (
              <NumberInput
                label={t('admin.th.clearMargin')}
                value={r.clearMargin}
                onChange={(clearMargin) => set({ clearMargin })}
              />
            ),
          },
          {
            header: t('admin.th.debounce'),
            cell: (r, set) => (
              <NumberInput
                label={t('admin.th.debounceOf', { level: r.level })}
                value={r.debounce}
                onChange={(debounce) => set({ debounce })}
              />
            ),
          },
        ]}
      />
      <div className="admin-form-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            setRows([...rows, { level: 4, direction: 'above', value: '', clearMargin: '0', debounce: '2' }])
          }
        >
          {t('admin.th.add')}
        </button>
        <button type="button" className="btn btn-primary btn-small" onClick={() => put(rows.map(toEntry))}>
          {t('admin.save')}
        </button>
        {sensorId && !current?.inherited && (
          <GhostButton onClick={() => put([])}>{t('admin.th.reset')}</GhostButton>
        )}
      </div>
      <ChangeHistory entity="threshold" refresh={save.count} />
    </div>
  );
}
