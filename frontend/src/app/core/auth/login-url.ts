import type { Router, UrlTree } from '@angular/router';

export const LOGIN_PATH = '/login';

/** Query value of `reason` when the login page is opened because the session ended. */
export const EXPIRED_REASON = 'expired';

/** The login page, told where to go back to afterwards and, when the session ended, why it is shown. */
export function loginUrlTree(router: Router, returnUrl: string, reason?: typeof EXPIRED_REASON): UrlTree {
  const back = safeReturnUrl(returnUrl);
  return router.createUrlTree([LOGIN_PATH], {
    queryParams: { ...(reason ? { reason } : {}), ...(back !== '/' ? { returnUrl: back } : {}) },
  });
}

/**
 * Where to go after login: an in-app path only (a `returnUrl` is taken from the address bar, so it must not
 * send the user to another site), never the login page itself.
 */
export function safeReturnUrl(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) {
    return '/';
  }
  const path = raw.split(/[?#]/, 1)[0];
  return path === LOGIN_PATH || path.startsWith(`${LOGIN_PATH}/`) ? '/' : raw;
}
