// Preferences that outlive a reload: the interface language.
import { isLang, type Lang } from '../state/ui';
import type { AppStore } from '../state/store';

const LANG_KEY = 'cityOps.lang';

export function storedLang(): Lang | undefined {
  try {
    const value = window.localStorage.getItem(LANG_KEY);
    return isLang(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function persistLang(store: AppStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.ui.lang === previous.ui.lang) return;
    try {
      window.localStorage.setItem(LANG_KEY, state.ui.lang);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  });
}
