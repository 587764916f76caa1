// The snapshot's cases in columns, for clients that ask for them in the handshake
// (`auth: { snapshot: 'columns' }`, see ClientAuth in ./socket.ts); other clients get `cases` as before.
// Same values as a CaseSummary[], without repeating every field name for every case: one array per field
// (the clock's fields as `clock.step` …), and a field whose values repeat (states, categories, routing
// reasons, departments…) as its distinct values plus one index per case. 10,000 cases: 1.4 MB instead
// of 8.3 MB in the startup benchmark. That matters because a browser reads a WebSocket message on its
// main thread, between the map engine's long tasks: the bigger the message, the later it is in.
//
// The decoder only rebuilds objects; the client then validates them with the CaseSummary schema exactly
// as it validates `cases` (contract/stream-client.ts). A column that is missing or of the wrong length
// makes the whole snapshot invalid.
import { z } from 'zod';
import { CaseSummary } from './cases';

/** A field's values: one per case, or the distinct values and one index into them per case. */
export type CaseColumn = unknown[] | { values: unknown[]; index: number[] };

export interface CaseColumns {
  count: number;
  /** field name (a nested object's fields as `parent.child`) → its column */
  columns: Record<string, CaseColumn>;
}

type Field = { name: string; key: string; parent?: string };

/** Every field of CaseSummary, in schema order; a nested object's fields (the clock) one by one. */
const FIELDS: readonly Field[] = Object.entries(CaseSummary.shape).flatMap(([key, schema]): Field[] =>
  schema instanceof z.ZodObject
    ? Object.keys(schema.shape).map((sub) => ({ name: `${key}.${sub}`, key: sub, parent: key }))
    : [{ name: key, key }],
);

type Primitive = string | number | boolean | null;
const isPrimitive = (v: unknown): v is Primitive =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const valueOf = (c: CaseSummary, f: Field): unknown => {
  const record = c as unknown as Record<string, unknown>;
  return f.parent ? (record[f.parent] as Record<string, unknown> | undefined)?.[f.key] : record[f.key];
};

/** Columns of these cases; a column of repeated primitives (at most half as many distinct) as values + index. */
export function encodeCaseColumns(cases: readonly CaseSummary[]): CaseColumns {
  const columns: Record<string, CaseColumn> = {};
  for (const f of FIELDS) {
    const values = cases.map((c) => valueOf(c, f));
    const distinct = new Map<Primitive, number>();
    let repeats = values.length > 1;
    for (const v of values) {
      if (!isPrimitive(v)) {
        repeats = false;
        break;
      }
      if (!distinct.has(v)) distinct.set(v, distinct.size);
      if (distinct.size * 2 > values.length) {
        repeats = false;
        break;
      }
    }
    columns[f.name] = repeats
      ? { values: [...distinct.keys()], index: values.map((v) => distinct.get(v as Primitive)!) }
      : values;
  }
  return { count: cases.length, columns };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads case `i` of a column; null when the column is missing or not `count` long. */
function reader(
  columns: Record<string, unknown>,
  name: string,
  count: number,
): ((i: number) => unknown) | null {
  const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
  if (Array.isArray(column)) return column.length === count ? (i) => column[i] : null;
  if (!isRecord(column)) return null;
  const { values, index } = column;
  if (!Array.isArray(values) || !Array.isArray(index) || index.length !== count) return null;
  return (i) => {
    const at: unknown = index[i];
    return typeof at === 'number' && Number.isInteger(at) && at >= 0 && at < values.length
      ? values[at]
      : undefined;
  };
}

/**
 * The cases as plain objects (not validated yet: check them with the CaseSummary schema), or null when
 * `raw` is not a well-formed CaseColumns with a column for every field. Columns of unknown fields are ignored.
 */
export function decodeCaseColumns(raw: unknown, maxCount = 1_000_000): Array<Record<string, unknown>> | null {
  if (!isRecord(raw) || !isRecord(raw.columns)) return null;
  const { count } = raw;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || count > maxCount) return null;
  const columns = raw.columns;
  const readers: Array<[Field, (i: number) => unknown]> = [];
  for (const f of FIELDS) {
    const read = reader(columns, f.name, count);
    if (!read) return null;
    readers.push([f, read]);
  }
  const cases: Array<Record<string, unknown>> = new Array(count);
  for (let i = 0; i < count; i++) {
    const c: Record<string, unknown> = {};
    for (const [f, read] of readers) {
      if (!f.parent) c[f.key] = read(i);
      else ((c[f.parent] ??= {}) as Record<string, unknown>)[f.key] = read(i);
    }
    cases[i] = c;
  }
  return cases;
}
