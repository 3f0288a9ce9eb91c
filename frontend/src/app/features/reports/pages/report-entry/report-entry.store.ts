import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import {
  type Light,
  DEFAULT_UI_LOCALE,
  type ReportWarning,
  budgetStatus,
  composeIn,
  paceOf,
  parseMoneyYuan,
  type StatusAsOf,
  yearOf,
  yuanToWan,
} from '@jixiao/domain';
import {
  type Observable,
  type Subscription,
  catchError,
  defer,
  finalize,
  forkJoin,
  from,
  map,
  mergeMap,
  of,
  switchMap,
  tap,
  toArray,
} from 'rxjs';

import { ACTIVE_LOCALE } from '../../../../core/i18n/provide-locale';
import { localizeGoals } from '../../../../shared/goals/localized-goals';
import { apiErrorCode, apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap, conflictCurrent } from '../../../../shared/http/api-field-errors';
import { MESSAGES } from '../../../../shared/i18n/messages';
import {
  type AnnualIndicator,
  type BudgetExecutionRow,
  type DeviationReason,
  type EvidenceFile,
  PERIOD_PATTERN,
  type PeriodLock,
  type PeriodStatus,
  type ProjectMonitoring,
  type ReportRow,
  type SavedReport,
  annualIndicators,
  monthOf,
} from '../../monitoring.models';
import {
  type FieldErrors,
  type LiveLight,
  REPORT_FIELDS,
  type ReportField,
  type ReportValues,
  changedFields,
  liveLight,
  previousReading,
  reportBody,
  sameValues,
  valuesOf,
} from '../../report-draft';
import { DepartmentsApi } from '../../../../core/api/departments.api';
import { ReportsApi } from '../../reports.api';
import {
  type EntryPreview,
  type PasteField,
  type PlanText,
  type PreviewCell,
  parseClipboardTable,
  planPaste,
} from '../../entry-paste';
import { type CarryOver, type CarryRow, carryOverCells, carryOverOf } from '../../same-as-last';

/** What someone else saved while this row was being edited (a 409). */
export interface RowConflict {
  readonly theirs: ReportValues;
  /** The version to save against; 0 when the stored row no longer exists. */
  readonly version: number;
  readonly exists: boolean;
  readonly fields: readonly ReportField[];
  readonly message: string;
}

/** One annual indicator's line of the grid. */
export interface EntryRow {
  readonly item: AnnualIndicator;
  /** What is in the inputs now. */
  readonly values: ReportValues;
  /** What the server holds as far as this page knows; the row is dirty when values differ. */
  readonly saved: ReportValues;
  /** Version of this period's stored report; 0 when there is none yet. */
  readonly version: number;
  /** The latest report of an earlier month, shown as a hint while typing and after saving. */
  readonly previous: { readonly period: string; readonly actualRaw: string } | null;
  /** Warnings stored with this month's report, and whether they were acknowledged on a submit. */
  readonly warnings: readonly ReportWarning[];
  readonly warningsAcknowledged: boolean;
  /** Marked by the submit pre-check: nothing reported yet. */
  readonly missing: boolean;
  readonly errors: FieldErrors;
  readonly rowError: string | null;
  readonly conflict: RowConflict | null;
  readonly saving: boolean;
  readonly evidence: readonly EvidenceFile[];
  readonly uploading: boolean;
}

export interface BudgetState {
  /** 当年预算 (元). */
  readonly budgetYuan: number;
  readonly executed: string;
  readonly note: string;
  readonly savedExecuted: string;
  readonly savedNote: string;
  readonly version: number;
  readonly error: string | null;
  readonly conflict: { readonly executed: string; readonly note: string; readonly version: number } | null;
  readonly conflictMessage: string | null;
  readonly saving: boolean;
}

export interface BudgetView {
  readonly light: Light | null;
  readonly reason: string;
  readonly explanation: string | null;
  /** 执行率 % */
  readonly rate: number | null;
  /** 时间进度 % */
  readonly pace: number;
}

export interface SaveOutcome {
  readonly saved: number;
  readonly failed: number;
}

/**
 * What the grid is opened on, as far as the page shows it: a project, or a department's department-wide goals
 * (部门整体, docs/domain.md §11), which have no budget of their own.
 */
export interface EntrySubject {
  readonly name: string;
}

