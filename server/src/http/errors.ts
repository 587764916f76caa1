// Typed HTTP errors: a status, a code for programs and a message that says what to fix.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import type { Logger } from '../log';

export { AppError as HttpError, badRequest, conflict, forbidden, notFound, unauthorized } from '../errors';
import { AppError as HttpError, badRequest } from '../errors';

/** Formats zod issues as "field: problem" lines a person can act on. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
}

export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, where = 'request'): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw badRequest(`invalid ${where}: ${describeZodError(result.error)}`, result.error.issues.slice(0, 20));
  }
  return result.data;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no such endpoint: ${req.method} ${req.path}`));
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    // body-parser errors carry a status and a type
    const parserError = err as { status?: number; type?: string; message?: string };
    if (parserError.type === 'entity.too.large') {
      res
        .status(413)
        .json({ error: { code: 'too_large', message: 'request body too large; split it into batches' } });
      return;
    }
    if (parserError.type === 'entity.parse.failed') {
      res.status(400).json({
        error: { code: 'bad_json', message: `request body is not valid JSON: ${parserError.message}` },
      });
      return;
    }
    if (err instanceof HttpError) {
      if (err.status === 403)
        log.warn('access denied', { method: req.method, path: req.path, reason: err.message });
      res.status(err.status).json({ error: { code: err.code, message: err.message, details: err.details } });
      return;
    }
    log.error('unhandled error', { method: req.method, path: req.path, err });
    res.status(500).json({ error: { code: 'internal', message: 'internal error; the server logged it' } });
  };
}

/** Wraps an async handler so rejections reach the error handler (Express 5 does this too; explicit here). */
export const asyncHandler =
  (fn: (...args: Parameters<RequestHandler>) => Promise<unknown>): RequestHandler =>
  (req, res, next) => {
    fn(req, res, next).catch(next);
  };
