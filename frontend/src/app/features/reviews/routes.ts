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
    path: ':projectId/:period',
    title: localizedTitle((m) => m.review.title),
    loadComponent: () =>
      import('./pages/review-detail/review-detail.component').then((m) => m.ReviewDetailComponent),
  },
];
