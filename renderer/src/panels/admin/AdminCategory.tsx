// The chosen category's own settings on the time-limits screen: name, default urgency, safety-critical
// (the 2-hour on-site rule), automatic dispatch and whether it is in use. PATCH /api/admin/categories/:id.
import type { AdminCategory as Category } from '@contract/admin';
import { URGENCIES, type Urgency } from '@contract/domain';
import { useEffect, useState } from 'react';
import { useServices } from '../../app/ServicesContext';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { ChangeHistory } from './ChangeHistory';
import { NameFields, SelectField } from './TextField';
import { SaveStatus, useAdminSave } from './useAdminSave';

export function AdminCategory({ category, onSaved }: { category: Category; onSaved(): void }) {
  const t = useT();
  const { admin } = useServices();
  const [draft, setDraft] = useState(category);
  const save = useAdminSave();
  useEffect(() => setDraft(category), [category]);
  const set = (patch: Partial<Category>) => setDraft({ ...draft, ...patch });
  const submit = async () => {
    const { id, version, ...fields } = draft;
    if (await save.run(() => admin.updateCategory(id, { version, ...fields }))) onSaved();
  };
  return (
    <form
      className="admin-form"
      aria-label={t('admin.catForm')}
      data-category={category.id}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4 className="section-title admin-form-wide">{t('admin.catForm')}</h4>
      <NameFields value={draft} onChange={set} />
      <SelectField
        label={t('admin.catForm.urgency')}
        value={draft.defaultUrgency}
        options={URGENCIES.map((u) => ({ value: u, label: t(`admin.urgency.${u}` as MessageKey) }))}
        onChange={(u) => set({ defaultUrgency: u as Urgency })}
      />
      <div className="admin-checks">
        {(['safetyCritical', 'autoDispatch', 'active'] as const).map((k) => (
          <label key={k} className="admin-radio">
            <input type="checkbox" checked={draft[k]} onChange={(e) => set({ [k]: e.target.checked })} />
            {t(`admin.catForm.${k}` as MessageKey)}
          </label>
        ))}
      </div>
      <div className="admin-form-actions">
        <button type="submit" className="btn btn-small">
          {t('admin.catForm.save')}
        </button>
        <SaveStatus error={save.error} saved={save.saved} savedText={t('admin.savedShort')} />
      </div>
      <div className="admin-form-wide">
        <ChangeHistory
          entity="category"
          entityId={category.id}
          refresh={save.count}
          title={t('admin.catForm.history')}
        />
      </div>
    </form>
  );
}
