// Rules of the intake list at volume, pure (tested in Node): duplicates grouped under the case they
// repeat, range selection with shift-click, which rows are new since the list was opened.
import type { CaseSummary } from '@contract/cases';

/**
 * Puts each suspected duplicate right after the case it repeats when that case is in the list (its
 * group), keeping the list's order otherwise. A duplicate whose original is not loaded stays in place.
 */
export function groupDuplicates(items: readonly CaseSummary[]): CaseSummary[] {
  const present = new Set(items.map((c) => c.id));
  const children = new Map<string, CaseSummary[]>();
  for (const c of items) {
    const parent = c.duplicateOfId;
    if (parent && parent !== c.id && present.has(parent)) {
      const list = children.get(parent) ?? [];
      list.push(c);
      children.set(parent, list);
    }
  }
  if (children.size === 0) return items as CaseSummary[];
  const out: CaseSummary[] = [];
  const placed = new Set<string>();
  const place = (c: CaseSummary) => {
    if (placed.has(c.id)) return;
    placed.add(c.id);
    out.push(c);
    for (const child of children.get(c.id) ?? []) place(child);
  };
  for (const c of items) {
    const parent = c.duplicateOfId;
    if (parent && parent !== c.id && present.has(parent)) continue; // placed with its original
    place(c);
  }
  // Cycles (a ↔ b) would leave rows out: put any left where they were.
  for (const c of items) place(c);
  return out;
}

/** The selection after a click on row `index`: toggles it, or with shift the range from `anchor`. */
export function selectRows(
  selected: ReadonlySet<string>,
  ids: readonly string[],
  index: number,
  anchor: number | null,
  shift: boolean,
): Set<string> {
  const next = new Set(selected);
  const id = ids[index];
  if (id === undefined) return next;
  if (shift && anchor !== null && ids[anchor] !== undefined) {
    const on = selected.has(ids[anchor] as string);
    const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
    for (let i = from; i <= to; i++) {
      const rowId = ids[i] as string;
      if (on) next.add(rowId);
      else next.delete(rowId);
    }
    return next;
  }
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Rows reported after the list was opened (highlighted as new, and the optional sound). */
export function newSince(items: readonly CaseSummary[], since: number): Set<string> {
  const fresh = new Set<string>();
  for (const c of items) if (Date.parse(c.reportedAt) > since) fresh.add(c.id);
  return fresh;
}
