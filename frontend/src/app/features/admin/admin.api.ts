import { HttpClient, HttpContext, type HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Accumulation, Direction, ImportDiff, Target } from '@jixiao/domain';
import type { Observable } from 'rxjs';

import type { UserRole } from '../../core/auth/auth.models';
import { SILENT_API_ERRORS } from '../../shared/http/api-error';
import type { GoalNode, PeriodRow, ProjectMonitoring } from '../reports/monitoring.models';

const API = '/api';
const segment = encodeURIComponent;

/** A form that shows its own field errors: no global notification. */
function silent(): HttpContext {
  return new HttpContext().set(SILENT_API_ERRORS, true);
}

/** An account as GET /api/users lists it, with the projects it leads. */
export interface UserAccount {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly departmentCode: string | null;
  readonly active: boolean;
  readonly lockedUntil: string | null;
  readonly lastLoginAt: string | null;
  readonly version: number;
  readonly projects: readonly { readonly id: string; readonly name: string }[];
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly departmentCode?: string;
  readonly password: string;
}

export interface UserChange {
  readonly version: number;
  readonly displayName?: string;
  readonly role?: UserRole;
  readonly departmentCode?: string | null;
  readonly active?: boolean;
}

export interface Department {
  readonly code: string;
  readonly name: string;
  readonly years: readonly number[];
}

export interface ProjectWithLeads {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
  readonly leads: readonly { readonly id: string; readonly username: string; readonly displayName: string }[];
}

/** Rows of one kind an import creates, updates, archives and restores. */
export interface ImportChangeCount {
  readonly created: number;
  readonly updated: number;
  readonly archived: number;
  readonly restored: number;
}

export interface ImportSummary {
  readonly projects: ImportChangeCount;
  readonly goals: ImportChangeCount;
  readonly indicators: ImportChangeCount;
  readonly budgetLines: number;
  readonly diff: ImportDiff;
}

/** POST /api/imports answer (a preview wrote nothing). */
export interface ImportResult {
  readonly departmentCode: string;
  readonly year: number;
  readonly preview: boolean;
  readonly unchanged: boolean;
  readonly summary: ImportSummary | null;
  readonly markdown: string;
}

/** preview: only the diff; confirmArchive: the admin accepts archiving rows that carry monitoring data. */
export interface ImportMode {
  readonly preview?: boolean;
  readonly confirmArchive?: boolean;
}

export interface PeriodLock {
  readonly period: string;
  readonly reason: string;
  readonly lockedAt: string;
  readonly lockedBy: string | null;
}

/** 监控轮次 */
export interface MonitoringRound {
  readonly id: string;
  readonly name: string;
  readonly period: string;
  readonly deadline: string;
  readonly status: 'open' | 'closed';
  readonly closedAt: string | null;
  readonly version: number;
}

export interface AuditFilters {
  readonly entity?: string;
  readonly id?: string;
  readonly user?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly reason: string | null;
  readonly requestId: string | null;
}

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** GET /api/departments/:code/years/:year: the department-wide goals (部门整体目标) are what admin screens read. */
export interface DepartmentYear {
  readonly department: { readonly code: string; readonly name: string };
  readonly year: number;
  readonly goals: readonly GoalNode[];
}

/** PUT /api/indicators/:id/target: an admin's structured reading of a target (the raw text never changes). */
export interface TargetCorrection {
  readonly version: number;
  readonly operator: Exclude<Target['operator'], 'all-of'>;
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  readonly deadline?: string;
  readonly direction: Direction;
  readonly accumulation: Accumulation;
  readonly note?: string;
}

