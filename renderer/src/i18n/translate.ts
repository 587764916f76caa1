// Message lookup and interpolation, independent of React.
import type { Lang } from '../state/ui';
import { MESSAGES, type MessageKey } from './messages';

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template: string = MESSAGES[lang][key] ?? MESSAGES.zh[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Names of the {placeholders} in a template, sorted (used to check translations agree). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** BCP 47 tag for <html lang> and Intl. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
