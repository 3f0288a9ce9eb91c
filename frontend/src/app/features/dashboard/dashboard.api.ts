import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import { asOfParams } from '../../core/api/departments.api';
import type { CityDashboard, DepartmentDashboard } from './dashboard.models';

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

  /** The city view: every department the user may read, rolled up and listed. */
  city(year: number, asOf?: string | null): Observable<CityDashboard> {
    return this.http.get<CityDashboard>('/api/dashboard', {
      params: asOfParams(asOf).set('year', year),
    });
  }
}
