// 部门管理: departments with their kind, district / street and the categories they handle. A department
// with cases is deactivated (never deleted); every change is checked by the server and listed below.
import type { AdminDepartment } from '@contract/admin';
import { DEPARTMENT_KINDS } from '@contract/admin';
import { useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { ChangeHistory } from './ChangeHistory';
import { GhostButton } from './EditableRows';
import { NameFields, SelectField, TextField } from './TextField';
import { SaveStatus, useAdminSave } from './useAdminSave';

type Kind = AdminDepartment['kind'];
interface Draft {
  id: string;
  name: string;
  nameEn: string;
  kind: Kind;
  districtCode: string | null;
  streetCode: string | null;
  categoryIds: string[];
}

const EMPTY: Draft = {
  id: '',
  name: '',
  nameEn: '',
  kind: 'functional',
  districtCode: null,
  streetCode: null,
  categoryIds: [],
};
const NONE = { value: '', label: '—' };

export function AdminDepartments() {
  const t = useT();
  const { admin } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const divisions = useAppStore((s) => s.reference.divisions);
  const [list, setList] = useState<AdminDepartment[]>([]);
  const [editing, setEditing] = useState<{ draft: Draft; existing: AdminDepartment | null } | null>(null);
  const save = useAdminSave();
  const reload = useCallback(() => {
    admin.departments().then(setList, () => setList([]));
  }, [admin]);
  useEffect(reload, [reload, save.count]);
  const divisionName = (code: string | null) => {
    const d = divisions.find((x) => x.code === code);
    return d ? (lang === 'zh' ? d.name : d.nameEn || d.name) : '—';
  };

  const toggle = (d: AdminDepartment) =>
    void save.run(() => admin.updateDepartment(d.id, { version: d.version, active: !d.active }));

  const submit = async () => {
    if (!editing) return;
    const { draft, existing } = editing;
    const ok = await save.run(() =>
      existing
        ? admin.updateDepartment(existing.id, {
            version: existing.version,
            name: draft.name,
            nameEn: draft.nameEn,
            kind: draft.kind,
            districtCode: draft.districtCode,
            streetCode: draft.streetCode,
            categoryIds: draft.categoryIds,
          })
        : admin.createDepartment(draft),
    );
    if (ok) setEditing(null);
  };

  return (
    <div className="admin" aria-label={t('admin.section.departments')}>
      <div className="admin-toolbar">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setEditing({ draft: EMPTY, existing: null })}
        >
          {t('admin.dept.new')}
        </button>
      </div>
      <SaveStatus error={save.error} saved={save.saved} savedText={t('admin.savedShort')} />
      {editing && (
        <DepartmentForm
          draft={editing.draft}
          isNew={!editing.existing}
          onChange={(draft) => setEditing({ ...editing, draft })}
          onSubmit={() => void submit()}
          onCancel={() => setEditing(null)}
        />
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.dept.name')}</th>
            <th>{t('admin.dept.kind')}</th>
            <th>{t('admin.dept.area')}</th>
            <th>{t('admin.dept.categories')}</th>
            <th>{t('admin.dept.cases')}</th>
            <th>{t('admin.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((d) => (
            <tr key={d.id} data-department={d.id} data-active={d.active ? 'true' : 'false'}>
              <td>
                <span className="admin-name">{lang === 'zh' ? d.name : d.nameEn || d.name}</span>
                <span className="admin-username">{d.id}</span>
              </td>
              <td>{t(`admin.dept.kind.${d.kind}` as MessageKey)}</td>
              <td>{divisionName(d.streetCode ?? d.districtCode)}</td>
              <td className="admin-num">{d.categoryIds.length}</td>
              <td className="admin-num">{d.caseCount}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('admin.activeOf', { name: d.id })}
                  checked={d.active}
                  onChange={() => toggle(d)}
                />
              </td>
              <td>
                <GhostButton onClick={() => setEditing({ draft: { ...d }, existing: d })}>
                  {t('admin.edit')}
                </GhostButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChangeHistory entity="department" refresh={save.count} />
    </div>
  );
}

function DepartmentForm({
  draft,
  isNew,
  onChange,
  onSubmit,
  onCancel,
}: {
  draft: Draft;
  isNew: boolean;
  onChange(d: Draft): void;
  onSubmit(): void;
  onCancel(): void;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const { divisions, categories } = useAppStore((s) => s.reference);
  const name = (x: { name: string; nameEn: string }) => (lang === 'zh' ? x.name : x.nameEn || x.name);
  const districts = divisions.filter((d) => d.level === 'district');
  const streets = divisions.filter((d) => d.level === 'street' && d.parentCode === draft.districtCode);
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  return (
    <form
      className="admin-form"
      aria-label={t(isNew ? 'admin.dept.new' : 'admin.edit')}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {isNew && <TextField label={t('admin.dept.id')} value={draft.id} onChange={(id) => set({ id })} />}
      <NameFields value={draft} onChange={set} />
      <SelectField
        label={t('admin.dept.kind')}
        value={draft.kind}
        options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`admin.dept.kind.${k}` as MessageKey) }))}
        onChange={(kind) => set({ kind: kind as Kind })}
      />
      <SelectField
        label={t('admin.dept.district')}
        value={draft.districtCode ?? ''}
        options={[NONE, ...districts.map((d) => ({ value: d.code, label: name(d) }))]}
        onChange={(code) => set({ districtCode: code || null, streetCode: null })}
      />
      <SelectField
        label={t('admin.dept.street')}
        value={draft.streetCode ?? ''}
        options={[NONE, ...streets.map((d) => ({ value: d.code, label: name(d) }))]}
        onChange={(code) => set({ streetCode: code || null })}
      />
      <label className="admin-form-wide">
        {t('admin.dept.categories')}
        <select
          multiple
          className="select admin-multi"
          value={draft.categoryIds}
          onChange={(e) => set({ categoryIds: [...e.target.selectedOptions].map((o) => o.value) })}
        >
          {categories
            .filter((c) => !c.isMajor)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.kind === 'part' ? t('admin.cat.part') : t('admin.cat.event')} {c.code} {name(c)}
              </option>
            ))}
        </select>
      </label>
      <div className="admin-form-actions">
        <button type="submit" className="btn btn-primary btn-small">
          {t('admin.save')}
        </button>
        <GhostButton onClick={onCancel}>{t('admin.cancel')}</GhostButton>
      </div>
    </form>
  );
}
