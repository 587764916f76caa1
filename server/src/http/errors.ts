// Typed HTTP errors and the one place that turns any thrown value into an answer: a status, a code for
// programs and a message that says what to fix ({ zh, en }), never a stack trace or a file path.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { LocalizedText } from '@contract/http';
import type { Logger } from '../log';

export { AppError as HttpError, badRequest, conflict, forbidden, notFound, unauthorized } from '../errors';
import { AppError as HttpError, badRequest } from '../errors';

/** Formats zod issues as "field: problem" lines a person can act on. */
export function describeZodError(error: z.ZodError, separator = '; ', colon = ': '): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}${colon}${issue.message}`)
    .join(separator);
}

/** zod's own Simplified Chinese messages (zod/v4/locales), the common cases worded as a clerk would. */
const zhCN = z.locales.zhCN().localeError;
const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
  date: '日期',
};
const UNIT_ZH: Record<string, string> = { string: ' 个字符', array: ' 项', set: ' 项' };
const zhIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type')
    return issue.input === undefined ? '必填' : `应为${TYPE_ZH[issue.expected] ?? issue.expected}`;
  const unit = UNIT_ZH[String(issue.origin)];
  if (issue.code === 'too_small') {
    const min = String(issue.minimum);
    if (unit) return `至少 ${min}${unit}`;
    return issue.inclusive ? `不能小于 ${min}` : `必须大于 ${min}`;
  }
  if (issue.code === 'too_big') {
    const max = String(issue.maximum);
    if (unit) return `最多 ${max}${unit}`;
    return issue.inclusive ? `不能大于 ${max}` : `必须小于 ${max}`;
  }
  return zhCN(issue);
};

/** The same problems in Chinese: the value parsed again with zod's Chinese messages (only on failure). */
function describeInChinese<T extends z.ZodType>(schema: T, value: unknown, english: z.ZodError): string {
  const again = schema.safeParse(value, { error: zhIssue });
  return describeZodError(again.success ? english : again.error, '；', '：');
}

export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, where = 'request'): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw badRequest(
      {
        zh: `请求内容有误：${describeInChinese(schema, value, result.error)}`,
        en: `invalid ${where}: ${describeZodError(result.error)}`,
      },
      result.error.issues.slice(0, 20),
    );
  }
  return result.data;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(
    new HttpError(404, 'not_found', {
      zh: `没有这个接口：${req.method} ${req.path}`,
      en: `no such endpoint: ${req.method} ${req.path}`,
    }),
  );
};

export interface ClassifiedError {
  status: number;
  code: string;
  message: LocalizedText;
  details?: unknown;
  /** an error of ours (a bug or an outage), logged with its stack; 4xx are the client's */
  internal: boolean;
}

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Errors of Express's parsers, static file serving and URL decoding (http-errors: status + type). */
function fromHttpError(err: { status?: unknown; statusCode?: unknown; type?: unknown }) {
  const status = Number(err.status ?? err.statusCode);
  if (!Number.isInteger(status) || status < 400 || status > 499) return null;
  switch (err.type) {
    case 'entity.too.large':
      return {
        status: 413,
        code: 'too_large',
        message: t('请求内容过大，请分批发送', 'request body too large; split it into batches'),
      };
    case 'entity.parse.failed':
      return {
        status: 400,
        code: 'bad_json',
        message: t('请求内容不是有效的 JSON', 'request body is not valid JSON'),
      };
    case 'charset.unsupported':
      return {
        status: 415,
        code: 'unsupported_charset',
        message: t('请求内容只支持 UTF-8 编码', 'request bodies must be UTF-8 (charset=utf-8)'),
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'unsupported_encoding',
        message: t(
          '不支持的内容编码（只支持 gzip、deflate、br 或不压缩）',
          'unsupported Content-Encoding: use gzip, deflate, br or none',
        ),
      };
    case 'request.aborted':
      return { status: 400, code: 'aborted', message: t('请求被中断', 'request aborted') };
    case 'request.size.invalid':
      return {
        status: 400,
        code: 'bad_length',
        message: t('请求长度与 Content-Length 不符', 'request size did not match Content-Length'),
      };
    default:
      break;
  }
  if (status === 404) return { status, code: 'not_found', message: t('未找到', 'not found') };
  if (status === 403) return { status, code: 'forbidden', message: t('禁止访问此路径', 'forbidden path') };
  if (status === 416)
    return { status, code: 'bad_range', message: t('请求的范围无效', 'range not satisfiable') };
  return {
    status,
    code: 'bad_request',
    message: t('请求无效（编码、路径或内容格式有误）', 'malformed request (encoding, path or body)'),
  };
}

export function classifyError(err: unknown): ClassifiedError {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      code: err.code,
      message: err.localized,
      details: err.details,
      internal: err.status >= 500,
    };
  }
  if (err instanceof URIError) {
    return {
      status: 400,
      code: 'bad_encoding',
      message: t('网址编码无效', 'malformed percent-encoding in the URL'),
      internal: false,
    };
  }
  const known = err && typeof err === 'object' ? fromHttpError(err as Record<string, unknown>) : null;
  if (known) {
    // Some zlib errors (a body that is not what its Content-Encoding says) come with their own code.
    return { ...known, internal: false };
  }
  return {
    status: 500,
    code: 'internal',
    message: t('服务器内部错误，已记录日志', 'internal error; the server logged it'),
    internal: true,
  };
}

export function sendError(res: Response, error: ClassifiedError): void {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
  };
  if (error.status === 405) res.set('Allow', 'GET, HEAD, POST, PATCH, DELETE');
  res.status(error.status).type('application/json').send(JSON.stringify(body));
}

/** The last handler of the application: every error of every route ends here. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const error = classifyError(err);
    if (error.internal) log.error('unhandled error', { method: req.method, path: req.path, err });
    else if (error.status === 403)
      log.warn('access denied', { method: req.method, path: req.path, reason: error.message.en });
    if (error.status === 429 && error.details && typeof error.details === 'object') {
      const retry = (error.details as { retryAfterS?: unknown }).retryAfterS;
      if (typeof retry === 'number') res.set('Retry-After', String(Math.max(1, Math.ceil(retry))));
    }
    sendError(res, error);
  };
}

/** Wraps an async handler so rejections reach the error handler (Express 5 does this too; explicit here). */
export const asyncHandler =
  (fn: (...args: Parameters<RequestHandler>) => Promise<unknown>): RequestHandler =>
  (req, res, next) => {
    fn(req, res, next).catch(next);
  };
