import { inject } from '@angular/core';
import type { Routes } from '@angular/router';

import { authGuard } from './core/auth/auth.guard';
import { AuthService } from './core/auth/auth.service';
import { passwordChangeGuard } from './core/auth/password-change.guard';
import { roleGuard } from './core/auth/role.guard';

export const appRoutes: Routes = [
  // Outside the shell, and before it: the shell's '**' would otherwise take /login.
  {
    path: 'login',
    loadChildren: () => import('./features/auth/routes').then((m) => m.AUTH_ROUTES),
  },
  {
    path: 'password',
    canActivate: [authGuard],
    loadChildren: () => import('./features/auth/routes').then((m) => m.CHANGE_PASSWORD_ROUTES),
  },
  {
    path: '',
    // Lazy like the pages: the login page does not download the navigation, its menus and overlays.
    loadComponent: () => import('./layout/shell/shell.component').then((m) => m.ShellComponent),
    canActivate: [authGuard, passwordChangeGuard],
    canActivateChild: [authGuard, passwordChangeGuard],
    children: [
      // A lead lands on their own projects (我的项目); everyone else on the department's dashboard.
      {
        path: '',
        pathMatch: 'full',
        redirectTo: () => (inject(AuthService).user()?.role === 'lead' ? 'reports' : 'dashboard'),
      },
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
        path: 'self-evaluation',
        loadChildren: () => import('./features/self-evaluation/routes').then((m) => m.SELF_EVALUATION_ROUTES),
      },
      {
        path: 'reports',
        canActivate: [roleGuard('lead', 'admin')],
        loadChildren: () => import('./features/reports/routes').then((m) => m.REPORTS_ROUTES),
      },
      {
        path: 'reviews',
        canActivate: [roleGuard('leader')],
        loadChildren: () => import('./features/reviews/routes').then((m) => m.REVIEWS_ROUTES),
      },
      {
        // 领导月度摘要, printable (docs/domain.md, "Reminders and the leadership digest").
        path: 'digest',
        canActivate: [roleGuard('leader', 'admin', 'auditor')],
        loadChildren: () => import('./features/notifications/routes').then((m) => m.DIGEST_ROUTES),
      },
      {
        path: 'admin',
        canActivate: [roleGuard('admin', 'auditor')],
        loadChildren: () => import('./features/admin/routes').then((m) => m.ADMIN_ROUTES),
      },
      { path: '**', redirectTo: 'dashboard' },
    ],
  },
];
