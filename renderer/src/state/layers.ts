// Layers slice: which map layers are on and what each one drew, as plain serialisable data. The
// reconcilers in map/layers/ bring Cesium (and deck.gl) in line with it; the panel reads it. No React
// or Cesium here. High-frequency data (vehicle fixes, alarm pulses) never passes through this slice.

export const LAYER_IDS = [
  'divisions',
  'grid',
  'cases',
  'parts',
  'alarms',
  'cameras',
  'sensors',
  'vehicles',
  'heat',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** Part classes: the first two digits of a part category (GB/T 30428.2 大类). */
export const PART_CLASSES = ['01', '02', '03', '04', '05'] as const;
export type PartClass = (typeof PART_CLASSES)[number];

/** Active cases by where they are in the workflow (the case layer's toggles). */
export const CASE_GROUPS = ['intake', 'dispatch', 'handling', 'checking'] as const;
export type CaseGroup = (typeof CASE_GROUPS)[number];

const GROUP_OF_STATE: Readonly<Record<string, CaseGroup>> = {
  reported: 'intake',
  verifying: 'intake',
  accepted: 'intake',
  opened: 'dispatch',
  returned: 'dispatch',
  dispatched: 'handling',
  handling: 'handling',
  reworked: 'handling',
  suspended: 'handling',
  handled: 'checking',
  checking: 'checking',
};

/** The group of an active case state; null for closed and voided cases (not on the layer). */
export const caseGroupOf = (state: string): CaseGroup | null => GROUP_OF_STATE[state] ?? null;

export type LayerStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the user picked on the map (hover tooltip / click detail). */
export interface MapPick {
  /**
   * `cluster`: parts at city zoom; `fleet`: vehicles at city zoom (a large fleet only); `devices`:
   * sensors or cameras of one status at city zoom
   */
  kind: 'case' | 'part' | 'cluster' | 'camera' | 'sensor' | 'vehicle' | 'fleet' | 'devices' | 'alarm';
  /** devices: which layer's (sensors or cameras) */
  of?: 'sensor' | 'camera';
  id: string;
  /**
   * What identifies it, as data in no interface language (a case number and category, a name, a plate,
   * an ID); the tooltip and the pick detail put it in a sentence of the user's language
   * (i18n/pickText.ts). Empty for clusters.
   */
  label: string;
  /** where it is (clusters: clicking one zooms the map there) */
  lon?: number;
  lat?: number;
  /** clusters: the part class, how many parts (fleet: vehicles) and how many of them abnormal */
  cls?: PartClass;
  count?: number;
  abnormal?: number;
  /** alarms: the level (1 is the most severe) */
  level?: number;
  /** vehicles: the team kind (contract/city.ts TEAM_KINDS) */
  team?: string;
  /** parts: the category ID (its name comes from the reference data) */
  category?: string;
  /** cameras and sensors: their status now (online, offline, fault; normal, alarm, offline) */
  status?: string;
}

export interface LayersState {
  on: Record<LayerId, boolean>;
  status: Record<LayerId, LayerStatus>;
  /** items drawn by each layer (null until it loaded once) */
  counts: Record<LayerId, number | null>;
  partClasses: Record<PartClass, boolean>;
  partCounts: Record<PartClass, number>;
  caseGroups: Record<CaseGroup, boolean>;
  caseCounts: Record<CaseGroup, number>;
  /** the camera is close enough for street-level layers (grid cells, camera cones) */
  close: boolean;
  hover: MapPick | null;
  selected: MapPick | null;
}

export type LayersEvent =
  | { type: 'toggle'; id: LayerId; on?: boolean }
  | { type: 'togglePartClass'; cls: PartClass; on?: boolean }
  | { type: 'status'; id: LayerId; status: LayerStatus }
  | { type: 'count'; id: LayerId; count: number }
  | { type: 'partCounts'; counts: Record<PartClass, number> }
  | { type: 'toggleCaseGroup'; group: CaseGroup; on?: boolean }
  | { type: 'caseCounts'; counts: Record<CaseGroup, number> }
  | { type: 'close'; close: boolean }
  | { type: 'hover'; pick: MapPick | null }
  | { type: 'select'; pick: MapPick | null }
  /** a layer drew an item anew (a status changed): a hovered or selected copy of it is replaced */
  | { type: 'itemChanged'; pick: MapPick };

const record = <K extends string, V>(keys: readonly K[], value: V): Record<K, V> =>
  Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>;

/** Divisions, active cases and alarms are on by default: the city's outline and what needs attention now. */
export function initialLayers(): LayersState {
  return {
    on: { ...record(LAYER_IDS, false), divisions: true, cases: true, alarms: true },
    status: record(LAYER_IDS, 'idle'),
    counts: record(LAYER_IDS, null),
    partClasses: record(PART_CLASSES, true),
    partCounts: record(PART_CLASSES, 0),
    caseGroups: record(CASE_GROUPS, true),
    caseCounts: record(CASE_GROUPS, 0),
    close: false,
    hover: null,
    selected: null,
  };
}

export function reduceLayers(state: LayersState, event: LayersEvent): LayersState {
  switch (event.type) {
    case 'toggle': {
      const on = event.on ?? !state.on[event.id];
      return state.on[event.id] === on ? state : { ...state, on: { ...state.on, [event.id]: on } };
    }
    case 'togglePartClass': {
      const on = event.on ?? !state.partClasses[event.cls];
      return state.partClasses[event.cls] === on
        ? state
        : { ...state, partClasses: { ...state.partClasses, [event.cls]: on } };
    }
    case 'status':
      return state.status[event.id] === event.status
        ? state
        : { ...state, status: { ...state.status, [event.id]: event.status } };
    case 'count':
      return state.counts[event.id] === event.count
        ? state
        : { ...state, counts: { ...state.counts, [event.id]: event.count } };
    case 'partCounts':
      return { ...state, partCounts: event.counts };
    case 'toggleCaseGroup': {
      const on = event.on ?? !state.caseGroups[event.group];
      return state.caseGroups[event.group] === on
        ? state
        : { ...state, caseGroups: { ...state.caseGroups, [event.group]: on } };
    }
    case 'caseCounts':
      return CASE_GROUPS.every((g) => state.caseCounts[g] === event.counts[g])
        ? state
        : { ...state, caseCounts: event.counts };
    case 'close':
      return state.close === event.close ? state : { ...state, close: event.close };
    case 'hover':
      return samePick(state.hover, event.pick) ? state : { ...state, hover: event.pick };
    case 'select':
      return samePick(state.selected, event.pick) ? state : { ...state, selected: event.pick };
    case 'itemChanged': {
      const stale = (p: MapPick | null) => !!p && p !== event.pick && samePick(p, event.pick);
      if (!stale(state.hover) && !stale(state.selected)) return state;
      return {
        ...state,
        hover: stale(state.hover) ? event.pick : state.hover,
        selected: stale(state.selected) ? event.pick : state.selected,
      };
    }
  }
}

function samePick(a: MapPick | null, b: MapPick | null): boolean {
  return a === b || (!!a && !!b && a.kind === b.kind && a.id === b.id);
}

/** The part class of a category id such as "part-0101". */
export function partClassOf(categoryId: string): PartClass | null {
  const code = categoryId.replace(/^part-/, '').slice(0, 2);
  return (PART_CLASSES as readonly string[]).includes(code) ? (code as PartClass) : null;
}

/** Camera height (m) below which street-level layers show. */
export const CLOSE_HEIGHT_M = 4_000;

/** The data attribute value the app exposes for tests: "parts:100002,cameras:2000,…" (loaded layers). */
export function layersSignal(state: LayersState): string {
  return LAYER_IDS.filter((id) => state.on[id] && state.status[id] === 'ready')
    .map((id) => `${id}:${state.counts[id] ?? 0}`)
    .join(',');
}