/** What `ready` needs of the month's unit: its goals, its months and, for a project, its budget execution. */
type EntryUnit = Pick<ProjectMonitoring, 'goals' | 'reportPeriods'> & {
  readonly budgetExecution: ProjectMonitoring['budgetExecution'] | null;
};

export type EntryLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly project: EntrySubject }
  | { readonly status: 'error'; readonly message: string };

const SAVE_CONCURRENCY = 4;

/** 截至本期执行数 as typed, in 元: "350万", "350 万元" are 万元, "3,500,000" is 元 (libs/domain parseMoneyYuan). */
export function parseYuan(text: string): number | null {
  return text.trim() ? (parseMoneyYuan(text) ?? null) : null;
}

/** An amount in 元 shown as typed in the grid: 万元, like every other page. */
export const wanText = (yuan: number): string => `${yuanToWan(yuan)}万`;

/**
 * State of the entry grid for one project and month: the rows as typed, their live lights, budget execution,
 * and saving, submitting and conflicts. Provided by the entry page, so it lives as long as the page.
 */
@Injectable()
export class ReportEntryStore {
  private readonly api = inject(ReportsApi);
  private readonly departments = inject(DepartmentsApi);
  private readonly msg = inject(MESSAGES);
  private readonly locale = inject(ACTIVE_LOCALE);
  private loading: Subscription | null = null;

  readonly projectId = signal('');
  /** The department's code when the month is its department-wide goals' (部门整体); null for a project. */
  readonly overallCode = signal<string | null>(null);
  readonly period = signal('');
  readonly load = signal<EntryLoad>({ status: 'loading' });
  readonly rows = signal<readonly EntryRow[]>([]);
  readonly budget = signal<BudgetState | null>(null);
  readonly status = signal<PeriodStatus | null>(null);
  readonly periodVersion = signal<number | null>(null);
  readonly returnReason = signal<string | null>(null);
  readonly dueDate = signal<string | null>(null);
  readonly overdue = signal(false);
  readonly adminLock = signal<PeriodLock | null>(null);
  /** The API's words when a save met a lock (423). */
  readonly lockedMessage = signal<string | null>(null);
  readonly saving = signal(false);
  readonly submitting = signal(false);
  readonly submitErrors = signal<readonly string[]>([]);
  /** Values a paste or "same as last month" put into the grid: highlighted until confirmed or cancelled. */
  readonly preview = signal<EntryPreview | null>(null);

  readonly month = computed(() => monthOf(this.period()));
  private readonly asOf = computed<StatusAsOf>(() => ({ year: yearOf(this.period()), month: this.month() }));

  /** The preview's cells by indicator and field, for the grid's highlighting. */
  readonly previewCells = computed(
    () =>
      new Map((this.preview()?.cells ?? []).map((cell) => [previewKey(cell.indicatorId, cell.field), cell])),
  );

  /** What "同上月" would put into each row (null where there is nothing to carry over). */
  readonly carryOvers = computed<readonly (CarryOver | null)[]>(() =>
    this.carryRows().map((row) => carryOverOf(row, this.asOf(), this.planText())),
  );

  /** How many rows not reported yet this month "同上月" for all would fill. */
  readonly carryAllCount = computed(
    () =>
      this.carryOvers().filter((carry, index) => carry && !this.rows()[index]?.values.actual.trim()).length,
  );

  /** Why the grid cannot be edited, or null when it can. */
  readonly readOnlyReason = computed(() => {
    const text = this.msg.entry.readOnly;
    const locked = this.lockedMessage();
    if (locked) return locked;
    const lock = this.adminLock();
    if (lock) return text.locked(lock.reason);
    const status = this.status();
    if (status === 'submitted') return text.submitted;
    if (status === 'approved') return text.approved;
    return null;
  });
  readonly readOnly = computed(() => this.readOnlyReason() !== null);

  readonly lights = computed<readonly LiveLight[]>(() => {
    const month = this.month();
    const asOf = { year: yearOf(this.period()), month };
    const text = {
      notEntered: this.msg.entry.notEntered,
      valueUnreadable: this.msg.entry.valueUnreadable,
    };
    // In the screen's language (docs/domain.md §12): the same libs/domain call as the API's, another table.
    return composeIn(this.locale, () =>
      this.rows().map((row) =>
        liveLight(
          row.item.indicator,
          asOf,
          row.values,
          text,
          previousReading(row.item.indicator.target, row.previous),
        ),
      ),
    );
  });

