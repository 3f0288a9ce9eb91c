import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { type Observable, catchError, of, switchMap, throwError } from 'rxjs';

import { apiErrorCode } from '../../shared/http/api-error';
import { RECOVER_EXPIRED_SESSION, isTokenExpired } from './auth-http';
import { AuthService, NoSessionError } from './auth.service';
import { EXPIRED_REASON, loginUrlTree } from './login-url';
import { CHANGE_PASSWORD_PATH } from './password-change.guard';

/** The routes the API serves without a bearer token (besides /api/health, which needs none either way). */
const PUBLIC_AUTH_PATHS: readonly string[] = ['/api/auth/login', '/api/auth/refresh'];

/**
 * Adds the bearer token to API calls. On 401 TOKEN_EXPIRED it refreshes once (shared by concurrent requests)
 * and replays the request; when the session cannot be brought back it ends the session here and opens the
 * login page, which says why. The caller still receives the error; the error interceptor does not notify 401s.
 * A 403 PASSWORD_CHANGE_REQUIRED (an admin reset the password meanwhile) opens the change-password page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const path = request.url.split(/[?#]/, 1)[0];
  if (!path.startsWith('/api/') || PUBLIC_AUTH_PATHS.includes(path)) {
    return next(request);
  }
  const auth = inject(AuthService);
  const router = inject(Router);
  const sentToken = auth.accessToken();
  const recover = request.context.get(RECOVER_EXPIRED_SESSION);

  /** Clears the session and opens the login page; only the first of several failing requests navigates. */
  const endSession = (): void => {
    if (!auth.isLoggedIn()) {
      return;
    }
    auth.clearSession();
    void router.navigateByUrl(loginUrlTree(router, currentUrl(router), EXPIRED_REASON));
  };

  /** A token newer than the one this request was sent with, refreshing only if nobody has yet. */
  const freshToken = (): Observable<string> => {
    const current = auth.accessToken();
    return current !== null && current !== sentToken ? of(current) : auth.refresh();
  };

  return next(withBearer(request, sentToken)).pipe(
    catchError((error: unknown) => {
      if (apiErrorCode(error) === 'PASSWORD_CHANGE_REQUIRED') {
        auth.requirePasswordChange();
        void router.navigateByUrl(CHANGE_PASSWORD_PATH);
        return throwError(() => error);
      }
      if (!recover || !(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      if (!isTokenExpired(error) || sentToken === null) {
        // UNAUTHORIZED: no token or one the server does not accept; a refresh cannot help.
        endSession();
        return throwError(() => error);
      }
      return freshToken().pipe(
        catchError((refreshError: unknown) => {
          if (!sessionRejected(refreshError)) {
            // Network or server trouble: the session may still be fine, so keep it and report that failure.
            return throwError(() => refreshError);
          }
          endSession();
          return throwError(() => error);
        }),
        switchMap((token) =>
          next(withBearer(request, token)).pipe(
            catchError((replayError: unknown) => {
              if (replayError instanceof HttpErrorResponse && replayError.status === 401) {
                endSession();
              }
              return throwError(() => replayError);
            }),
          ),
        ),
      );
    }),
  );
};

function withBearer(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/** The server refused the refresh token (ended, rotated, malformed): the session is over. */
function sessionRejected(error: unknown): boolean {
  return (
    error instanceof NoSessionError ||
    (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500)
  );
}

/** The page the user is on, or is navigating to when a guard or resolver made the failing call. */
function currentUrl(router: Router): string {
  const navigation = router.currentNavigation();
  const target = navigation?.finalUrl ?? navigation?.extractedUrl;
  return target ? router.serializeUrl(target) : router.url;
}
