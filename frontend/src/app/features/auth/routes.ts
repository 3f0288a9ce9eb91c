import type { Routes } from '@angular/router';

import { localizedTitle } from '../../shared/i18n/localized-title';

export const AUTH_ROUTES: Routes = [
  {
    path: '',
    title: localizedTitle((m) => m.login.title),
    loadComponent: () => import('./pages/login/login.component').then((m) => m.LoginComponent),
  },
];