  /** Each row's warnings: as the API will store them while the row is edited, else as stored. */
  readonly warnings = computed<readonly (readonly ReportWarning[])[]>(() => {
    const lights = this.lights();
    return this.rows().map((row, index) =>
      isDirty(row)
        ? (lights[index]?.warnings ?? [])
        : this.locale === DEFAULT_UI_LOCALE
          ? row.warnings
          : localizeWarnings(row.warnings, lights[index]?.warnings),
    );
  });

  /** Rows whose warnings must be acknowledged when submitting (all of them, once edited again). */
  readonly unacknowledged = computed(() => {
    const warnings = this.warnings();
    return this.rows()
      .map((row, index) => ({ row, warnings: warnings[index] }))
      .filter(({ row, warnings }) => warnings.length > 0 && (isDirty(row) || !row.warningsAcknowledged));
  });

  readonly budgetView = computed<BudgetView | null>(() => {
    const budget = this.budget();
    if (!budget) return null;
    const month = this.month();
    const pace = paceOf(month);
    const executed = parseYuan(budget.executed);
    if (budget.executed.trim() && executed === null)
      return { light: null, reason: this.msg.entry.budget.invalid, explanation: null, rate: null, pace };
    // libs/domain budgetStatus, as the API lights it: grey until entered, undetermined against a budget of 0.
    const result = composeIn(this.locale, () =>
      budgetStatus({ month, executed, budget: Math.max(budget.budgetYuan, 0) }),
    );
    return {
      light: result.light,
      reason: budget.executed.trim() ? result.reason : this.msg.entry.budget.notEntered,
      explanation: result.explanation,
      rate: result.rate,
      pace: result.pace,
    };
  });

