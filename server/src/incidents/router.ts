// The road graph and its searcher, built on first use and shared by the read side (the drawer's ETAs,
// routes, recommendations) and the live picture (a unit's expected arrival when it sets off).
import { Searcher, type RoadGraph } from '../domain/incidents';
import { cityRoadGraph } from './roads';

/** Walking speed on and off the road network at both ends (metres per second), as the drawer counts. */
const ACCESS_MPS = 4;

export class RoadRouter {
  private graph: RoadGraph | null = null;
  private searcher: Searcher | null = null;

  constructor(private readonly seed: number) {}

  road(): { graph: RoadGraph; searcher: Searcher } {
    this.graph ??= cityRoadGraph(this.seed);
    this.searcher ??= new Searcher(this.graph);
    return { graph: this.graph, searcher: this.searcher };
  }

  /**
   * Seconds by road from each point to the site (one reverse search from the site), with the access at
   * both ends; null when a point cannot reach it.
   */
  etasS(
    site: readonly [number, number],
    from: ReadonlyArray<readonly [number, number]>,
  ): Array<number | null> {
    if (!from.length) return [];
    const { graph, searcher } = this.road();
    const target = graph.index.nearest(site[0], site[1]);
    const nodes = from.map(([lon, lat]) => graph.index.nearest(lon, lat));
    const search = searcher.search(
      target.node,
      nodes.map((n) => n.node),
      Infinity,
      true,
    );
    return nodes.map((n) => {
      const s = search.seconds(n.node);
      return Number.isFinite(s) ? Math.round(s + (n.metres + target.metres) / ACCESS_MPS) : null;
    });
  }
}
