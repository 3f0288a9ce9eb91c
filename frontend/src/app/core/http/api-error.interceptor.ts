import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { NzNotificationService } from 'ng-zorro-antd/notification';
import { catchError, throwError } from 'rxjs';

import { SILENT_API_ERRORS, apiErrorMessage, apiFieldErrors } from '../../shared/http/api-error';
import { MESSAGES } from '../../shared/i18n/messages';

/**
 * The one place API errors become notifications. The error is rethrown, so pages still show their own
 * error state; identical messages share a notification key, so an outage shows one notice, not ten.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (request, next) => {
  const notification = inject(NzNotificationService);
  const messages = inject(MESSAGES);

  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && !request.context.get(SILENT_API_ERRORS)) {
        const message = apiErrorMessage(error, messages.errors);
        const fields = apiFieldErrors(error);
        const content = fields.length > 0 ? `${message}：${fields.join('；')}` : message;
        notification.error(messages.errors.title, content, { nzKey: `api-error:${content}` });
      }
      return throwError(() => error);
    }),
  );
};
