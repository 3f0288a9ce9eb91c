import { GlobalOutline, LockOutline, UserOutline } from '@ant-design/icons-angular/icons';
import { type EnvironmentProviders } from '@angular/core';
import { provideNzIcons } from 'ng-zorro-antd/icon';

/**
 * Icons are registered statically, so none is fetched at run time (ng-zorro registers the ones its own
 * components use). The app starts with the first page's only — the login page: user, password, language —
 * and the shell adds the signed-in screens' (signed-in-icons.ts, in its lazy chunk); a page's own icons stay
 * in its route (e.g. PROJECTS_ROUTES).
 */
export const FIRST_PAGE_ICONS = [GlobalOutline, LockOutline, UserOutline];

/** The icons the app starts with (app.config.ts). */
export function provideFirstPageIcons(): EnvironmentProviders {
  return provideNzIcons(FIRST_PAGE_ICONS);
}
