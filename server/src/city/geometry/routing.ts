// Shortest paths on the road graph (Dijkstra with a binary heap); ~1,500 nodes, well under a millisecond.
import type { RoadEdge, RoadNode } from './roads';

export interface Graph {
  nodes: RoadNode[];
  /** per node: [neighbour node, edge id, length] */
  adjacent: Array<Array<[number, number, number]>>;
}

export function makeGraph(nodes: RoadNode[], edges: RoadEdge[]): Graph {
  const adjacent: Graph['adjacent'] = nodes.map(() => []);
  for (const e of edges) {
    adjacent[e.a]?.push([e.b, e.id, e.length]);
    adjacent[e.b]?.push([e.a, e.id, e.length]);
  }
  return { nodes, adjacent };
}

/** Node ids from `from` to `to` along the shortest path, or null when unreachable. */
export function shortestPath(
  graph: Graph,
  from: number,
  to: number,
): { nodes: number[]; length: number } | null {
  const n = graph.nodes.length;
  const distance = new Float64Array(n).fill(Infinity);
  const previous = new Int32Array(n).fill(-1);
  const heap: Array<[number, number]> = [[0, from]];
  distance[from] = 0;
  while (heap.length) {
    const [d, u] = pop(heap);
    if (u === to) break;
    if (d > (distance[u] as number)) continue;
    for (const [v, , w] of graph.adjacent[u] ?? []) {
      const nd = d + w;
      if (nd < (distance[v] as number)) {
        distance[v] = nd;
        previous[v] = u;
        push(heap, [nd, v]);
      }
    }
  }
  if (!Number.isFinite(distance[to] as number)) return null;
  const path = [to];
  while (path[path.length - 1] !== from) path.push(previous[path[path.length - 1] as number] as number);
  return { nodes: path.reverse(), length: distance[to] as number };
}

/** The node nearest to (x, y). */
export function nearestNode(graph: Graph, x: number, y: number): number {
  let best = 0;
  let bestD = Infinity;
  for (const node of graph.nodes) {
    const d = (node.x - x) ** 2 + (node.y - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = node.id;
    }
  }
  return best;
}

function push(heap: Array<[number, number]>, item: [number, number]): void {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if ((heap[parent] as [number, number])[0] <= item[0]) break;
    heap[i] = heap[parent] as [number, number];
    i = parent;
  }
  heap[i] = item;
}

function pop(heap: Array<[number, number]>): [number, number] {
  const top = heap[0] as [number, number];
  const last = heap.pop() as [number, number];
  if (heap.length) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = -1;
      let best = last[0];
      if (l < heap.length && (heap[l] as [number, number])[0] < best) {
        m = l;
        best = (heap[l] as [number, number])[0];
      }
      if (r < heap.length && (heap[r] as [number, number])[0] < best) m = r;
      if (m < 0) break;
      heap[i] = heap[m] as [number, number];
      i = m;
    }
    heap[i] = last;
  }
  return top;
}

/** Road distance (metres) from one node to every node (single-source Dijkstra). */
export function distancesFrom(graph: Graph, from: number): Float64Array {
  const distance = new Float64Array(graph.nodes.length).fill(Infinity);
  const heap: Array<[number, number]> = [[0, from]];
  distance[from] = 0;
  while (heap.length) {
    const [d, u] = pop(heap);
    if (d > (distance[u] as number)) continue;
    for (const [v, , w] of graph.adjacent[u] ?? []) {
      if (d + w < (distance[v] as number)) {
        distance[v] = d + w;
        push(heap, [d + w, v]);
      }
    }
  }
  return distance;
}
