import { ArrowLeftOutline, DownloadOutline, PrinterOutline } from '@ant-design/icons-angular/icons';
import type { Routes } from '@angular/router';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

import { localizedTitle } from '../../shared/i18n/localized-title';
import { LIFECYCLE_ICONS } from '../../shared/lifecycle/lifecycle-icons';

export const PROJECTS_ROUTES: Routes = [
  {
    path: '',
    // Icons only these pages draw stay in their lazy chunk.
    providers: [provideNzIconsPatch([ArrowLeftOutline, DownloadOutline, PrinterOutline, ...LIFECYCLE_ICONS])],
    children: [
      {
        path: '',
        title: localizedTitle((m) => m.nav.projects),
        loadComponent: () =>
          import('./pages/project-list/project-list.component').then((m) => m.ProjectListComponent),
      },
      {
        path: ':id',
        title: localizedTitle((m) => m.projectDetail.title),
        loadComponent: () =>
          import('./pages/project-detail/project-detail.component').then((m) => m.ProjectDetailComponent),
      },
    ],
  },
];
