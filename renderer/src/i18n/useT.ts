// React binding for translations: re-renders only when the language changes.
import { useCallback } from 'react';
import { useAppStore } from '../app/StoreContext';
import type { MessageKey } from './messages';
import { translate, type Params } from './translate';

export function useT(): (key: MessageKey, params?: Params) => string {
  const lang = useAppStore((s) => s.ui.lang);
  return useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
}
