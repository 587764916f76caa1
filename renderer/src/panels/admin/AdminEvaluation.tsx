// 评价设置: the weights of a department's composite score, the denominator of 按期结案率 (some cities
// subtract 缓办) and the grade bands. Saving adds a settings version (each published report names the one
// it used); a stale version is refused.
import {
  DOMAIN_PRESET,
  PUBLISHED_PRESET,
  SCORE_METRICS,
  type EvaluationSettings,
  type ScoreMetric,
} from '@contract/evaluation';
import { useEffect, useState } from 'react';
import { useServices } from '../../app/ServicesContext';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import type { EvaluationSettingsView } from '../../services/admin';
import { ChangeHistory } from './ChangeHistory';
import { SaveStatus, useAdminSave } from './useAdminSave';

const GRADES = ['A', 'B', 'C', 'D'] as const;

export function AdminEvaluation() {
  const t = useT();
  const { admin } = useServices();
  const [view, setView] = useState<EvaluationSettingsView | null>(null);
  const [value, setValue] = useState<EvaluationSettings>(DOMAIN_PRESET);
  const [note, setNote] = useState('');
  const save = useAdminSave();
  useEffect(() => {
    admin.evaluationSettings().then(
      (v) => {
        setView(v);
        setValue(v.current.value);
      },
      () => setView(null),
    );
  }, [admin, save.count]);
  const weight = (m: ScoreMetric) => value.weights.find((w) => w.metric === m)?.weight ?? 0;
  const setWeight = (m: ScoreMetric, n: number) => {
    const others = value.weights.filter((w) => w.metric !== m);
    setValue({ ...value, preset: 'custom', weights: n > 0 ? [...others, { metric: m, weight: n }] : others });
  };
  const total = value.weights.reduce((sum, w) => sum + w.weight, 0);
  const submit = () =>
    view && void save.run(() => admin.putEvaluationSettings(value, note, view.current.version));

  return (
    <div className="admin" aria-label={t('admin.section.evaluation')}>
      <div className="admin-toolbar">
        <label>
          {t('admin.ev.preset')}
          <select
            className="select"
            value={value.preset}
            onChange={(e) =>
              setValue(
                e.target.value === 'domain'
                  ? DOMAIN_PRESET
                  : e.target.value === 'published'
                    ? PUBLISHED_PRESET
                    : { ...value, preset: 'custom' },
              )
            }
          >
            {(['domain', 'published', 'custom'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`admin.ev.preset.${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <span className="admin-muted">{t('admin.ev.version', { version: view?.current.version ?? 0 })}</span>
      </div>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.ev.denominator')}</legend>
        {(['due', 'dueMinusSuspended'] as const).map((d) => (
          <label key={d} className="admin-radio">
            <input
              type="radio"
              name="denominator"
              checked={value.closingInTimeDenominator === d}
              onChange={() => setValue({ ...value, closingInTimeDenominator: d })}
            />
            {t(`admin.ev.denominator.${d}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <fieldset className="admin-fieldset admin-bands">
        <legend>{t('admin.ev.bands')}</legend>
        {GRADES.map((g) => (
          <label key={g}>
            {g} ≥
            <input
              className="input admin-minutes"
              value={value.bands[g]}
              onChange={(e) => setValue({ ...value, bands: { ...value.bands, [g]: Number(e.target.value) } })}
            />
          </label>
        ))}
      </fieldset>
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.ev.metric')}</th>
            <th>{t('admin.ev.weight')}</th>
          </tr>
        </thead>
        <tbody>
          {SCORE_METRICS.map((m) => (
            <tr key={m}>
              <td>{t(`admin.ev.metric.${m}` as MessageKey)}</td>
              <td>
                <input
                  className="input admin-minutes"
                  aria-label={t(`admin.ev.metric.${m}` as MessageKey)}
                  value={weight(m)}
                  onChange={(e) => setWeight(m, Number(e.target.value) || 0)}
                />
              </td>
            </tr>
          ))}
          <tr>
            <td>{t('admin.ev.total')}</td>
            <td className={total === 100 ? 'admin-num' : 'admin-num admin-bad'}>{total}</td>
          </tr>
        </tbody>
      </table>
      <label className="admin-note">
        {t('admin.ev.note')}
        <input className="input" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <SaveStatus error={save.error} saved={save.saved} savedText={t('admin.savedShort')} />
      <div className="admin-form-actions">
        <button type="button" className="btn btn-primary btn-small" onClick={submit} disabled={!view}>
          {t('admin.save')}
        </button>
      </div>
      <ChangeHistory entity="evaluation" refresh={save.count} />
    </div>
  );
}
