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
    path: ':projectId/:period',
    title: localizedTitle((m) => m.entry.title),
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () =>
      import('./pages/report-entry/report-entry.component').then((m) => m.ReportEntryComponent),
  },
];
