// Typed domain errors. Every error carries a user-facing message, Chinese first, then English,
// and maps to one HTTP status so the REST layer can answer without knowing the domain.

export const DOMAIN_ERROR_KINDS = ['illegal_state', 'forbidden', 'invalid'] as const;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

/** A message shown to users: Simplified Chinese first, English translation second. */
export interface LocalizedMessage {
  zh: string;
  en: string;
}

export const HTTP_STATUS_BY_KIND: Readonly<Record<DomainErrorKind, number>> = {
  illegal_state: 409,
  forbidden: 403,
  invalid: 400,
};

export function httpStatusOf(kind: DomainErrorKind): number {
  return HTTP_STATUS_BY_KIND[kind];
}

/** One line for logs, toasts and the `message` of an API error body: "中文 / English". */
export function formatMessage(message: LocalizedMessage): string {
  return `${message.zh} / ${message.en}`;
}

export function msg(zh: string, en: string): LocalizedMessage {
  return { zh, en };
}

/** Thrown by pure helpers (calendar, limits, numbering) when called with input they cannot use. */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly localized: LocalizedMessage;
  readonly httpStatus: number;

  constructor(kind: DomainErrorKind, localized: LocalizedMessage) {
    super(formatMessage(localized));
    this.name = 'DomainError';
    this.kind = kind;
    this.localized = localized;
    this.httpStatus = httpStatusOf(kind);
  }
}

export function invalid(zh: string, en: string): DomainError {
  return new DomainError('invalid', msg(zh, en));
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
