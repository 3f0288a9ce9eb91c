import type { Routes } from '@angular/router';

import { localizedTitle } from '../../shared/i18n/localized-title';

export const REVIEWS_ROUTES: Routes = [
  {
    path: '',
    title: localizedTitle((m) => m.review.title),
    loadComponent: () =>
      import('./pages/review-inbox/review-inbox.component').then((m) => m.ReviewInboxComponent),
  },
  {
    // 部门整体: the department-wide goals' month, reviewed in the same page (docs/domain.md §11).
    path: 'overall/:code/:period',
    title: localizedTitle((m) => m.review.title),
    data: { overall: true },
    loadComponent: () =>
      import('./pages/review-detail/review-detail.component').then((m) => m.ReviewDetailComponent),
  },
  {
    path: ':projectId/:period',
    title: localizedTitle((m) => m.review.title),
    loadComponent: () =>
      import('./pages/review-detail/review-detail.component').then((m) => m.ReviewDetailComponent),
  },
];
