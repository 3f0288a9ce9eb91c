import type { Route, Routes } from '@angular/router';

import { authGuard } from './core/auth/auth.guard';
import { roleGuard } from './core/auth/role.guard';
import { ShellComponent } from './layout/shell/shell.component';
import { localizedTitle } from './shared/i18n/localized-title';
import type { Messages } from './shared/i18n/messages';

/** A menu entry whose screen comes in a later issue. */
function underConstruction(path: string, title: (messages: Messages) => string): Route {
  return {
    path,
    title: localizedTitle(title),
    loadComponent: () =>
      import('./shared/under-construction/under-construction.component').then(
        (m) => m.UnderConstructionComponent,
      ),
  };
}

export const appRoutes: Routes = [
  // Outside the shell, and before it: the shell's '**' would otherwise take /login.
  {
    path: 'login',
    loadChildren: () => import('./features/auth/routes').then((m) => m.AUTH_ROUTES),
  },
  {
    path: '',
    component: ShellComponent,
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      {
        path: 'dashboard',
        loadChildren: () => import('./features/dashboard/routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'projects',
        loadChildren: () => import('./features/projects/routes').then((m) => m.PROJECTS_ROUTES),
      },
      {
        path: 'overall',
        loadChildren: () => import('./features/overall/routes').then((m) => m.OVERALL_ROUTES),
      },
      {
        path: 'reports',
        canActivate: [roleGuard('lead')],
        loadChildren: () => import('./features/reports/routes').then((m) => m.REPORTS_ROUTES),
      },
      {
        path: 'reviews',
        canActivate: [roleGuard('leader')],
        loadChildren: () => import('./features/reviews/routes').then((m) => m.REVIEWS_ROUTES),
      },
      underConstruction('admin', (m) => m.nav.admin),
      { path: '**', redirectTo: 'dashboard' },
    ],
  },
];
