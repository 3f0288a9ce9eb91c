import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { DepartmentSummary, DepartmentYear, ProjectSummary } from './departments.models';

const API = '/api/departments';

/** `?asOf=` only when a month was chosen; without it the API takes the year's latest month with reports. */
export function asOfParams(asOf: string | null | undefined): HttpParams {
  return asOf ? new HttpParams().set('asOf', asOf) : new HttpParams();
}

/** Departments and their budget years: used by the project list, 部门整体 and the dashboard. */
@Injectable({ providedIn: 'root' })
export class DepartmentsApi {
  private readonly http = inject(HttpClient);

  /** The departments the user may read (a leader or lead: their own). */
  list(): Observable<DepartmentSummary[]> {
    return this.http.get<DepartmentSummary[]>(API);
  }

  /** 部门整体: overview and department-wide goals with their trees and lights. */
  year(code: string, year: number, asOf?: string | null): Observable<DepartmentYear> {
    return this.http.get<DepartmentYear>(`${API}/${encodeURIComponent(code)}/years/${year}`, {
      params: asOfParams(asOf),
    });
  }

  /** The year's projects (表10 order) with leads, lights, last report and budget execution. */
  projects(code: string, year: number, asOf?: string | null): Observable<ProjectSummary[]> {
    return this.http.get<ProjectSummary[]>(`${API}/${encodeURIComponent(code)}/years/${year}/projects`, {
      params: asOfParams(asOf),
    });
  }
}
