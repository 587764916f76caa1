// Typed application errors shared by every server layer: a status, a code for programs, a message for
// people (Simplified Chinese and English, as an object) and optional details. The HTTP layer sends them
// as the contract's error body ({ error: { code, message: { zh, en }, details } }); the socket layer
// turns them into failed acknowledgements.
import type { LocalizedText } from '@contract/http';

/** What the Chinese half says when a message was written in English only. */
const ZH_BY_STATUS: Record<number, string> = {
  400: '请求无效',
  401: '未登录或会话已失效',
  403: '无权执行此操作',
  404: '未找到',
  405: '不支持的请求方法',
  409: '操作冲突',
  413: '请求内容过大',
  415: '不支持的内容类型或编码',
  429: '请求过于频繁',
  500: '服务器内部错误',
  503: '服务暂不可用',
};

/**
 * A message as the object the contract sends. "中文 / English" strings (the older form many call sites
 * still write) are split; an English-only text gets the status's Chinese wording in front.
 */
export function localize(text: string | LocalizedText, status = 400): LocalizedText {
  if (typeof text !== 'string') return text;
  const at = text.indexOf(' / ');
  if (at > 0 && /[\u4e00-\u9fff]/.test(text.slice(0, at))) {
    return { zh: text.slice(0, at).trim(), en: text.slice(at + 3).trim() };
  }
  const zh = ZH_BY_STATUS[status] ?? ZH_BY_STATUS[Math.floor(status / 100) * 100] ?? '请求失败';
  return { zh: `${zh}：${text}`, en: text };
}

export class AppError extends Error {
  readonly localized: LocalizedText;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string | LocalizedText,
    readonly details?: unknown,
  ) {
    const localized = localize(message, status);
    super(localized.en);
    this.localized = localized;
    this.name = 'AppError';
  }
}

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const badRequest = (message: string | LocalizedText, details?: unknown) =>
  new AppError(400, 'bad_request', message, details);
export const unauthorized = (
  message: string | LocalizedText = t('请先登录', 'Sign in first: send Authorization: Bearer <token>'),
) => new AppError(401, 'unauthorized', message);
export const forbidden = (message: string | LocalizedText) => new AppError(403, 'forbidden', message);
export const notFound = (what: string) =>
  new AppError(404, 'not_found', t(`未找到 ${what}`, `${what} not found`));
export const conflict = (message: string | LocalizedText, details?: unknown) =>
  new AppError(409, 'conflict', message, details);
