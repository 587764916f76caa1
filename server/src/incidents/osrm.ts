// An optional external routing engine (ROUTING_URL): an OSRM-compatible HTTP service, as cities that
// run their own road routing do. `/table` gives door-to-door durations and distances from the
// shortlisted units to the site in one request; `/route` a unit's route geometry. Any failure or a
// slow answer (over `timeoutMs`) returns null, and the caller falls back to the in-process router.
// http://project-osrm.org/docs/v5.24.0/api/ (table: sources/destinations, annotations=duration,distance)

type LonLat = readonly [number, number];

export interface RoutingEngine {
  table(
    site: LonLat,
    from: ReadonlyArray<{ id: string; lon: number; lat: number }>,
  ): Promise<Map<string, { etaS: number; roadM: number }> | null>;
  route(from: LonLat, site: LonLat): Promise<Array<[number, number]> | null>;
}

const coord = ([lon, lat]: LonLat) => `${lon.toFixed(6)},${lat.toFixed(6)}`;

export function osrmEngine(baseUrl: string, timeoutMs = 1500, profile = 'driving'): RoutingEngine {
  const base = baseUrl.replace(/\/+$/, '');
  const get = async (path: string): Promise<Record<string, unknown> | null> => {
    try {
      const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok) return null;
      const body = (await res.json()) as Record<string, unknown>;
      return body.code === 'Ok' ? body : null;
    } catch {
      return null;
    }
  };
  return {
    async table(site, from) {
      if (from.length === 0) return new Map();
      // coordinate 0 is the site (destination); 1..n the units (sources)
      const coords = [coord(site), ...from.map((u) => coord([u.lon, u.lat]))].join(';');
      const sources = from.map((_, i) => i + 1).join(';');
      const body = await get(
        `/table/v1/${profile}/${coords}?sources=${sources}&destinations=0&annotations=duration,distance`,
      );
      const durations = body?.durations as Array<Array<number | null>> | undefined;
      const distances = body?.distances as Array<Array<number | null>> | undefined;
      if (!durations || durations.length !== from.length) return null;
      const out = new Map<string, { etaS: number; roadM: number }>();
      from.forEach((u, i) => {
        const d = durations[i]?.[0];
        if (typeof d === 'number') out.set(u.id, { etaS: d, roadM: distances?.[i]?.[0] ?? Number.NaN });
      });
      return out;
    },
    async route(from, site) {
      const body = await get(
        `/route/v1/${profile}/${coord(from)};${coord(site)}?overview=full&geometries=geojson`,
      );
      const routes = body?.routes as
        Array<{ geometry?: { coordinates?: Array<[number, number]> } }> | undefined;
      return routes?.[0]?.geometry?.coordinates ?? null;
    },
  };
}

/** The engine named by ROUTING_URL, or null (the in-process router only). */
export function routingEngineFromEnv(env = process.env): RoutingEngine | null {
  return env.ROUTING_URL ? osrmEngine(env.ROUTING_URL, Number(env.ROUTING_TIMEOUT_MS ?? 1500)) : null;
}
