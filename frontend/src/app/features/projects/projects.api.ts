import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

/** A department (部门, a budget unit) as GET /api/departments lists it. */
export interface DepartmentSummary {
  readonly code: string;
  readonly name: string;
  /** The supervising department, for the 预算单位 hierarchy; null at the top. */
  readonly parentCode: string | null;
  /** Fiscal years with imported budget data. */
  readonly years: readonly number[];
}

/** One project (项目) of a department's year. */
export interface ProjectSummary {
  readonly id: string;
  /** 项目编码, e.g. 42011225031T000000113; null when the source document lost it. */
  readonly code: string | null;
  readonly name: string;
  /** 支出项目类别. */
  readonly category: string | null;
  /** 当年预算 in 万元. */
  readonly budget: number;
}

const API = '/api';

@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  departments(): Observable<DepartmentSummary[]> {
    return this.http.get<DepartmentSummary[]>(`${API}/departments`);
  }

  projects(departmentCode: string, year: number): Observable<ProjectSummary[]> {
    return this.http.get<ProjectSummary[]>(
      `${API}/departments/${encodeURIComponent(departmentCode)}/years/${year}/projects`,
    );
  }
}
