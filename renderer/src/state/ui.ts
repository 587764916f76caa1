// UI slice: language and which panel occupies the panel slot.

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const PANELS = ['duty'] as const;
export type PanelId = (typeof PANELS)[number];

export interface UiState {
  lang: Lang;
  /** The panel shown in the right-hand slot, or null when the slot is collapsed. */
  panel: PanelId | null;
}

export type UiEvent = { type: 'setLang'; lang: Lang } | { type: 'setPanel'; panel: PanelId | null };

export function initialUi(lang: Lang = 'zh'): UiState {
  return { lang, panel: 'duty' };
}

export function reduceUi(state: UiState, event: UiEvent): UiState {
  switch (event.type) {
    case 'setLang':
      return state.lang === event.lang ? state : { ...state, lang: event.lang };
    case 'setPanel':
      return state.panel === event.panel ? state : { ...state, panel: event.panel };
  }
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
