// The road graph for dispatch: directed edges with travel times in compressed rows (CSR), the same
// edges reversed, a grid index for the nearest node, and a bounded multi-target Dijkstra on a binary
// heap of typed arrays. One search from the site over the reversed graph gives every unit's road ETA
// to the site (and its route: follow `next` from the unit's node), instead of one search per unit.
// Pure and allocation-light: a Searcher keeps its buffers and marks them with a generation number.
import { distanceMeters } from '../geo';

export interface GraphEdgeInput {
  a: number;
  b: number;
  lengthM: number;
  /** free-flow speed on this edge, km/h */
  speedKmh: number;
  /** true: only a → b may be driven */
  oneway?: boolean;
}

export interface GraphInput {
  /** [lon, lat] per node id 0..n-1 */
  nodes: ReadonlyArray<readonly [number, number]>;
  edges: readonly GraphEdgeInput[];
}

interface Rows {
  offset: Int32Array;
  to: Int32Array;
  seconds: Float64Array;
  metres: Float64Array;
}

export interface RoadGraph {
  size: number;
  lon: Float64Array;
  lat: Float64Array;
  forward: Rows;
  reverse: Rows;
  index: GridIndex;
}

function rows(n: number, list: Array<[number, number, number, number]>): Rows {
  const offset = new Int32Array(n + 1);
  for (const [a] of list) offset[a + 1] = (offset[a + 1] as number) + 1;
  for (let i = 0; i < n; i++) offset[i + 1] = (offset[i + 1] as number) + (offset[i] as number);
  const fill = offset.slice(0, n);
  const to = new Int32Array(list.length);
  const seconds = new Float64Array(list.length);
  const metres = new Float64Array(list.length);
  for (const [a, b, s, m] of list) {
    const at = fill[a] as number;
    fill[a] = at + 1;
    to[at] = b;
    seconds[at] = s;
    metres[at] = m;
  }
  return { offset, to, seconds, metres };
}

export function buildRoadGraph(input: GraphInput): RoadGraph {
  const n = input.nodes.length;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  input.nodes.forEach(([x, y], i) => {
    lon[i] = x;
    lat[i] = y;
  });
  const fwd: Array<[number, number, number, number]> = [];
  const rev: Array<[number, number, number, number]> = [];
  for (const e of input.edges) {
    if (e.a < 0 || e.b < 0 || e.a >= n || e.b >= n || !(e.speedKmh > 0)) continue;
    const s = e.lengthM / (e.speedKmh / 3.6);
    fwd.push([e.a, e.b, s, e.lengthM]);
    rev.push([e.b, e.a, s, e.lengthM]);
    if (!e.oneway) {
      fwd.push([e.b, e.a, s, e.lengthM]);
      rev.push([e.a, e.b, s, e.lengthM]);
    }
  }
  return { size: n, lon, lat, forward: rows(n, fwd), reverse: rows(n, rev), index: new GridIndex(lon, lat) };
}

/** Buckets of nodes on a lon/lat grid (about 250 m cells) for the nearest-node look-up. */
export class GridIndex {
  private readonly cell: number;
  private readonly west: number;
  private readonly south: number;
  private readonly cols: number;
  private readonly rowsN: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  constructor(
    private readonly lon: Float64Array,
    private readonly lat: Float64Array,
    cellDeg = 0.0025,
  ) {
    this.cell = cellDeg;
    let w = Infinity;
    let s = Infinity;
    let e = -Infinity;
    let nn = -Infinity;
    for (let i = 0; i < lon.length; i++) {
      w = Math.min(w, lon[i] as number);
      e = Math.max(e, lon[i] as number);
      s = Math.min(s, lat[i] as number);
      nn = Math.max(nn, lat[i] as number);
    }
    this.west = Number.isFinite(w) ? w : 0;
    this.south = Number.isFinite(s) ? s : 0;
    this.cols = Math.max(1, Math.ceil(((Number.isFinite(e) ? e : 0) - this.west) / cellDeg) + 1);
    this.rowsN = Math.max(1, Math.ceil(((Number.isFinite(nn) ? nn : 0) - this.south) / cellDeg) + 1);
    const counts = new Int32Array(this.cols * this.rowsN + 1);
    const key = new Int32Array(lon.length);
    for (let i = 0; i < lon.length; i++) {
      key[i] = this.keyOf(lon[i] as number, lat[i] as number);
      counts[(key[i] as number) + 1] = (counts[(key[i] as number) + 1] as number) + 1;
    }
    for (let i = 0; i < this.cols * this.rowsN; i++)
      counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
    this.start = counts;
    const fill = counts.slice(0, -1);
    this.items = new Int32Array(lon.length);
    for (let i = 0; i < lon.length; i++) {
      const k = key[i] as number;
      const at = fill[k] as number;
      fill[k] = at + 1;
      this.items[at] = i;
    }
  }

