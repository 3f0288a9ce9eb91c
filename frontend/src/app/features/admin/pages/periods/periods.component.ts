import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { type Observable, combineLatest, forkJoin, map, of, switchMap } from 'rxjs';

import { DepartmentsApi } from '../../../../core/api/departments.api';
import { AuthService } from '../../../../core/auth/auth.service';
import { MonitoringFormDownloadsComponent } from '../../../../shared/files/monitoring-form-downloads.component';
import { apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { dateOfIsoDay, isoDay } from '../../../../shared/time/day';
import type { ReportPeriodState } from '../../../reports/monitoring.models';
import { AdminApi, type MonitoringRound, type PeriodLock, type ProjectWithLeads } from '../../admin.api';
import { AdminScope } from '../../admin-scope';
import { ReasonDialogComponent } from '../../components/reason-dialog.component';
import { CarryForwardComponent } from './carry-forward.component';
import { ScopePickerComponent } from '../../components/scope-picker.component';
import { periodOf } from '@jixiao/domain';

interface PeriodsData {
  readonly locks: readonly PeriodLock[];
  readonly rounds: readonly MonitoringRound[];
  readonly projects: readonly ProjectWithLeads[];
}

/** What the reason dialog is asked for. */

/** The unlock picker's value for the department-wide goals (部门整体); project ids are uuids, so it cannot clash. */
export const OVERALL_UNIT = 'overall';
type ReasonAction =
  | { readonly kind: 'lock'; readonly period: string }
  | { readonly kind: 'release'; readonly period: string }
  | { readonly kind: 'unlock'; readonly period: string; readonly version: number | null };

/**
 * 期间锁定 and 监控轮次 of a department-year: lock or release a month for every project, open and close named
 * rounds, and unlock one project's submitted or approved month. Auditors see the lists only.
 */
@Component({
  selector: 'app-periods',
  imports: [
    SHARED_IMPORTS,
    DatePipe,
    NzAlertModule,
    NzDatePickerModule,
    NzInputModule,
    NzModalModule,
    CarryForwardComponent,
    ReasonDialogComponent,
    ScopePickerComponent,
    MonitoringFormDownloadsComponent,
  ],
  templateUrl: './periods.component.html',
  styleUrl: './periods.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeriodsComponent {
  private readonly api = inject(AdminApi);
  private readonly departments = inject(DepartmentsApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly auth = inject(AuthService);
  protected readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);
  protected readonly canEdit = computed(() => this.auth.user()?.role === 'admin');

  private readonly attempt = signal(0);
  protected readonly state = toSignal(
    combineLatest([toObservable(this.scope.selection), toObservable(this.attempt)]).pipe(
      switchMap(([selection]): Observable<LoadState<PeriodsData>> =>
        selection
          ? toLoadState(
              forkJoin({
                locks: this.api.locks(selection.code, selection.year),
                rounds: this.api.rounds(selection.code, selection.year),
                projects: this.api.projects(selection.code, selection.year),
              }),
            )
          : of(LOADING),
      ),
    ),
    { initialValue: LOADING as LoadState<PeriodsData> },
  );

  protected readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value : null;
  });

  protected readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  /** The twelve months with their lock, if any. */
  protected readonly months = computed(() => {
    const year = this.scope.year();
    if (year === null) return [];
    const locks = this.data()?.locks ?? [];
    return Array.from({ length: 12 }, (_, index) => {
      const period = periodOf(year, index + 1);
      return { period, lock: locks.find((lock) => lock.period === period) ?? null };
    });
  });

  // Opening a round.
  protected readonly roundName = signal('');
  protected readonly roundMonth = signal(new Date().getMonth() + 1);
  protected readonly roundDeadline = signal('');
  protected readonly roundDeadlineDate = computed(() => dateOfIsoDay(this.roundDeadline()));
  protected readonly roundErrors = signal<Record<string, string>>({});
  protected readonly roundBusy = signal(false);
  protected readonly monthOptions = Array.from({ length: 12 }, (_, index) => index + 1);

  // Unlocking one project's month.
  protected readonly projectId = signal<string | null>(null);
  protected readonly overallUnit = OVERALL_UNIT;
  private readonly projectAttempt = signal(0);
  protected readonly projectPeriods = toSignal(
    combineLatest([toObservable(this.projectId), toObservable(this.projectAttempt)]).pipe(
      switchMap(([id]): Observable<LoadState<ReportPeriodState[]> | null> =>
        id ? toLoadState(this.periodsOf(id).pipe(switchMap((periods) => of([...periods])))) : of(null),
      ),
    ),
    { initialValue: null },
  );
  /** The months of the year with a report in any state; only the submitted and approved ones can be unlocked. */
  protected readonly reported = computed(() => {
    const state = this.projectPeriods();
    return state?.status === 'ready' ? state.value.filter((period) => period.status !== null) : [];
  });
  protected readonly unlockable = computed(() =>
    this.reported().filter((period) => period.status === 'submitted' || period.status === 'approved'),
  );

  // The reason dialog.
  protected readonly action = signal<ReasonAction | null>(null);
  protected readonly actionBusy = signal(false);
  protected readonly actionFieldError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected readonly dialogTitle = computed(() => {
    const action = this.action();
    if (!action) return '';
    const period = this.msg.monitoring.period(action.period);
    const text = this.msg.admin.periods;
    if (action.kind === 'lock') return text.lockTitle(period);
    if (action.kind === 'release') return text.releaseTitle(period);
    const project =
      this.projectId() === OVERALL_UNIT
        ? this.msg.admin.periods.overallUnit
        : (this.data()?.projects.find((item) => item.id === this.projectId())?.name ?? '');
    return text.unlockDialog(project, period);
  });

  protected readonly dialogOk = computed(() => {
    const kind = this.action()?.kind;
    const text = this.msg.admin.periods;
    return kind === 'lock' ? text.lock : kind === 'release' ? text.release : text.unlock;
  });

  /** A project's months, or the department-wide months (部门整体) of the selected year. */
  private periodsOf(unit: string): Observable<readonly ReportPeriodState[]> {
    const selection = this.scope.selection();
    if (unit !== OVERALL_UNIT) return this.api.project(unit).pipe(map((project) => project.reportPeriods));
    if (!selection) return of([]);
    return this.departments.year(selection.code, selection.year).pipe(map((year) => year.reportPeriods));
  }

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected ask(action: ReasonAction): void {
    this.actionFieldError.set(null);
    this.actionError.set(null);
    this.action.set(action);
  }

  protected cancelAction(): void {
    if (!this.actionBusy()) this.action.set(null);
  }

  protected confirmAction(reason: string): void {
    const action = this.action();
    const selection = this.scope.selection();
    if (!action || !selection) return;
    const request: Observable<unknown> =
      action.kind === 'lock'
        ? this.api.lock(selection.code, selection.year, action.period, reason)
        : action.kind === 'release'
          ? this.api.release(selection.code, selection.year, action.period, reason)
          : this.projectId() === OVERALL_UNIT
            ? this.api.unlockOverall(selection.code, selection.year, action.period, reason, action.version)
            : this.api.unlockPeriod(this.projectId() as string, action.period, reason, action.version);
    this.actionBusy.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.actionBusy.set(false);
        this.action.set(null);
        const period = this.msg.monitoring.period(action.period);
        const text = this.msg.admin.periods;
        this.message.success(
          action.kind === 'lock'
            ? text.lockedDone(period)
            : action.kind === 'release'
              ? text.releasedDone(period)
              : text.unlocked(period),
        );
        if (action.kind === 'unlock') this.projectAttempt.update((attempt) => attempt + 1);
        else this.retry();
      },
      error: (error: unknown) => {
        this.actionBusy.set(false);
        const fields = apiFieldErrorMap(error);
        if (fields['reason']) this.actionFieldError.set(fields['reason']);
        else this.actionError.set(apiErrorMessage(error, this.msg.errors));
      },
    });
  }

  protected setRound(field: 'name', event: Event): void {
    this.roundName.set((event.target as HTMLInputElement).value);
    this.clearRoundError(field);
  }

  protected setRoundMonth(month: number): void {
    this.roundMonth.set(month);
    this.clearRoundError('period');
  }

  protected setRoundDeadline(date: Date | null): void {
    this.roundDeadline.set(date ? isoDay(date) : '');
    this.clearRoundError('deadline');
  }

  private clearRoundError(field: string): void {
    this.roundErrors.update((errors) => {
      const { [field]: _removed, ...rest } = errors;
      return rest;
    });
  }

  protected openRound(): void {
    const selection = this.scope.selection();
    if (!selection || this.roundBusy()) return;
    const name = this.roundName().trim();
    const errors: Record<string, string> = {};
    if (!name) errors['name'] = this.msg.admin.users.required(this.msg.admin.periods.roundName);
    if (!this.roundDeadline())
      errors['deadline'] = this.msg.admin.users.required(this.msg.admin.periods.roundDeadline);
    if (Object.keys(errors).length > 0) {
      this.roundErrors.set(errors);
      return;
    }
    this.roundBusy.set(true);
    this.api
      .openRound(selection.code, selection.year, {
        name,
        period: periodOf(selection.year, this.roundMonth()),
        deadline: this.roundDeadline(),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (round) => {
          this.roundBusy.set(false);
          this.roundName.set('');
          this.roundDeadline.set('');
          this.message.success(this.msg.admin.periods.roundOpened(round.name));
          this.retry();
        },
        error: (error: unknown) => {
          this.roundBusy.set(false);
          const fields = apiFieldErrorMap(error);
          this.roundErrors.set(
            Object.keys(fields).length > 0 ? fields : { form: apiErrorMessage(error, this.msg.errors) },
          );
        },
      });
  }

  protected closeRound(round: MonitoringRound): void {
    this.modal.confirm({
      nzTitle: this.msg.admin.periods.closeRound,
      nzContent: this.msg.admin.periods.closeConfirm(round.name),
      nzOkText: this.msg.admin.periods.closeRound,
      nzOnOk: () =>
        this.api
          .closeRound(round.id, round.version)
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe({
            next: () => {
              this.message.success(this.msg.admin.periods.roundClosed(round.name));
              this.retry();
            },
            // The error interceptor has said why; the list may be stale.
            error: () => this.retry(),
          }),
    });
  }
}
