import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Observable, catchError, of } from 'rxjs';

import { SILENT_API_ERRORS } from '../../shared/http/api-error';
import type { components } from './api-types';

/** GET /api/app-info: what the frontend needs to know about this installation before anyone signs in. */
export type AppInfo = components['schemas']['AppInfoResponse'];

@Injectable({ providedIn: 'root' })
export class AppInfoApi {
  private readonly http = inject(HttpClient);

  /** Never fails: without an answer the installation is taken as a real one (no banner), silently. */
  get(): Observable<AppInfo> {
    return this.http
      .get<AppInfo>('/api/app-info', { context: new HttpContext().set(SILENT_API_ERRORS, true) })
      .pipe(catchError(() => of({ demo: false })));
  }
}
