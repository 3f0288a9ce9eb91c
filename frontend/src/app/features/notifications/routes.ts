import { PrinterOutline } from '@ant-design/icons-angular/icons';
import type { Routes } from '@angular/router';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

import { localizedTitle } from '../../shared/i18n/localized-title';

export const DIGEST_ROUTES: Routes = [
  {
    path: ':code/:period',
    title: localizedTitle((m) => m.notifications.digest.title),
    providers: [provideNzIconsPatch([PrinterOutline])],
    loadComponent: () => import('./pages/digest/digest.component').then((m) => m.DigestComponent),
  },
];
