// The raw PostgreSQL baseline of the workflow bench: the same rows as an audited transition (guarded case
// update, CaseEvent, Outbox) written with `pg` directly, one transaction per transition on one connection.
import pg from 'pg';

export async function rawPgWorkflow(
  url: string,
  ids: string[],
  steps: number,
  dept: string,
): Promise<{ rawCount: number; rawMs: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const sample = (await client.query('SELECT * FROM "Case" LIMIT 1')).rows[0] as Record<string, unknown>;
  const payload = JSON.stringify({ case: sample });
  const versions = new Map(
    (await client.query<{ id: string; version: number }>('SELECT id, version FROM "Case"')).rows.map((r) => [
      r.id,
      r.version,
    ]),
  );
  const started = performance.now();
  let rawCount = 0;
  for (const id of ids) {
    for (let step = 0; step < steps; step++) {
      const now = new Date();
      const v = versions.get(id) ?? 1;
      const state = `step${step}`;
      await client.query('BEGIN');
      const res = await client.query({
        name: 'raw-update',
        text: 'UPDATE "Case" SET "state" = $1, "version" = "version" + 1, "updatedAt" = $2, "stepDeadline" = $3, "escalations" = $4 WHERE "id" = $5 AND "version" = $6',
        values: [state, now, now, '[]', id, v],
      });
      if (res.rowCount !== 1) throw new Error('raw update lost');
      versions.set(id, v + 1);
      await client.query({
        name: 'raw-event',
        text: 'INSERT INTO "CaseEvent" ("caseId", "command", "fromState", "toState", "actorId", "role", "note", "attachments", "data", "at") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        values: [id, 'bench', state, state, 'bench', 'system', '', '[]', '{}', now],
      });
      await client.query({
        name: 'raw-outbox',
        text: 'INSERT INTO "Outbox" ("topic", "type", "entityId", "departmentId", "districtCode", "payload", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7)',
        values: ['case', 'case.changed', id, dept, '329801', payload, now],
      });
      await client.query('COMMIT');
      rawCount++;
    }
  }
  const rawMs = performance.now() - started;
  await client.end();
  return { rawCount, rawMs };
}
