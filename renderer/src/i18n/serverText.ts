// Server texts (error messages, routing reasons, actor names) come as "中文 / English": show the half
// for the interface language. Texts without the separator are shown as they are.
import type { Lang } from '../state/ui';

const SEPARATOR = ' / ';

export function localizedText(text: string, lang: Lang): string {
  const at = text.indexOf(SEPARATOR);
  if (at < 0) return text;
  const part = lang === 'zh' ? text.slice(0, at) : text.slice(at + SEPARATOR.length);
  return part.trim() || text;
}
