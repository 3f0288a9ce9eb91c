import type { Routes } from '@angular/router';

import { localizedTitle } from '../../shared/i18n/localized-title';

export const PROJECTS_ROUTES: Routes = [
  {
    path: '',
    title: localizedTitle((m) => m.nav.projects),
    loadComponent: () =>
      import('./pages/project-list/project-list.component').then((m) => m.ProjectListComponent),
  },
];
