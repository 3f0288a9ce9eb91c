import type { Routes } from '@angular/router';

import { localizedTitle } from '../../shared/i18n/localized-title';

export const AUTH_ROUTES: Routes = [
  {
    path: '',
    title: localizedTitle((m) => m.login.title),
    loadComponent: () => import('./pages/login/login.component').then((m) => m.LoginComponent),
  },
];

export const CHANGE_PASSWORD_ROUTES: Routes = [
  {
    path: '',
    title: localizedTitle((m) => m.changePassword.title),
    loadComponent: () =>
      import('./pages/change-password/change-password.component').then((m) => m.ChangePasswordComponent),
  },
];
