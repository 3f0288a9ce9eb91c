import type { Routes } from '@angular/router';

import { localizedTitle } from '../../shared/i18n/localized-title';
import { unsavedChangesGuard } from './unsaved-changes.guard';

export const REPORTS_ROUTES: Routes = [
  {
    path: '',
    title: localizedTitle((m) => m.entry.title),
    loadComponent: () =>
      import('./pages/report-picker/report-picker.component').then((m) => m.ReportPickerComponent),
  },
  {
    // 部门整体: the department-wide goals' month, in the same entry page (docs/domain.md §9).
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