/** What the performance admin (绩效管理员) manages; auditors read the lists and the audit log. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  users(): Observable<UserAccount[]> {
    return this.http.get<UserAccount[]>(`${API}/users`);
  }

  createUser(user: NewUser): Observable<UserAccount> {
    return this.http.post<UserAccount>(`${API}/users`, user, { context: silent() });
  }

  updateUser(id: string, change: UserChange): Observable<UserAccount> {
    return this.http.patch<UserAccount>(`${API}/users/${segment(id)}`, change, { context: silent() });
  }

  resetPassword(id: string, password: string): Observable<void> {
    return this.http.post<void>(`${API}/users/${segment(id)}/password`, { password }, { context: silent() });
  }

  assignLeads(projectId: string, userIds: readonly string[]): Observable<unknown> {
    return this.http.put(`${API}/projects/${segment(projectId)}/leads`, { userIds }, { context: silent() });
  }

  departments(): Observable<Department[]> {
    return this.http.get<Department[]>(`${API}/departments`);
  }

  projects(code: string, year: number): Observable<ProjectWithLeads[]> {
    return this.http.get<ProjectWithLeads[]>(`${API}/departments/${segment(code)}/years/${year}/projects`);
  }

  project(id: string, asOf?: string): Observable<ProjectMonitoring> {
    return this.http.get<ProjectMonitoring>(`${API}/projects/${segment(id)}`, {
      params: asOf ? { asOf } : {},
    });
  }

  departmentYear(code: string, year: number): Observable<DepartmentYear> {
    return this.http.get<DepartmentYear>(`${API}/departments/${segment(code)}/years/${year}`);
  }

  /** Upload with progress events; the import's own errors are shown on the page. */
  importDocument(file: File, mode: ImportMode = {}): Observable<HttpEvent<ImportResult>> {
    const form = new FormData();
    form.append('file', file, file.name);
    let params = new HttpParams();
    if (mode.preview) params = params.set('mode', 'preview');
    if (mode.confirmArchive) params = params.set('confirmArchive', 'true');
    return this.http.post<ImportResult>(`${API}/imports`, form, {
      params,
      reportProgress: true,
      observe: 'events',
      context: silent(),
    });
  }

  locks(code: string, year: number): Observable<PeriodLock[]> {
    return this.http.get<PeriodLock[]>(`${API}/departments/${segment(code)}/years/${year}/locks`);
  }

  lock(code: string, year: number, period: string, reason: string): Observable<PeriodLock> {
    return this.http.put<PeriodLock>(
      `${API}/departments/${segment(code)}/years/${year}/locks/${segment(period)}`,
      { reason },
      { context: silent() },
    );
  }

  release(code: string, year: number, period: string, reason: string): Observable<unknown> {
    return this.http.delete(`${API}/departments/${segment(code)}/years/${year}/locks/${segment(period)}`, {
      body: { reason },
      context: silent(),
    });
  }

  /** 解锁 a project's submitted or approved month back to draft. */
  unlockPeriod(
    projectId: string,
    period: string,
    reason: string,
    version: number | null,
  ): Observable<PeriodRow> {
    return this.http.post<PeriodRow>(
      `${API}/projects/${segment(projectId)}/periods/${segment(period)}/unlock`,
      version === null ? { reason } : { reason, version },
      { context: silent() },
    );
  }

  rounds(code: string, year: number): Observable<MonitoringRound[]> {
    return this.http.get<MonitoringRound[]>(`${API}/departments/${segment(code)}/years/${year}/rounds`);
  }

  openRound(
    code: string,
    year: number,
    round: { name: string; period: string; deadline: string },
  ): Observable<MonitoringRound> {
    return this.http.post<MonitoringRound>(
      `${API}/departments/${segment(code)}/years/${year}/rounds`,
      round,
      {
        context: silent(),
      },
    );
  }

  closeRound(id: string, version: number): Observable<MonitoringRound> {
    return this.http.post<MonitoringRound>(`${API}/rounds/${segment(id)}/close`, { version });
  }

  audit(filters: AuditFilters, page: number, pageSize: number): Observable<AuditPage> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    for (const [key, value] of Object.entries(filters)) {
      if (typeof value === 'string' && value.trim()) params = params.set(key, value.trim());
    }
    return this.http.get<AuditPage>(`${API}/audit`, { params });
  }

  correctTarget(
    indicatorId: string,
    correction: TargetCorrection,
  ): Observable<{ id: string; version: number; target: Target }> {
    return this.http.put<{ id: string; version: number; target: Target }>(
      `${API}/indicators/${segment(indicatorId)}/target`,
      correction,
      { context: silent() },
    );
  }
}
