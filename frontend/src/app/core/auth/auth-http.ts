import { HttpContextToken, HttpErrorResponse } from '@angular/common/http';

import { apiErrorCode } from '../../shared/http/api-error';

/**
 * Whether the auth interceptor may answer a 401 TOKEN_EXPIRED by refreshing and replaying the request, and
 * end the session when that fails. Off for a caller that handles an ended session itself (logout).
 */
export const RECOVER_EXPIRED_SESSION = new HttpContextToken<boolean>(() => true);

/** The access token expired or its session ended (logout elsewhere, idle timeout): a refresh may help. */
export function isTokenExpired(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse && error.status === 401 && apiErrorCode(error) === 'TOKEN_EXPIRED'
  );
}
