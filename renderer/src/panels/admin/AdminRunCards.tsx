// 出动方案 (run cards): what an incident of each type and level needs, by unit kind (and optionally a
// department). Shows every level of the chosen type, edits one; saved through PUT /api/run-cards and used
// by the next recommendation.
import type { AdminRunCard } from '@contract/admin';
import {
  INCIDENT_LEVEL_LABELS,
  INCIDENT_TYPE_INFO,
  INCIDENT_TYPES,
  UNIT_KINDS,
  type IncidentType,
  type RunCardNeed,
} from '@contract/incidents';
import { useEffect, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { ChangeHistory } from './ChangeHistory';
import { Choice, EditableRows, GhostButton, NumberInput } from './EditableRows';
import { SelectField } from './TextField';
import { SaveStatus, useAdminSave } from './useAdminSave';

type Need = { kind: RunCardNeed['kind']; departmentId: string | null; count: string };

export function AdminRunCards() {
  const t = useT();
  const { admin } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const departments = useAppStore((s) => s.reference.departments);
  const [type, setType] = useState<IncidentType>('gas_leak');
  const [cards, setCards] = useState<AdminRunCard[]>([]);
  const [level, setLevel] = useState(3);
  const [needs, setNeeds] = useState<Need[]>([]);
  const save = useAdminSave();
  useEffect(() => {
    admin.runCards().then(setCards, () => setCards([]));
  }, [admin, save.count]);
  const card = cards.find((c) => c.type === type && c.level === level);
  useEffect(() => {
    setNeeds((card?.needs ?? []).map((n) => ({ ...n, count: String(n.count) })));
  }, [card]);
  const kindName = (k: string) => t(`admin.unitKind.${k}` as MessageKey);
  const summary = (c: AdminRunCard) => c.needs.map((n) => `${kindName(n.kind)}×${n.count}`).join('，');
  const departmentOptions = departments
    .filter((d) => d.active)
    .map((d) => ({ value: d.id, label: lang === 'zh' ? d.name : d.nameEn || d.name }));
  const submit = () =>
    card &&
    void save.run(() =>
      admin.putRunCard(
        type,
        level,
        needs.map((n) => ({ kind: n.kind, departmentId: n.departmentId, count: Number(n.count) })),
        card.version,
      ),
    );

  return (
    <div className="admin" aria-label={t('admin.section.runCards')}>
      <div className="admin-toolbar">
        <SelectField
          label={t('admin.rc.type')}
          value={type}
          options={INCIDENT_TYPES.map((it) => ({ value: it, label: INCIDENT_TYPE_INFO[it][lang] }))}
          onChange={(it) => setType(it as IncidentType)}
        />
      </div>
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.rc.level')}</th>
            <th>{t('admin.rc.needs')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {cards
            .filter((c) => c.type === type)
            .map((c) => (
              <tr key={c.level} data-run-card={`${c.type}:${c.level}`} aria-selected={c.level === level}>
                <td>
                  {INCIDENT_LEVEL_LABELS[c.level].roman} {INCIDENT_LEVEL_LABELS[c.level][lang]}
                </td>
                <td>
                  {summary(c)} {!c.edited && <span className="admin-muted">{t('admin.rc.default')}</span>}
                </td>
                <td>
                  <GhostButton onClick={() => setLevel(c.level)}>{t('admin.edit')}</GhostButton>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <h4 className="section-title">
        {t('admin.rc.editing', {
          type: INCIDENT_TYPE_INFO[type][lang],
          level: INCIDENT_LEVEL_LABELS[level as 1][lang],
        })}
      </h4>
      <SaveStatus error={save.error} saved={save.saved} savedText={t('admin.savedShort')} />
      <EditableRows
        rows={needs}
        onChange={setNeeds}
        removeLabel={t('admin.remove')}
        columns={[
          {
            cell: (n, set) => (
              <Choice
                label={t('admin.rc.kind')}
                value={n.kind}
                options={UNIT_KINDS.map((k) => ({ value: k, label: kindName(k) }))}
                onChange={(kind) => set({ kind: kind as Need['kind'] })}
              />
            ),
          },
          {
            cell: (n, set) => (
              <Choice
                label={t('admin.rc.department')}
                value={n.departmentId ?? ''}
                options={[{ value: '', label: t('admin.rc.anyDepartment') }, ...departmentOptions]}
                onChange={(id) => set({ departmentId: id || null })}
              />
            ),
          },
          {
            cell: (n, set) => (
              <NumberInput label={t('admin.rc.count')} value={n.count} onChange={(count) => set({ count })} />
            ),
          },
        ]}
      />
      <div className="admin-form-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setNeeds([...needs, { kind: 'repair', departmentId: null, count: '1' }])}
        >
          {t('admin.rc.add')}
        </button>
        <button type="button" className="btn btn-primary btn-small" onClick={submit} disabled={!card}>
          {t('admin.save')}
        </button>
      </div>
      <ChangeHistory entity="runCard" refresh={save.count} />
    </div>
  );
}
