// Server texts in the interface language. Error messages arrive as { zh, en } (the contract's error
// body): pick the language from the object. Other server texts (routing reasons, actor names, system
// notes) still come as "中文 / English": show the half for the language; without the separator, as is.
import type { ServerText } from '@contract/http';
import type { Lang } from '../state/ui';

const SEPARATOR = ' / ';

export function localizedText(text: ServerText, lang: Lang): string {
  if (typeof text !== 'string') return (lang === 'zh' ? text.zh : text.en) || text.zh || text.en;
  const at = text.indexOf(SEPARATOR);
  if (at < 0) return text;
  const part = lang === 'zh' ? text.slice(0, at) : text.slice(at + SEPARATOR.length);
  return part.trim() || text;
}
