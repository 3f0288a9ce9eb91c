import { HttpClient, HttpContext, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import { SILENT_API_ERRORS } from '../../shared/http/api-error';
import type {
  DepartmentEvaluation,
  SelfEvaluation,
  SelfEvaluationChange,
  TargetImportResult,
} from './self-evaluation.models';

/** Which evaluation: a project's, or the department as a whole. */
export type EvaluationRef =
  { readonly projectId: string; readonly year: number } | { readonly code: string; readonly year: number };

const base = (ref: EvaluationRef): string =>
  'projectId' in ref
    ? `/api/projects/${encodeURIComponent(ref.projectId)}/self-evaluation/${ref.year}`
    : `/api/departments/${encodeURIComponent(ref.code)}/years/${ref.year}/self-evaluation`;

const departmentYear = (code: string, year: number): string =>
  `/api/departments/${encodeURIComponent(code)}/years/${year}`;

/** Writes show their own errors (409 keeps typed values, 423 turns the sheet read-only). */
const silent = (): { context: HttpContext } => ({ context: new HttpContext().set(SILENT_API_ERRORS, true) });

/** The files a user can download; every one needs the bearer token, so they are fetched as blobs. */
export const DOWNLOADS = {
  project: (projectId: string, year: number): string =>
    `/api/projects/${encodeURIComponent(projectId)}/self-evaluation/${year}.xlsx`,
  workbook: (code: string, year: number): string => `${departmentYear(code, year)}/self-evaluation.xlsx`,
  overall: (code: string, year: number): string =>
    `${departmentYear(code, year)}/self-evaluation/overall.xlsx`,
  targets: (code: string, year: number): string => `${departmentYear(code, year)}/targets.xlsx`,
  report: (code: string, year: number): string => `${departmentYear(code, year)}/self-evaluation-report.docx`,
  template: (): string => '/api/imports/target-template.xlsx',
};

@Injectable({ providedIn: 'root' })
export class SelfEvaluationApi {
  private readonly http = inject(HttpClient);

  get(ref: EvaluationRef): Observable<SelfEvaluation> {
    return this.http.get<SelfEvaluation>(base(ref));
  }

  department(code: string, year: number): Observable<DepartmentEvaluation> {
    return this.http.get<DepartmentEvaluation>(`${departmentYear(code, year)}/self-evaluation`);
  }

  save(ref: EvaluationRef, change: SelfEvaluationChange): Observable<SelfEvaluation> {
    return this.http.put<SelfEvaluation>(base(ref), change, silent());
  }

  submit(ref: EvaluationRef, version: number): Observable<SelfEvaluation> {
    return this.http.post<SelfEvaluation>(`${base(ref)}/submit`, { version }, silent());
  }

  approve(ref: EvaluationRef, version: number): Observable<SelfEvaluation> {
    return this.http.post<SelfEvaluation>(`${base(ref)}/approve`, { version }, silent());
  }

  returnForRevision(ref: EvaluationRef, version: number, reason: string): Observable<SelfEvaluation> {
    return this.http.post<SelfEvaluation>(`${base(ref)}/return`, { version, reason }, silent());
  }

  unlock(ref: EvaluationRef, version: number, reason: string): Observable<SelfEvaluation> {
    return this.http.post<SelfEvaluation>(`${base(ref)}/unlock`, { version, reason }, silent());
  }

  /** A file as a blob with its headers (the name is in Content-Disposition). */
  download(url: string): Observable<HttpResponse<Blob>> {
    return this.http.get(url, { responseType: 'blob', observe: 'response' });
  }

  /** confirmArchive: the admin accepts archiving indicators that carry monitoring data (else 409). */
  importTargets(projectId: string, file: File, confirmArchive = false): Observable<TargetImportResult> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<TargetImportResult>(
      `/api/projects/${encodeURIComponent(projectId)}/targets/import${confirmArchive ? '?confirmArchive=true' : ''}`,
      body,
      silent(),
    );
  }
}
