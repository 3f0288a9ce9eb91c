import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { yearOf } from '@jixiao/domain';
import type { Observable } from 'rxjs';

import type { components } from '../../core/api/api-types';
import { SILENT_API_ERRORS } from '../../shared/http/api-error';
import type {
  BudgetExecutionRow,
  EvidenceFile,
  PeriodLock,
  PeriodRow,
  ProjectMonitoring,
  ReportBody,
  SavedReport,
} from './monitoring.models';

const API = '/api';

/** A department (部门) and the fiscal years it has data for. */
export type DepartmentRef = components['schemas']['DepartmentResponse'];

/** A project of a department-year, with its leads (项目负责人). */
export type ProjectRef = components['schemas']['ProjectSummaryResponse'];

/** The designated reporter of a department-year's department-wide goals (部门整体填报人). */
export type DepartmentReporter = components['schemas']['DepartmentReporterResponse'];

/** Writes whose failures the entry grid shows next to the row or field, so no global notification. */
function silent(): { context: HttpContext } {
  return { context: new HttpContext().set(SILENT_API_ERRORS, true) };
}

const segment = encodeURIComponent;

/** Whose month a workflow call moves: a project's, or the department-wide goals' of the period's year. */
const projectUnit = (projectId: string): string => `projects/${segment(projectId)}`;
const overallUnit = (departmentCode: string, period: string): string =>
  `departments/${segment(departmentCode)}/years/${yearOf(period)}`;

/** 双监控 reads and writes: a project's month, its indicator reports, budget execution, workflow and evidence. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  departments(): Observable<DepartmentRef[]> {
    return this.http.get<DepartmentRef[]>(`${API}/departments`);
  }

  projects(departmentCode: string, year: number): Observable<ProjectRef[]> {
    return this.http.get<ProjectRef[]>(
      `${API}/departments/${segment(departmentCode)}/years/${year}/projects`,
    );
  }

  /** The project with its indicator trees, reports and workflow as of the period (截至月份). */
  project(projectId: string, period: string): Observable<ProjectMonitoring> {
    return this.http.get<ProjectMonitoring>(`${API}/projects/${segment(projectId)}`, {
      params: { asOf: period },
    });
  }

  /** The department-year's designated reporter of its department-wide goals (null: the admins report). */
  reporter(departmentCode: string, year: number): Observable<DepartmentReporter> {
    return this.http.get<DepartmentReporter>(
      `${API}/departments/${segment(departmentCode)}/years/${year}/reporter`,
    );
  }

  locks(departmentCode: string, year: number): Observable<PeriodLock[]> {
    return this.http.get<PeriodLock[]>(`${API}/departments/${segment(departmentCode)}/years/${year}/locks`);
  }

  saveReport(indicatorId: string, period: string, body: ReportBody): Observable<SavedReport> {
    return this.http.put<SavedReport>(
      `${API}/indicators/${segment(indicatorId)}/reports/${segment(period)}`,
      body,
      silent(),
    );
  }

  saveBudgetExecution(
    projectId: string,
    period: string,
    body: components['schemas']['BudgetExecutionDto'],
  ): Observable<BudgetExecutionRow> {
    return this.http.put<BudgetExecutionRow>(
      `${API}/projects/${segment(projectId)}/budget-execution/${segment(period)}`,
      body,
      silent(),
    );
  }

  /** `acknowledgeWarnings` confirms the rows' warnings; without it the API refuses a month that has any. */
  submit(
    projectId: string,
    period: string,
    version: number | null,
    acknowledgeWarnings = false,
  ): Observable<PeriodRow> {
    return this.submitUnit(projectUnit(projectId), period, version, acknowledgeWarnings);
  }

  approve(projectId: string, period: string, version: number | null): Observable<PeriodRow> {
    return this.approveUnit(projectUnit(projectId), period, version);
  }

  /** 退回: the reason is required; the caller's modal shows its field error. */
  returnForRevision(
    projectId: string,
    period: string,
    reason: string,
    version: number | null,
  ): Observable<PeriodRow> {
    return this.returnUnit(projectUnit(projectId), period, reason, version);
  }

  /** 部门整体: the department-wide goals' month, submitted like a project's (docs/domain.md §11). */
  submitOverall(
    departmentCode: string,
    period: string,
    version: number | null,
    acknowledgeWarnings = false,
  ): Observable<PeriodRow> {
    return this.submitUnit(overallUnit(departmentCode, period), period, version, acknowledgeWarnings);
  }

  approveOverall(departmentCode: string, period: string, version: number | null): Observable<PeriodRow> {
    return this.approveUnit(overallUnit(departmentCode, period), period, version);
  }

  returnOverall(
    departmentCode: string,
    period: string,
    reason: string,
    version: number | null,
  ): Observable<PeriodRow> {
    return this.returnUnit(overallUnit(departmentCode, period), period, reason, version);
  }

  private submitUnit(
    unit: string,
    period: string,
    version: number | null,
    acknowledgeWarnings: boolean,
  ): Observable<PeriodRow> {
    const body: components['schemas']['SubmitDto'] = {
      ...(version === null ? {} : { version }),
      ...(acknowledgeWarnings ? { acknowledgeWarnings: true } : {}),
    };
    return this.http.post<PeriodRow>(`${API}/${unit}/periods/${segment(period)}/submit`, body, silent());
  }

  private approveUnit(unit: string, period: string, version: number | null): Observable<PeriodRow> {
    return this.http.post<PeriodRow>(
      `${API}/${unit}/periods/${segment(period)}/approve`,
      version === null ? {} : { version },
    );
  }

  private returnUnit(
    unit: string,
    period: string,
    reason: string,
    version: number | null,
  ): Observable<PeriodRow> {
    return this.http.post<PeriodRow>(
      `${API}/${unit}/periods/${segment(period)}/return`,
      version === null ? { reason } : { reason, version },
      silent(),
    );
  }

  evidence(indicatorId: string, period: string): Observable<EvidenceFile[]> {
    return this.http.get<EvidenceFile[]>(
      `${API}/indicators/${segment(indicatorId)}/reports/${segment(period)}/evidence`,
    );
  }

  uploadEvidence(indicatorId: string, period: string, file: File): Observable<EvidenceFile> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<EvidenceFile>(
      `${API}/indicators/${segment(indicatorId)}/reports/${segment(period)}/evidence`,
      form,
      silent(),
    );
  }

  /** The file's bytes; the download needs the bearer token, so it cannot be a plain link. */
  downloadEvidence(id: string): Observable<Blob> {
    return this.http.get(`${API}/evidence/${segment(id)}`, { responseType: 'blob' });
  }
}
