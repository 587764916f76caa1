// UI slice: language, which panel occupies the panel slot, and the case the map should fly to.

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const PANELS = ['workspace', 'duty'] as const;
export type PanelId = (typeof PANELS)[number];

/** A request to show a place on the map; `seq` grows so the same case can be asked for twice. */
export interface MapFocus {
  /** a case id, or "alarm:<id>" */
  id: string;
  lon: number;
  lat: number;
  seq: number;
}

export interface UiState {
  lang: Lang;
  /** The panel shown in the right-hand slot, or null when the slot is collapsed. */
  panel: PanelId | null;
  focus: MapFocus | null;
}

export type UiEvent =
  | { type: 'setLang'; lang: Lang }
  | { type: 'setPanel'; panel: PanelId | null }
  | { type: 'focus'; id: string; lon: number; lat: number };

export function initialUi(lang: Lang = 'zh'): UiState {
  return { lang, panel: 'workspace', focus: null };
}

export function reduceUi(state: UiState, event: UiEvent): UiState {
  switch (event.type) {
    case 'setLang':
      return state.lang === event.lang ? state : { ...state, lang: event.lang };
    case 'setPanel':
      return state.panel === event.panel ? state : { ...state, panel: event.panel };
    case 'focus': {
      const { id, lon, lat } = event;
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return state;
      return { ...state, focus: { id, lon, lat, seq: (state.focus?.seq ?? 0) + 1 } };
    }
  }
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
