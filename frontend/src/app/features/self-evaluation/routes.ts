import {
  ArrowLeftOutline,
  DownloadOutline,
  FileExcelOutline,
  FileWordOutline,
  PrinterOutline,
} from '@ant-design/icons-angular/icons';
import type { Routes } from '@angular/router';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

import { roleGuard } from '../../core/auth/role.guard';
import { localizedTitle } from '../../shared/i18n/localized-title';

const sheet = () => import('./pages/sheet/sheet.component').then((m) => m.SheetComponent);

export const SELF_EVALUATION_ROUTES: Routes = [
  {
    path: '',
    providers: [
      provideNzIconsPatch([
        ArrowLeftOutline,
        DownloadOutline,
        FileExcelOutline,
        FileWordOutline,
        PrinterOutline,
      ]),
    ],
    children: [
      {
        path: '',
        title: localizedTitle((m) => m.selfEvaluation.title),
        loadComponent: () => import('./pages/overview/overview.component').then((m) => m.OverviewComponent),
      },
      {
        path: 'import',
        title: localizedTitle((m) => m.selfEvaluation.importTitle),
        canActivate: [roleGuard('admin')],
        loadComponent: () =>
          import('./pages/targets-import/targets-import.component').then((m) => m.TargetsImportComponent),
      },
      {
        path: 'department/:code/:year',
        title: localizedTitle((m) => m.selfEvaluation.departmentSheetTitle),
        loadComponent: sheet,
      },
      {
        path: ':projectId/:year',
        title: localizedTitle((m) => m.selfEvaluation.sheetTitle),
        loadComponent: sheet,
      },
    ],
  },
];
