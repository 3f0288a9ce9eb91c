import { HttpContextToken, HttpErrorResponse } from '@angular/common/http';

import type { Messages } from '../i18n/messages';

/** The one error body shape the API answers with (any 4xx/5xx it produced itself). */
export interface ApiErrorBody {
  readonly statusCode: number;
  /** Stable machine-readable code, e.g. VALIDATION_FAILED. */
  readonly code: string;
  /** Readable Chinese explanation, shown to the user as is. */
  readonly message: string;
  /** Field → Chinese message, for validation failures. */
  readonly errors?: Readonly<Record<string, string>>;
  /** Extra machine-readable facts, e.g. `lockedUntil` of ACCOUNT_LOCKED. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Set on a request whose caller shows the error itself (e.g. a form that puts field messages next to
 * the inputs), so the global interceptor does not notify as well.
 */
export const SILENT_API_ERRORS = new HttpContextToken<boolean>(() => false);

export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const candidate = body as Partial<Record<keyof ApiErrorBody, unknown>>;
  return (
    typeof candidate.statusCode === 'number' &&
    typeof candidate.message === 'string' &&
    candidate.message.trim().length > 0
  );
}

/** The API's error code (e.g. TOKEN_EXPIRED), or null when the failure has no API body. */
export function apiErrorCode(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorBody(error.error)) {
    return null;
  }
  return typeof error.error.code === 'string' ? error.error.code : null;
}

/** The sentence a user reads for a failed request: the API's own message when it sent one. */
export function apiErrorMessage(error: unknown, messages: Messages['errors']): string {
  if (!(error instanceof HttpErrorResponse)) {
    return messages.title;
  }
  if (error.status === 0) {
    return messages.network;
  }
  if (isApiErrorBody(error.error)) {
    return error.error.message;
  }
  return error.status >= 500 ? messages.server : messages.http(error.status);
}

/** Field messages of a validation failure, in the order the API sent them. */
export function apiFieldErrors(error: unknown): readonly string[] {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorBody(error.error) || !error.error.errors) {
    return [];
  }
  return Object.values(error.error.errors).filter((text) => typeof text === 'string' && text.length > 0);
}

/** The whole text of a failure: the message, followed by the field messages of a validation failure. */
export function apiErrorSummary(error: unknown, messages: Messages['errors']): string {
  const message = apiErrorMessage(error, messages);
  const fields = apiFieldErrors(error);
  return fields.length > 0 ? `${message}：${fields.join('；')}` : message;
}