  readonly dirtyCount = computed(
    () => this.rows().filter((row) => isDirty(row)).length + (this.budgetDirty(this.budget()) ? 1 : 0),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.loading?.unsubscribe());
  }

  /** (Re)loads the project's month; what was typed is dropped. */
  open(projectId: string, period: string): void {
    this.start(projectId, null, period);
    if (!PERIOD_PATTERN.test(period)) return;
    this.loading = this.api
      .project(projectId, period)
      .pipe(
        switchMap((project) =>
          forkJoin({
            locks: this.locksOf(project.department.code, project.year),
            evidence: this.evidenceOf(project, period),
          }).pipe(map((extra) => ({ project, ...extra }))),
        ),
      )
      .subscribe({
        next: ({ project, locks, evidence }) => this.ready(project, project, period, locks, evidence),
        error: (error: unknown) => this.failed(error),
      });
  }

  /** (Re)loads the department-wide goals' month (部门整体) of the department; what was typed is dropped. */
  openOverall(departmentCode: string, period: string): void {
    this.start('', departmentCode, period);
    if (!PERIOD_PATTERN.test(period)) return;
    const year = yearOf(period);
    this.loading = this.departments
      .year(departmentCode, year, period)
      .pipe(
        switchMap((unit) =>
          forkJoin({
            locks: this.locksOf(departmentCode, year),
            evidence: this.evidenceOf(unit, period),
          }).pipe(map((extra) => ({ unit, ...extra }))),
        ),
      )
      .subscribe({
        next: ({ unit, locks, evidence }) =>
          this.ready(
            { name: this.msg.entry.overallName(unit.department.name) },
            { ...unit, budgetExecution: null },
            period,
            locks,
            evidence,
          ),
        error: (error: unknown) => this.failed(error),
      });
  }

  private start(projectId: string, overallCode: string | null, period: string): void {
    this.loading?.unsubscribe();
    this.projectId.set(projectId);
    this.overallCode.set(overallCode);
    this.period.set(period);
    this.lockedMessage.set(null);
    this.submitErrors.set([]);
    this.rows.set([]);
    this.budget.set(null);
    this.preview.set(null);
    if (!PERIOD_PATTERN.test(period)) {
      this.load.set({ status: 'error', message: this.msg.entry.badPeriod });
      return;
    }
    this.load.set({ status: 'loading' });
  }

  private locksOf(departmentCode: string, year: number): Observable<PeriodLock[]> {
    return this.api.locks(departmentCode, year).pipe(catchError(() => of([] as PeriodLock[])));
  }

  private failed(error: unknown): void {
    this.load.set({ status: 'error', message: apiErrorMessage(error, this.msg.errors) });
  }

  reload(): void {
    const code = this.overallCode();
    if (code === null) this.open(this.projectId(), this.period());
    else this.openOverall(code, this.period());
  }

  setValue(indicatorId: string, field: Exclude<ReportField, 'reasons'>, value: string): void {
    this.patchRow(indicatorId, (row) => ({
      ...row,
      values: { ...row.values, [field]: value },
      errors: withoutKey(row.errors, field),
      missing: false,
    }));
  }

  toggleReason(indicatorId: string, reason: DeviationReason): void {
    this.patchRow(indicatorId, (row) => {
      const reasons = row.values.reasons.includes(reason)
        ? row.values.reasons.filter((item) => item !== reason)
        : [...row.values.reasons, reason];
      return { ...row, values: { ...row.values, reasons }, errors: withoutKey(row.errors, 'reasons') };
    });
  }

  /**
   * A block pasted from a spreadsheet into the row and column `start`: laid onto the rows below, each value read
   * as the API would read it, and shown as a preview. False when there was nothing to fill.
   */
  pasteBlock(start: { readonly row: number; readonly field: PasteField }, text: string): boolean {
    if (this.readOnly()) return false;
    const plan = planPaste(this.carryRows(), start, parseClipboardTable(text), this.asOf(), this.planText());
    if (plan.cells.length === 0) return false;
    this.showPreview(plan);
    return true;
  }

  /** "同上月" for one row: its previous report carried over, straight into the inputs. */
  carryOver(indicatorId: string): void {
    const index = this.rows().findIndex((row) => row.item.indicator.id === indicatorId);
    const carry = this.carryOvers()[index];
    if (!carry || this.readOnly()) return;
    this.patchRow(indicatorId, (row) => ({
      ...row,
      values: { ...row.values, ...carry.values } as ReportValues,
      errors: {},
      missing: false,
    }));
  }

  /** "同上月" for every row not reported yet this month, as a preview to confirm. */
  carryOverAll(): void {
    if (this.readOnly()) return;
    const cells = carryOverCells(this.carryRows(), this.asOf(), this.planText());
    if (cells.length > 0) this.showPreview({ kind: 'carry', cells, extraLines: 0, extraColumns: 0 });
  }

  /** Keeps what the preview put into the grid (to be saved like anything typed). */
  confirmPreview(): void {
    this.preview.set(null);
  }

  /** Puts back what the preview replaced. */
  cancelPreview(): void {
    const cells = this.preview()?.cells ?? [];
    this.preview.set(null);
    this.rows.update((rows) =>
      rows.map((row) => {
        const own = cells.filter((cell) => cell.indicatorId === row.item.indicator.id && cell.applied);
        if (own.length === 0) return row;
        const values = { ...row.values };
        for (const cell of own) Object.assign(values, { [cell.field]: cell.before });
        return { ...row, values };
      }),
    );
  }

  /** After a 409: take the stored version as the base and keep what was typed, so the next save wins. */
  keepMine(indicatorId: string): void {
    this.patchRow(indicatorId, (row) =>
      row.conflict
        ? {
            ...row,
            saved: row.conflict.theirs,
            version: row.conflict.version,
            conflict: null,
            rowError: null,
          }
        : row,
    );
  }

  /** After a 409: drop what was typed and show the stored row. */
  takeTheirs(indicatorId: string): void {
    this.patchRow(indicatorId, (row) =>
      row.conflict
        ? {
            ...row,
            values: row.conflict.theirs,
            saved: row.conflict.theirs,
            version: row.conflict.version,
            conflict: null,
            errors: {},
            rowError: null,
          }
        : row,
    );
  }

  setBudget(field: 'executed' | 'note', value: string): void {
    this.budget.update((budget) => (budget ? { ...budget, [field]: value, error: null } : budget));
  }

  budgetKeepMine(): void {
    this.budget.update((budget) =>
      budget?.conflict
        ? {
            ...budget,
            savedExecuted: budget.conflict.executed,
            savedNote: budget.conflict.note,
            version: budget.conflict.version,
            conflict: null,
            conflictMessage: null,
          }
        : budget,
    );
  }

  budgetTakeTheirs(): void {
    this.budget.update((budget) =>
      budget?.conflict
        ? {
            ...budget,
            executed: budget.conflict.executed,
            note: budget.conflict.note,
            savedExecuted: budget.conflict.executed,
            savedNote: budget.conflict.note,
            version: budget.conflict.version,
            conflict: null,
            conflictMessage: null,
            error: null,
          }
        : budget,
    );
  }

  /**
   * Saves every changed row (PUT with its version) and the budget execution. Rows that fail keep what was
   * typed and show why: field errors, a conflict to resolve, or the lock that stopped them.
   */
  save(): Observable<SaveOutcome> {
    return defer(() => {
      if (this.readOnly()) return of({ saved: 0, failed: 0 });
      const invalid = this.validate();
      if (invalid > 0) return of({ saved: 0, failed: invalid });
      const jobs: Observable<boolean>[] = this.rows()
        .filter((row) => isDirty(row))
        .map((row) => this.saveRow(row));
      if (this.budgetDirty(this.budget())) jobs.push(this.saveBudget());
      if (jobs.length === 0) return of({ saved: 0, failed: 0 });
      this.saving.set(true);
      return from(jobs).pipe(
        mergeMap((job) => job, SAVE_CONCURRENCY),
        toArray(),
        map((results) => ({
          saved: results.filter(Boolean).length,
          failed: results.filter((ok) => !ok).length,
        })),
        finalize(() => this.saving.set(false)),
      );
    });
  }

  /**
   * What the API would refuse a submit for, checked before anything is saved: rows without a value and a missing
   * budget execution are marked. Returns the id of the first marked row (or 'budget'), null when complete.
   */
  precheck(): string | null {
    const rows = this.rows().map((row) => ({ ...row, missing: !row.values.actual.trim() }));
    this.rows.set(rows);
    const missing = rows.filter((row) => row.missing);
    const budget = this.budget();
    const noBudget = budget !== null && !budget.executed.trim();
    if (noBudget) this.budget.set({ ...budget, error: this.msg.entry.budget.notEntered });
    if (missing.length === 0 && !noBudget) return null;
    this.submitErrors.set([
      this.msg.entry.precheck.title,
      ...(missing.length ? [this.msg.entry.precheck.missingRows(missing.length)] : []),
      ...(noBudget ? [this.msg.entry.budget.notEntered] : []),
    ]);
    return missing[0]?.item.indicator.id ?? 'budget';
  }

  /**
   * Saves what changed, then submits the month for review; false when anything stopped it. The caller runs
   * precheck first, so an incomplete month is neither saved nor submitted; `acknowledgeWarnings` confirms the
   * rows' warnings, which the API otherwise refuses the submit for.
   */
  submit(acknowledgeWarnings = false): Observable<boolean> {
    return defer(() => {
      this.submitErrors.set([]);
      if (this.precheck() !== null) return of(false);
      this.submitting.set(true);
      return this.save().pipe(
        switchMap((outcome) => {
          if (outcome.failed > 0) {
            this.submitErrors.set([this.msg.entry.saveFailed(outcome.failed)]);
            return of(false);
          }
          const code = this.overallCode();
          const submitted =
            code === null
              ? this.api.submit(this.projectId(), this.period(), this.periodVersion(), acknowledgeWarnings)
              : this.api.submitOverall(code, this.period(), this.periodVersion(), acknowledgeWarnings);
          return submitted.pipe(
            tap((period) => {
              if (acknowledgeWarnings)
                this.rows.update((rows) => rows.map((row) => ({ ...row, warningsAcknowledged: true })));
              this.status.set(period.status);
              this.periodVersion.set(period.version);
              this.returnReason.set(null);
            }),
            map(() => true),
            catchError((error: unknown) => {
              this.onWorkflowError(error);
              return of(false);
            }),
          );
        }),
        finalize(() => this.submitting.set(false)),
      );
    });
  }

  upload(indicatorId: string, file: File): void {
    const row = this.rows().find((item) => item.item.indicator.id === indicatorId);
    if (!row || this.readOnly()) return;
    if (row.version === 0) {
      this.patchRow(indicatorId, (current) => ({ ...current, rowError: this.msg.entry.evidence.needsSave }));
      return;
    }
    this.patchRow(indicatorId, (current) => ({ ...current, uploading: true, rowError: null }));
    this.api.uploadEvidence(indicatorId, this.period(), file).subscribe({
      next: (saved) =>
        this.patchRow(indicatorId, (current) => ({
          ...current,
          uploading: false,
          evidence: [...current.evidence, saved],
        })),
      error: (error: unknown) => {
        if (apiErrorCode(error) === 'LOCKED') this.lockedMessage.set(apiErrorMessage(error, this.msg.errors));
        this.patchRow(indicatorId, (current) => ({
          ...current,
          uploading: false,
          rowError: this.msg.entry.evidence.failed(apiErrorMessage(error, this.msg.errors)),
        }));
      },
    });
  }

  private ready(
    subject: EntrySubject,
    project: EntryUnit,
    period: string,
    locks: readonly PeriodLock[],
    evidence: ReadonlyMap<string, readonly EvidenceFile[]>,
  ): void {
    const state = project.reportPeriods.find((item) => item.period === period);
    this.status.set(state?.status ?? null);
    this.periodVersion.set(state?.version ?? null);
    this.returnReason.set(state?.status === 'returned' ? state.returnReason : null);
    this.dueDate.set(state?.dueDate ?? null);
    this.overdue.set(state?.overdue ?? false);
    this.adminLock.set(locks.find((lock) => lock.period === period) ?? null);
    this.rows.set(
      // libs/domain's sentences (projections, stored warnings) in the screen's language (docs/domain.md §12).
      annualIndicators({ goals: [...localizeGoals(project.goals, period, this.locale)] }).map(
        (item): EntryRow => {
          const latest = item.indicator.latestReport;
          const current = latest?.period === period ? latest : null;
          const values = valuesOf(current);
          return {
            item,
            values,
            saved: values,
            version: current?.version ?? 0,
            previous: previousOf(item.indicator.history, period),
            warnings: current?.warnings ?? [],
            warningsAcknowledged: current?.warningsAcknowledged ?? false,
            missing: false,
            errors: {},
            rowError: null,
            conflict: null,
            saving: false,
            evidence: evidence.get(item.indicator.id) ?? [],
            uploading: false,
          };
        },
      ),
    );
    this.budget.set(project.budgetExecution && budgetStateOf(project.budgetExecution, period));
    this.load.set({ status: 'ready', project: subject });
  }

  /** Evidence lists of the rows already reported this month; a list that fails to load shows as empty. */
  private evidenceOf(
    project: Pick<ProjectMonitoring, 'goals'>,
    period: string,
  ): Observable<ReadonlyMap<string, readonly EvidenceFile[]>> {
    const reported = annualIndicators(project).filter(
      (item) => item.indicator.latestReport?.period === period,
    );
    if (reported.length === 0) return of(new Map());
    return forkJoin(
      reported.map((item) =>
        this.api.evidence(item.indicator.id, period).pipe(
          catchError(() => of([] as EvidenceFile[])),
          map((files) => [item.indicator.id, files] as const),
        ),
      ),
    ).pipe(map((entries) => new Map(entries)));
  }

  /** Client-side checks the API would make anyway; returns how many rows (or the budget) are invalid. */
  private validate(): number {
    let invalid = 0;
    const lights = this.lights();
    this.rows.update((rows) =>
      rows.map((row, index) => {
        if (!isDirty(row)) return row;
        const errors: FieldErrors = {};
        const light = lights[index];
        if (!row.values.actual.trim()) errors.actual = this.msg.entry.actualRequired;
        else if (light?.actualError) errors.actual = light.actualError;
        if (light?.forecastError) errors.forecast = light.forecastError;
        if (Object.keys(errors).length === 0) return row;
        invalid += 1;
        return { ...row, errors: { ...row.errors, ...errors } };
      }),
    );
    const budget = this.budget();
    if (budget && this.budgetDirty(budget) && parseYuan(budget.executed) === null) {
      invalid += 1;
      this.budget.set({ ...budget, error: this.msg.entry.budget.invalid });
    }
    return invalid;
  }

  private saveRow(row: EntryRow): Observable<boolean> {
    const id = row.item.indicator.id;
    const sent = row.values;
    this.patchRow(id, (current) => ({ ...current, saving: true, rowError: null }));
    return this.api.saveReport(id, this.period(), reportBody(sent, row.version)).pipe(
      map((stored: SavedReport) => {
        // The month exists once a row is saved (草稿): the status tag follows without a reload.
        this.status.set(stored.status);
        this.patchRow(id, (current) => ({
          ...current,
          saved: valuesOf(stored),
          version: stored.version,
          warnings: stored.warnings,
          warningsAcknowledged: stored.warningsAcknowledged,
          saving: false,
          errors: {},
          conflict: null,
        }));
        return true;
      }),
      catchError((error: unknown) => {
        this.patchRow(id, (current) => ({ ...this.rowFailure(current, error), saving: false }));
        return of(false);
      }),
    );
  }

  private rowFailure(row: EntryRow, error: unknown): EntryRow {
    const current = conflictCurrent<ReportRow>(error);
    if (current !== undefined) {
      const theirs = valuesOf(current);
      return {
        ...row,
        conflict: {
          theirs,
          version: current?.version ?? 0,
          exists: current !== null,
          fields: changedFields(theirs, row.values),
          message: apiErrorMessage(error, this.msg.errors),
        },
      };
    }
    if (apiErrorCode(error) === 'LOCKED') {
      this.lockedMessage.set(apiErrorMessage(error, this.msg.errors));
      return row;
    }
    const fields = apiFieldErrorMap(error);
    const errors: FieldErrors = {};
    const other: string[] = [];
    for (const [field, message] of Object.entries(fields)) {
      if ((REPORT_FIELDS as readonly string[]).includes(field)) errors[field as ReportField] = message;
      else other.push(message);
    }
    const hasFieldErrors = Object.keys(errors).length > 0;
    return {
      ...row,
      errors,
      rowError:
        other.length > 0 ? other.join('；') : hasFieldErrors ? null : apiErrorMessage(error, this.msg.errors),
    };
  }

  private saveBudget(): Observable<boolean> {
    const budget = this.budget() as BudgetState;
    const executed = parseYuan(budget.executed) as number;
    this.budget.set({ ...budget, saving: true, error: null });
    return this.api
      .saveBudgetExecution(this.projectId(), this.period(), {
        version: budget.version,
        executed,
        ...(budget.note.trim() ? { note: budget.note.trim() } : {}),
      })
      .pipe(
        map((stored: BudgetExecutionRow) => {
          this.budget.update((current) =>
            current
              ? {
                  ...current,
                  executed: wanText(stored.executedYuan),
                  savedExecuted: wanText(stored.executedYuan),
                  savedNote: stored.note ?? '',
                  version: stored.version,
                  saving: false,
                  conflict: null,
                  conflictMessage: null,
                }
              : current,
          );
          return true;
        }),
        catchError((error: unknown) => {
          this.budget.update((current) =>
            current ? { ...this.budgetFailure(current, error), saving: false } : current,
          );
          return of(false);
        }),
      );
  }

  private budgetFailure(budget: BudgetState, error: unknown): BudgetState {
    const current = conflictCurrent<BudgetExecutionRow>(error);
    if (current !== undefined) {
      return {
        ...budget,
        conflict: {
          executed: current ? wanText(current.executedYuan) : '',
          note: current?.note ?? '',
          version: current?.version ?? 0,
        },
        conflictMessage: apiErrorMessage(error, this.msg.errors),
      };
    }
    if (apiErrorCode(error) === 'LOCKED') {
      this.lockedMessage.set(apiErrorMessage(error, this.msg.errors));
      return budget;
    }
    const fields = apiFieldErrorMap(error);
    return { ...budget, error: Object.values(fields).join('；') || apiErrorMessage(error, this.msg.errors) };
  }

  private onWorkflowError(error: unknown): void {
    if (apiErrorCode(error) === 'LOCKED') {
      this.lockedMessage.set(apiErrorMessage(error, this.msg.errors));
      return;
    }
    const fields = Object.values(apiFieldErrorMap(error));
    const message = apiErrorMessage(error, this.msg.errors);
    this.submitErrors.set(fields.length > 0 ? [message, ...fields] : [message]);
    if (error instanceof HttpErrorResponse && error.status === 409)
      this.submitErrors.update((errors) => [...errors, this.msg.entry.reloadHint]);
  }

  private budgetDirty(budget: BudgetState | null): boolean {
    if (!budget) return false;
    const typed = budget.executed.trim();
    const executedChanged =
      typed === ''
        ? budget.savedExecuted !== ''
        : parseYuan(typed) === null || parseYuan(typed) !== parseYuan(budget.savedExecuted);
    return executedChanged || budget.note.trim() !== budget.savedNote.trim();
  }

  private carryRows(): CarryRow[] {
    return this.rows().map((row) => ({
      indicatorId: row.item.indicator.id,
      indicator: row.item.indicator,
      values: row.values,
      previous: row.previous,
      latest: row.item.indicator.latestReport ?? null,
    }));
  }

  private planText(): PlanText {
    return {
      notEntered: this.msg.entry.notEntered,
      valueUnreadable: this.msg.entry.valueUnreadable,
      likelihoodInvalid: this.msg.entry.grid.paste.likelihoodInvalid,
    };
  }

  /** Puts the preview's values into the inputs; a second paste before confirming adds to the first. */
  private showPreview(next: EntryPreview): void {
    const earlier = this.preview();
    const before = new Map(
      (earlier?.cells ?? []).map((cell) => [previewKey(cell.indicatorId, cell.field), cell]),
    );
    const cells: PreviewCell[] = next.cells.map((cell) => {
      const first = before.get(previewKey(cell.indicatorId, cell.field));
      return first ? { ...cell, before: first.before } : cell;
    });
    const replaced = new Set(cells.map((cell) => previewKey(cell.indicatorId, cell.field)));
    this.preview.set({
      ...next,
      cells: [
        ...(earlier?.cells ?? []).filter((cell) => !replaced.has(previewKey(cell.indicatorId, cell.field))),
        ...cells,
      ],
      extraLines: next.extraLines,
      extraColumns: next.extraColumns,
    });
    const applied = cells.filter((cell) => cell.applied);
    this.rows.update((rows) =>
      rows.map((row) => {
        const own = applied.filter((cell) => cell.indicatorId === row.item.indicator.id);
        if (own.length === 0) return row;
        const values = { ...row.values };
        for (const cell of own) Object.assign(values, { [cell.field]: cell.value });
        return { ...row, values, errors: {}, missing: false };
      }),
    );
  }

  private patchRow(indicatorId: string, change: (row: EntryRow) => EntryRow): void {
    this.rows.update((rows) =>
      rows.map((row) => (row.item.indicator.id === indicatorId ? change(row) : row)),
    );
  }
}

