import { HttpErrorResponse } from '@angular/common/http';

import { apiErrorCode, isApiErrorBody } from './api-error';

/**
 * Field → Chinese message of a validation failure, for showing next to the field. The API prefixes each
 * message with its field name ("actual：请填写截至本期完成值"); beside the field that prefix says nothing.
 */
export function apiFieldErrorMap(error: unknown): Record<string, string> {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorBody(error.error) || !error.error.errors) {
    return {};
  }
  const map: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.error.errors)) {
    if (typeof message === 'string' && message.length > 0) {
      map[field] = message.replace(/^[A-Za-z0-9_.[\]-]+：/, '');
    }
  }
  return map;
}

/** `details.current` of a 409 VERSION_CONFLICT: the record as stored now (null when it no longer exists). */
export function conflictCurrent<T>(error: unknown): T | null | undefined {
  if (apiErrorCode(error) !== 'VERSION_CONFLICT' || !(error instanceof HttpErrorResponse)) {
    return undefined;
  }
  const details = (error.error as { details?: { current?: T | null } }).details;
  return details?.current ?? null;
}
