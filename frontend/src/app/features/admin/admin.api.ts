import { HttpClient, HttpContext, type HttpEvent, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { components } from '../../core/api/api-types';
import { SILENT_API_ERRORS } from '../../shared/http/api-error';
import type { PeriodRow, ProjectMonitoring } from '../reports/monitoring.models';

const API = '/api';
const segment = encodeURIComponent;

/** A form that shows its own field errors: no global notification. */
function silent(): HttpContext {
  return new HttpContext().set(SILENT_API_ERRORS, true);
}

type Schemas = components['schemas'];

/** The designated reporter of a department-year's department-wide goals (部门整体填报人). */
export type DepartmentReporter = components['schemas']['DepartmentReporterResponse'];

/** An account as GET /api/users lists it, with the projects it leads. */
export type UserAccount = Schemas['UserResponse'];

export type NewUser = Schemas['CreateUserDto'];

export type UserChange = Schemas['UpdateUserDto'];

export type Department = Schemas['DepartmentResponse'];

export type ProjectWithLeads = Schemas['ProjectSummaryResponse'];

/** Rows of one kind an import creates, updates, archives and restores. */
export type ImportChangeCount = Schemas['ChangeCountResponse'];

export type ImportSummary = Schemas['LoadSummaryResponse'];

/** POST /api/imports answer (a preview wrote nothing). */
export type ImportResult = Schemas['ImportResponse'];

/** preview: only the diff; confirmArchive: the admin accepts archiving rows that carry monitoring data. */
export interface ImportMode {
  readonly preview?: boolean;
  readonly confirmArchive?: boolean;
}

export type PeriodLock = Schemas['PeriodLockResponse'];

/** 监控轮次 */
export type MonitoringRound = Schemas['MonitoringRoundResponse'];

export interface AuditFilters {
  readonly entity?: string;
  readonly id?: string;
  readonly user?: string;
  readonly project?: string;
  readonly action?: readonly string[];
  readonly from?: string;
  readonly to?: string;
}

export type AuditEntry = Schemas['AuditEntryResponse'];

export type AuditPage = Schemas['AuditPageResponse'];

/** GET /api/departments/:code/years/:year: the department-wide goals (部门整体目标) are what admin screens read. */
export type DepartmentYear = Schemas['DepartmentYearResponse'];

/** PUT /api/indicators/:id/target: an admin's structured reading of a target (the raw text never changes). */
export type TargetCorrection = Schemas['TargetCorrectionDto'];

/** Its answer: the indicator's new version and target. */
export type TargetCorrected = Schemas['TargetCorrectionResponse'];

/** GET /api/departments/:code/years/:year/target-review: 目标质量审查 findings, counts and the rule switches. */
export type TargetReview = Schemas['TargetReviewResponse'];

export type TargetReviewFinding = Schemas['ReviewFindingResponse'];

export type TargetReviewRule = Schemas['ReviewRuleResponse'];

/** GET/PUT /api/departments/:code/years/:year/rules: the department-year's 监控规则 (libs/domain RuleSettings). */
export type MonitoringRules = Schemas['RuleSettingsResponse'];

export type RuleSettings = Schemas['RuleSettingsSchema'];

/** POST …/rules/preview: which lights of the latest reported month the proposed rules would change. */
export type RulesPreview = Schemas['RulesPreviewResponse'];

export type LightChange = Schemas['LightChangeResponse'];

/** 确认无误 in bulk: the readings and the versions they were read at; every one or none is confirmed. */
export type TargetConfirmationItem = Schemas['TargetConfirmationItemDto'];
export type TargetsConfirmed = Schemas['TargetConfirmationResponse'];

/** 目标质量审查 at import, with the department-year's rule switches. */
export type ImportTargetReview = Schemas['ImportTargetReviewResponse'];

/** POST …/carry-forward: what next year (结转) was created with. */
export type CarryForward = Schemas['CarryForwardResponse'];

/** A proposed target of a carried-forward year awaiting its lead's confirmation. */
export type PendingProposal = Schemas['PendingProposalResponse'];

export type ProposalConfirmed = Schemas['ProposalConfirmationResponse'];

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

  /** 部门整体填报人 of the department-year; `userId` null gives the department-wide reports back to the admins. */
  assignReporter(code: string, year: number, userId: string | null): Observable<unknown> {
    return this.http.put(
      `${API}/departments/${segment(code)}/years/${year}/reporter`,
      { userId },
      { context: silent() },
    );
  }

  reporter(code: string, year: number): Observable<DepartmentReporter> {
    return this.http.get<DepartmentReporter>(`${API}/departments/${segment(code)}/years/${year}/reporter`);
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

  /** Reopens a submitted or approved department-wide month (部门整体) for correction. */
  unlockOverall(
    code: string,
    year: number,
    period: string,
    reason: string,
    version: number | null,
  ): Observable<PeriodRow> {
    return this.http.post<PeriodRow>(
      `${API}/departments/${segment(code)}/years/${year}/periods/${segment(period)}/unlock`,
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
      if (Array.isArray(value)) for (const item of value as string[]) params = params.append(key, item);
    }
    return this.http.get<AuditPage>(`${API}/audit`, { params });
  }

  confirmTargets(code: string, year: number, items: TargetConfirmationItem[]): Observable<TargetsConfirmed> {
    return this.http.post<TargetsConfirmed>(
      `${API}/departments/${segment(code)}/years/${year}/target-readings/confirm`,
      { items },
      { context: silent() },
    );
  }

  correctTarget(indicatorId: string, correction: TargetCorrection): Observable<TargetCorrected> {
    return this.http.put<TargetCorrected>(`${API}/indicators/${segment(indicatorId)}/target`, correction, {
      context: silent(),
    });
  }

  targetReview(code: string, year: number): Observable<TargetReview> {
    return this.http.get<TargetReview>(`${API}/departments/${segment(code)}/years/${year}/target-review`);
  }

  /** The findings as a workbook, for saving. */
  targetReviewWorkbook(code: string, year: number): Observable<HttpResponse<Blob>> {
    return this.http.get(`${API}/departments/${segment(code)}/years/${year}/target-review.xlsx`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  /** Switches a rule on or off for the department-year; off needs a reason. */
  switchReviewRule(
    code: string,
    year: number,
    ruleId: string,
    change: { enabled: boolean; reason?: string; version: number },
  ): Observable<TargetReviewRule> {
    return this.http.put<TargetReviewRule>(
      `${API}/departments/${segment(code)}/years/${year}/target-review/rules/${segment(ruleId)}`,
      change,
      { context: silent() },
    );
  }

  /** 由本年度生成下一年度 (结转): creates year + 1 from the department-year. */
  carryForward(code: string, year: number): Observable<CarryForward> {
    return this.http.post<CarryForward>(
      `${API}/departments/${segment(code)}/years/${year}/carry-forward`,
      {},
      { context: silent() },
    );
  }

  proposals(code: string, year: number): Observable<PendingProposal[]> {
    return this.http.get<PendingProposal[]>(
      `${API}/departments/${segment(code)}/years/${year}/target-proposals`,
    );
  }

  /** Confirms a proposed target as proposed, or with `target` instead. */
  confirmProposal(indicatorId: string, version: number, target?: string): Observable<ProposalConfirmed> {
    return this.http.post<ProposalConfirmed>(
      `${API}/indicators/${segment(indicatorId)}/confirm-proposal`,
      target === undefined ? { version } : { version, target },
      { context: silent() },
    );
  }

  monitoringRules(code: string, year: number): Observable<MonitoringRules> {
    return this.http.get<MonitoringRules>(`${API}/departments/${segment(code)}/years/${year}/rules`);
  }

  /** Replaces the rules; `version` as read (0 when never saved), stale → 409. Field errors stay with the form. */
  saveMonitoringRules(
    code: string,
    year: number,
    settings: RuleSettings,
    version: number,
  ): Observable<MonitoringRules> {
    return this.http.put<MonitoringRules>(
      `${API}/departments/${segment(code)}/years/${year}/rules`,
      { ...settings, version },
      { context: silent() },
    );
  }

  previewMonitoringRules(code: string, year: number, settings: RuleSettings): Observable<RulesPreview> {
    return this.http.post<RulesPreview>(
      `${API}/departments/${segment(code)}/years/${year}/rules/preview`,
      settings,
      { context: silent() },
    );
  }
}
