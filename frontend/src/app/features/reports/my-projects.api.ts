import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { components } from '../../core/api/api-types';

/** GET /api/me/projects: the lead's projects with the year's months. */
export type MyProjects = components['schemas']['MyProjectsResponse'];
export type MyProject = components['schemas']['MyProjectResponse'];
export type MyProjectMonth = components['schemas']['MyProjectMonthResponse'];

@Injectable({ providedIn: 'root' })
export class MyProjectsApi {
  private readonly http = inject(HttpClient);

  /** The year's months of every project assigned to the caller (the latest year when none is given). */
  mine(year: number | null): Observable<MyProjects> {
    const params = year === null ? new HttpParams() : new HttpParams().set('year', year);
    return this.http.get<MyProjects>('/api/me/projects', { params });
  }
}
