import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';

import type { UserRole } from './auth.models';
import { AuthService } from './auth.service';

/**
 * Lets the given roles through; anyone else lands on the home page. The menu hides these entries already;
 * this covers typed or bookmarked addresses (the API checks every request regardless).
 */
export function roleGuard(...roles: readonly UserRole[]): CanActivateFn {
  return () => {
    const role = inject(AuthService).user()?.role;
    return (role !== undefined && roles.includes(role)) || inject(Router).createUrlTree(['/']);
  };
}
