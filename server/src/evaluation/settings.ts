// Evaluation settings with history: every change adds a version; the newest is in force. Before any
// change the DOMAIN.md preset is in force as version 0.
import { DOMAIN_PRESET, EvaluationSettings } from '@contract/evaluation';
import type { Db } from '../db/client';

type SettingsDb = Pick<Db, 'evaluationSettingsVersion'>;

export interface SettingsVersion {
  version: number;
  changedAt: string;
  changedBy: string | null;
  note: string;
  value: EvaluationSettings;
}

const BUILT_IN: SettingsVersion = {
  version: 0,
  changedAt: new Date(0).toISOString(),
  changedBy: null,
  note: 'DOMAIN.md preset (built in)',
  value: DOMAIN_PRESET,
};

function toVersion(row: {
  id: number;
  value: string;
  changedBy: string | null;
  note: string;
  changedAt: Date;
}) {
  return {
    version: row.id,
    changedAt: row.changedAt.toISOString(),
    changedBy: row.changedBy,
    note: row.note,
    value: EvaluationSettings.parse(JSON.parse(row.value)),
  };
}

export async function currentSettings(db: SettingsDb): Promise<SettingsVersion> {
  const row = await db.evaluationSettingsVersion.findFirst({ orderBy: { id: 'desc' } });
  return row ? toVersion(row) : BUILT_IN;
}

/** Newest first, the built-in preset last. */
export async function settingsHistory(db: Db, limit = 50): Promise<SettingsVersion[]> {
  const rows = await db.evaluationSettingsVersion.findMany({ orderBy: { id: 'desc' }, take: limit });
  return [...rows.map(toVersion), BUILT_IN];
}

export async function changeSettings(
  db: SettingsDb,
  value: EvaluationSettings,
  changedBy: string,
  note: string,
  at: Date,
): Promise<SettingsVersion> {
  const row = await db.evaluationSettingsVersion.create({
    data: { value: JSON.stringify(value), changedBy, note, changedAt: at },
  });
  return toVersion(row);
}
