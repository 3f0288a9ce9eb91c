import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';

import { AuthService } from './auth.service';

/** The change-password page, where a user whose password an admin chose must go first. */
export const CHANGE_PASSWORD_PATH = '/password';

/** Keeps a user who must change their password on the change-password page until they have. */
export const passwordChangeGuard: CanActivateFn = () =>
  !inject(AuthService).mustChangePassword() || inject(Router).parseUrl(CHANGE_PASSWORD_PATH);
