import { DownloadOutline, PrinterOutline } from '@ant-design/icons-angular/icons';
import type { Routes } from '@angular/router';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

import { localizedTitle } from '../../shared/i18n/localized-title';
import { LIFECYCLE_ICONS } from '../../shared/lifecycle/lifecycle-icons';

export const OVERALL_ROUTES: Routes = [
  {
    path: '',
    title: localizedTitle((m) => m.nav.department),
    providers: [provideNzIconsPatch([DownloadOutline, PrinterOutline, ...LIFECYCLE_ICONS])],
    loadComponent: () => import('./pages/overall/overall.component').then((m) => m.OverallComponent),
  },
];