  private col(lon: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((lon - this.west) / this.cell)));
  }
  private row(lat: number): number {
    return Math.min(this.rowsN - 1, Math.max(0, Math.floor((lat - this.south) / this.cell)));
  }
  private keyOf(lon: number, lat: number): number {
    return this.row(lat) * this.cols + this.col(lon);
  }

  /** The nearest node and its distance in metres (-1 for an empty graph). */
  nearest(lon: number, lat: number): { node: number; metres: number } {
    if (this.lon.length === 0) return { node: -1, metres: Infinity };
    const c0 = this.col(lon);
    const r0 = this.row(lat);
    let best = -1;
    let bestM = Infinity;
    const cellM = this.cell * 111_000 * Math.cos((lat * Math.PI) / 180);
    for (let ring = 0; ring <= Math.max(this.cols, this.rowsN); ring++) {
      for (let r = r0 - ring; r <= r0 + ring; r++) {
        if (r < 0 || r >= this.rowsN) continue;
        for (let c = c0 - ring; c <= c0 + ring; c++) {
          if (c < 0 || c >= this.cols) continue;
          if (ring > 0 && r !== r0 - ring && r !== r0 + ring && c !== c0 - ring && c !== c0 + ring) continue;
          const k = r * this.cols + c;
          for (let j = this.start[k] as number; j < (this.start[k + 1] as number); j++) {
            const i = this.items[j] as number;
            const m = distanceMeters([lon, lat], [this.lon[i] as number, this.lat[i] as number]);
            if (m < bestM) {
              bestM = m;
              best = i;
            }
          }
        }
      }
      // every node outside this ring is at least `ring` cells away
      if (best >= 0 && bestM <= ring * cellM) break;
    }
    return { node: best, metres: bestM };
  }
}

/** A binary min-heap of (key, node) pairs in typed arrays; duplicates allowed (lazy deletion). */
export class NodeHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      const v = new Int32Array(this.size * 2);
      v.set(this.vals);
      this.keys = k;
      this.vals = v;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.keys[p] as number) <= key) break;
      this.keys[i] = this.keys[p] as number;
      this.vals[i] = this.vals[p] as number;
      i = p;
    }
    this.keys[i] = key;
    this.vals[i] = val;
  }

  /** The smallest key (call before pop). */
  peekKey(): number {
    return this.keys[0] as number;
  }

  /** Removes the smallest pair and returns its node. */
  pop(): number {
    const top = this.vals[0] as number;
    const n = --this.size;
    const key = this.keys[n] as number;
    const val = this.vals[n] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && (this.keys[r] as number) < (this.keys[l] as number) ? r : l;
      if ((this.keys[m] as number) >= key) break;
      this.keys[i] = this.keys[m] as number;
      this.vals[i] = this.vals[m] as number;
      i = m;
    }
    this.keys[i] = key;
    this.vals[i] = val;
    return top;
  }
}

export interface SearchOutcome {
  /** seconds from the node to the site (reverse) or from the source (forward); Infinity if not reached */
  seconds(node: number): number;
  metres(node: number): number;
  /** nodes settled */
  settled: number;
  /** true when everything reachable was settled (an unsettled node is then unreachable) */
  exhausted: boolean;
}

/** Reusable Dijkstra buffers for one graph. Not re-entrant: read a result before the next search. */
export class Searcher {
  private readonly dist: Float64Array;
  private readonly len: Float64Array;
  private readonly next: Int32Array;
  private readonly seen: Uint32Array;
  private readonly done: Uint32Array;
  private readonly target: Uint32Array;
  private readonly heap = new NodeHeap(4096);
  private gen = 0;

  constructor(private readonly graph: RoadGraph) {
    const n = graph.size;
    this.dist = new Float64Array(n);
    this.len = new Float64Array(n);
    this.next = new Int32Array(n);
    this.seen = new Uint32Array(n);
    this.done = new Uint32Array(n);
    this.target = new Uint32Array(n);
  }

  /**
   * `onTarget` is told each target as it is settled (in order of time) and may return a lower cutoff:
   * the search then stops once the next node is farther than that (enough units found).
   *
   * Dijkstra from `source` over the reversed (toSite) or forward graph, stopping once every target
   * is settled or the next node is farther than `maxSeconds`.
   */
  search(
    source: number,
    targets: ArrayLike<number>,
    maxSeconds: number,
    toSite = true,
    onTarget?: (node: number, seconds: number) => number | void,
  ): SearchOutcome {
    const g = ++this.gen;
    const rowsUsed = toSite ? this.graph.reverse : this.graph.forward;
    const { offset, to, seconds, metres } = rowsUsed;
    const { dist, len, next, seen, done, heap } = this;
    let waiting = 0;
    const { target } = this;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i] as number;
      if (t >= 0 && target[t] !== g) {
        target[t] = g;
        waiting++;
      }
    }
    let cutoff = maxSeconds;
    heap.clear();
    let settled = 0;
    if (source >= 0) {
      dist[source] = 0;
      len[source] = 0;
      next[source] = -1;
      seen[source] = g;
      heap.push(0, source);
    }
    while (heap.size > 0 && waiting > 0) {
      const d = heap.peekKey();
      if (d > cutoff) break;
      const u = heap.pop();
      if (done[u] === g) continue;
      done[u] = g;
      settled++;
      if (target[u] === g) {
        waiting--;
        const lower = onTarget?.(u, d);
        if (typeof lower === 'number' && lower < cutoff) cutoff = lower;
      }
      for (let j = offset[u] as number; j < (offset[u + 1] as number); j++) {
        const v = to[j] as number;
        const nd = d + (seconds[j] as number);
        if (seen[v] !== g || nd < (dist[v] as number)) {
          seen[v] = g;
          dist[v] = nd;
          len[v] = (len[u] as number) + (metres[j] as number);
          next[v] = u;
          heap.push(nd, v);
        }
      }
    }
    return {
      seconds: (node) => (node >= 0 && done[node] === g ? (dist[node] as number) : Infinity),
      metres: (node) => (node >= 0 && done[node] === g ? (len[node] as number) : Infinity),
      settled,
      exhausted: heap.size === 0,
    };
  }

  /** After a reverse search: the nodes from `node` to the site (follow the search tree). */
  routeToSite(node: number): number[] {
    const path: number[] = [];
    if (node < 0 || this.done[node] !== this.gen) return path;
    for (let at = node; at >= 0 && path.length <= this.graph.size; at = this.next[at] as number)
      path.push(at);
    return path;
  }
}
