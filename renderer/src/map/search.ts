// The layers panel's search box: what the user typed, as a query (no Cesium, no DOM).

export type SearchQuery =
  | { kind: 'part'; id: string }
  | { kind: 'camera'; id: string }
  | { kind: 'case'; q: string }
  | { kind: 'none' };

/** 16 digits: a part ID; 20 digits: a camera channel ID; anything else: a case number or address. */
export function parseSearch(input: string): SearchQuery {
  const q = input.trim();
  if (!q) return { kind: 'none' };
  if (/^\d{16}$/.test(q)) return { kind: 'part', id: q };
  if (/^\d{20}$/.test(q)) return { kind: 'camera', id: q };
  return { kind: 'case', q };
}