/** The key of a preview cell. */
export const previewKey = (indicatorId: string, field: PasteField): string => `${indicatorId}:${field}`;

/** A row needs saving when its inputs differ from what is stored (a blank row never stored is not dirty). */
export function isDirty(row: EntryRow): boolean {
  return !sameValues(row.values, row.saved);
}

function withoutKey<T extends object>(record: T, key: keyof T): T {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** The project's budget execution of the month as the grid edits it (万元 as typed). */
function budgetStateOf(execution: ProjectMonitoring['budgetExecution'], period: string): BudgetState {
  const stored = execution.periods.find((item) => item.period === period);
  const executed = stored ? wanText(stored.executedYuan) : '';
  return {
    budgetYuan: execution.budgetYuan,
    executed,
    note: stored?.note ?? '',
    savedExecuted: executed,
    savedNote: stored?.note ?? '',
    version: stored?.version ?? 0,
    error: null,
    conflict: null,
    conflictMessage: null,
    saving: false,
  };
}

/** The latest earlier month with a report this year (the history runs from January to the month). */
function previousOf(
  history: readonly { period: string; actualRaw: string | null }[],
  period: string,
): EntryRow['previous'] {
  const earlier = history.filter((point) => point.period < period && point.actualRaw !== null);
  const last = earlier.at(-1);
  return last ? { period: last.period, actualRaw: last.actualRaw as string } : null;
}

/**
 * The warnings stored with a saved row, each in the screen's language: its sentence as recomputed from the same
 * values (same code), else as stored. Which warnings a row has stays the API's.
 */
function localizeWarnings(
  stored: readonly ReportWarning[],
  recomputed: readonly ReportWarning[] | undefined,
): readonly ReportWarning[] {
  return stored.map((warning) => recomputed?.find((w) => w.code === warning.code) ?? warning);
}
