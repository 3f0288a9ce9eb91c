import { DownloadOutline } from '@ant-design/icons-angular/icons';
import type { Routes } from '@angular/router';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

import { roleGuard } from '../../core/auth/role.guard';
import { localizedTitle } from '../../shared/i18n/localized-title';
import { tab } from './admin-tabs';

const guard = (path: string) => [roleGuard(...tab(path).roles)];

export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./pages/admin-layout/admin-layout.component').then((m) => m.AdminLayoutComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      {
        path: 'users',
        title: localizedTitle((m) => m.admin.tabs.users),
        canActivate: guard('users'),
        loadComponent: () => import('./pages/users/users.component').then((m) => m.UsersComponent),
      },
      {
        path: 'assignments',
        title: localizedTitle((m) => m.admin.tabs.assignments),
        canActivate: guard('assignments'),
        loadComponent: () =>
          import('./pages/assignments/assignments.component').then((m) => m.AssignmentsComponent),
      },
      {
        path: 'import',
        title: localizedTitle((m) => m.admin.tabs.import),
        canActivate: guard('import'),
        loadComponent: () => import('./pages/import/import.component').then((m) => m.ImportComponent),
      },
      {
        path: 'trees',
        title: localizedTitle((m) => m.treeEditor.admin.title),
        canActivate: guard('trees'),
        loadComponent: () => import('./pages/trees/trees.component').then((m) => m.TreesComponent),
      },
      {
        path: 'periods',
        title: localizedTitle((m) => m.admin.tabs.periods),
        canActivate: guard('periods'),
        providers: [provideNzIconsPatch([DownloadOutline])],
        loadComponent: () => import('./pages/periods/periods.component').then((m) => m.PeriodsComponent),
      },
      {
        path: 'audit',
        title: localizedTitle((m) => m.admin.tabs.audit),
        canActivate: guard('audit'),
        loadComponent: () => import('./pages/audit/audit.component').then((m) => m.AuditComponent),
      },
      {
        path: 'targets',
        title: localizedTitle((m) => m.admin.tabs.targets),
        canActivate: guard('targets'),
        loadComponent: () => import('./pages/targets/targets.component').then((m) => m.TargetsComponent),
      },
      {
        path: 'target-review',
        title: localizedTitle((m) => m.admin.tabs.targetReview),
        canActivate: guard('target-review'),
        loadComponent: () =>
          import('./pages/target-review/target-review.component').then((m) => m.TargetReviewComponent),
      },
      {
        path: 'rules',
        title: localizedTitle((m) => m.admin.tabs.rules),
        canActivate: guard('rules'),
        loadComponent: () => import('./pages/rules/rules.component').then((m) => m.RulesComponent),
      },
    ],
  },
];
