// The project's own import graph, read from the sources. Two views: what loads when a module loads
// (static value imports: the launcher test, nothing generated before the build), and every dependency
// including `import type` and `import()` (the cycle check: a cycle of types is still a tangle).
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

const VALUE_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gms;
const TYPE_IMPORT = /^(?:import|export)\s+type\s[^'";]*?\sfrom\s+'([^']+)'/gms;
const DYNAMIC_IMPORT = /\bimport\(\s*'([^']+)'\s*\)/g;

export type ImportKinds = 'loaded' | 'all';

/** Specifiers a source text imports: static value imports and re-exports, or every kind. */
export function importSpecifiers(source: string, kinds: ImportKinds = 'loaded'): string[] {
  const patterns = kinds === 'loaded' ? [VALUE_IMPORT] : [VALUE_IMPORT, TYPE_IMPORT, DYNAMIC_IMPORT];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

/** The file a specifier names, or where it would be when it does not exist yet; null for packages. */
export function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else if (spec.startsWith('@contract/')) base = path.join(ROOT, 'contract', spec.slice('@contract/'.length));
  else return null;
  const found = [
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
    base,
  ].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  return found ?? `${base}.ts`;
}

/** Edges from each file to the files it imports (missing files appear as targets, never as sources). */
export function importGraph(entries: string[], kinds: ImportKinds = 'loaded'): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file) || !fs.existsSync(file)) return;
    const targets = importSpecifiers(fs.readFileSync(file, 'utf8'), kinds)
      .map((spec) => resolveImport(file, spec))
      .filter((f): f is string => f !== null && /\.(ts|tsx)$/.test(f));
    graph.set(file, targets);
    targets.forEach(visit);
  };
  entries.forEach(visit);
  return graph;
}

/** Every file a graph walk from `entry` reaches, `entry` included. */
export function reachable(entry: string): string[] {
  const graph = importGraph([entry]);
  const seen = new Set<string>([entry]);
  for (const targets of graph.values()) targets.forEach((t) => seen.add(t));
  return [...seen];
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) connect(v);
  return cycles;
}

/** All TypeScript sources under the given folders (relative to the project root). */
export function sourcesUnder(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter(
        (e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.parentPath.includes(`${path.sep}generated`),
      )
      .map((e) => path.join(e.parentPath, e.name)),
  );
}
