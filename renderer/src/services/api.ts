// The REST client: JSON over fetch with the session's bearer token, answers checked with zod, and
// every failure turned into an ApiError that carries the server's message ({ zh, en }).
import type { z } from 'zod';
import { ApiError as ApiErrorBody, type LocalizedText, type ServerText } from '@contract/http';

export class ApiError extends Error {
  override name = 'ApiError';
  /** the message in both languages: the interface picks its own (i18n/serverText.ts) */
  readonly text: LocalizedText;
  constructor(
    readonly status: number,
    readonly code: string,
    message: ServerText,
    readonly details?: unknown,
  ) {
    const text = typeof message === 'string' ? splitText(message) : message;
    super(`${text.zh} / ${text.en}`);
    this.text = text;
  }
}

function splitText(message: string): LocalizedText {
  const at = message.indexOf(' / ');
  return at < 0 ? { zh: message, en: message } : { zh: message.slice(0, at), en: message.slice(at + 3) };
}

/** What to show for a failure: the server's { zh, en } when it sent one, else the error's text. */
export function messageOf(error: unknown): ServerText {
  if (error instanceof ApiError) return error.text;
  return error instanceof Error ? error.message : String(error);
}

export const NETWORK_MESSAGE = '无法连接服务器，请稍后重试 / Cannot reach the server: try again shortly';

export interface ApiOptions {
  origin: string;
  token(): string | null;
  /** a request with a token was refused: the session has ended */
  onUnauthorized(): void;
  timeoutMs?: number;
}

export interface ApiClient {
  get<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>>;
  post<T extends z.ZodType>(path: string, body: unknown, schema: T): Promise<z.infer<T>>;
  /** POST without a token and without ending the session on 401 (sign-in) */
  postAnonymous<T extends z.ZodType>(path: string, body: unknown, schema: T): Promise<z.infer<T>>;
  /** POST whose answer has no body (logout) */
  postEmpty(path: string): Promise<void>;
  patch<T extends z.ZodType>(path: string, body: unknown, schema: T): Promise<z.infer<T>>;
  put<T extends z.ZodType>(path: string, body: unknown, schema: T): Promise<z.infer<T>>;
  delete<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>>;
}

export function createApi(options: ApiOptions): ApiClient {
  const { origin, timeoutMs = 15_000 } = options;

  async function send(method: string, path: string, body: unknown, withToken: boolean): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = withToken ? options.token() : null;
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`${origin}/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new ApiError(0, 'network', NETWORK_MESSAGE);
    }
    if (response.ok) return response;
    const error = await errorOf(response);
    if (response.status === 401 && token) options.onUnauthorized();
    throw error;
  }

  async function json<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
    let raw: unknown;
    try {
      raw = await response.json();
    } catch {
      throw new ApiError(
        response.status,
        'bad_response',
        '服务器返回了无效数据 / Invalid answer from the server',
      );
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      console.warn('unexpected answer', response.url, parsed.error.issues.slice(0, 5));
      throw new ApiError(
        response.status,
        'bad_response',
        '服务器返回了无效数据 / Invalid answer from the server',
      );
    }
    return parsed.data;
  }

  return {
    get: async (path, schema) => json(await send('GET', path, undefined, true), schema),
    post: async (path, body, schema) => json(await send('POST', path, body, true), schema),
    postAnonymous: async (path, body, schema) => json(await send('POST', path, body, false), schema),
    postEmpty: async (path) => {
      await send('POST', path, undefined, true);
    },
    patch: async (path, body, schema) => json(await send('PATCH', path, body, true), schema),
    put: async (path, body, schema) => json(await send('PUT', path, body, true), schema),
    delete: async (path, schema) => json(await send('DELETE', path, undefined, true), schema),
  };
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const parsed = ApiErrorBody.safeParse(await response.json());
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      return new ApiError(response.status, code, message, details);
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(response.status, 'http', `HTTP ${response.status}`);
}
