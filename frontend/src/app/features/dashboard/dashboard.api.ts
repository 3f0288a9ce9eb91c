import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import { asOfParams } from '../../core/api/departments.api';
import type { CityDashboard, DepartmentDashboard, FlaggedPage, FlaggedRequest } from './dashboard.models';

@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  /** One department's year as of a month (the year's current month by default). */
  department(code: string, year: number, asOf?: string | null): Observable<DepartmentDashboard> {
    return this.http.get<DepartmentDashboard>(
      `/api/departments/${encodeURIComponent(code)}/years/${year}/dashboard`,
      { params: asOfParams(asOf) },
    );
  }

  /** The city view: totals and one row per department the user may read (no list of indicators). */
  city(year: number, asOf?: string | null): Observable<CityDashboard> {
    return this.http.get<CityDashboard>('/api/dashboard', {
      params: asOfParams(asOf).set('year', year),
    });
  }

  /** One page of the city's flagged indicators, filtered and sorted by the server. */
  flagged(request: FlaggedRequest): Observable<FlaggedPage> {
    let params = asOfParams(request.asOf)
      .set('year', request.year)
      .set('sort', request.sort)
      .set('page', request.page)
      .set('pageSize', request.pageSize);
    if (request.department) params = params.set('department', request.department);
    if (request.project) params = params.set('project', request.project);
    if (request.level1) params = params.set('level1', request.level1);
    for (const light of request.lights) params = params.append('light', light);
    return this.http.get<FlaggedPage>('/api/dashboard/flagged', { params });
  }
}
