import { HttpErrorResponse, type HttpInterceptorFn, HttpStatusCode } from '@angular/common/http';
import { Injector, inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';

import { SILENT_API_ERRORS, apiErrorSummary } from '../../shared/http/api-error';
import { MESSAGES } from '../../shared/i18n/messages';

/**
 * The one place API errors become notifications. The error is rethrown, so pages still show their own
 * error state; identical messages share a notification key, so an outage shows one notice, not ten.
 *
 * A 401 is never notified: it is the auth interceptor's, which refreshes the session or opens the login page
 * that says why (and the login page shows its own 401s inline). Registered before the auth interceptor, this
 * one sees what the caller sees: nothing for a request replayed after a refresh, the replay's own failure
 * otherwise.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (request, next) => {
  const injector = inject(Injector);
  const messages = inject(MESSAGES);

  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status !== HttpStatusCode.Unauthorized &&
        !request.context.get(SILENT_API_ERRORS)
      ) {
        const content = apiErrorSummary(error, messages.errors);
        // Loaded on the first error: the notification overlay is not part of the first download.
        void import('ng-zorro-antd/notification').then(({ NzNotificationService }) =>
          injector
            .get(NzNotificationService)
            .error(messages.errors.title, content, { nzKey: `api-error:${content}` }),
        );
      }
      return throwError(() => error);
    }),
  );
};
