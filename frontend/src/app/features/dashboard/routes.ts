import { PrinterOutline } from '@ant-design/icons-angular/icons';
import type { Routes } from '@angular/router';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { provideEchartsCore } from 'ngx-echarts';

import { localizedTitle } from '../../shared/i18n/localized-title';

export const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    title: localizedTitle((m) => m.nav.dashboard),
    providers: [
      // echarts loads on first draw, in its own chunk, with only the charts and components the dashboard uses.
      provideEchartsCore({ echarts: () => import('./charts/echarts-core') }),
      provideNzIconsPatch([PrinterOutline]),
    ],
    loadComponent: () => import('./pages/dashboard/dashboard.component').then((m) => m.DashboardComponent),
  },
];
