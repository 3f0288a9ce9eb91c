import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';

import { AuthService } from './auth.service';
import { loginUrlTree } from './login-url';

/** Lets a signed-in user through; anyone else goes to the login page, which brings them back afterwards. */
export const authGuard: CanActivateFn = (_route, state) =>
  inject(AuthService).isLoggedIn() || loginUrlTree(inject(Router), state.url);
