import { EyeOutline } from '@ant-design/icons-angular/icons';
import type { Routes } from '@angular/router';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

import { localizedTitle } from '../../shared/i18n/localized-title';
import { unsavedChangesGuard } from './unsaved-changes.guard';

export const REPORTS_ROUTES: Routes = [
  {
    path: '',
    title: localizedTitle((m) => m.leadHome.title),
    // Icons only this page draws stay in its lazy chunk.
    providers: [provideNzIconsPatch([EyeOutline])],
    loadComponent: () => import('./pages/lead-home/lead-home.component').then((m) => m.LeadHomeComponent),
  },
  {
    // 部门整体: the department-wide goals' month, in the same entry page (docs/domain.md §11).
    path: 'overall/:code/:period',
    title: localizedTitle((m) => m.entry.title),
    canDeactivate: [unsavedChangesGuard],
    data: { overall: true },
    loadComponent: () =>
      import('./pages/report-entry/report-entry.component').then((m) => m.ReportEntryComponent),
  },
  {
    path: ':projectId/:period',
    title: localizedTitle((m) => m.entry.title),
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () =>
      import('./pages/report-entry/report-entry.component').then((m) => m.ReportEntryComponent),
  },
];
