import { DOCUMENT, DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { composeReturnReason, monthOf, RETURN_REASONS, type ReturnReason, yearOf } from '@jixiao/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { type Observable, catchError, forkJoin, map, of, switchMap } from 'rxjs';

import { DepartmentsApi } from '../../../../core/api/departments.api';
import { apiErrorCode, apiErrorMessage } from '../../../../shared/http/api-error';
import { saveBlob } from '../../../../shared/files/file-download';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import { ACTIVE_LOCALE } from '../../../../core/i18n/provide-locale';
import { localizeGoals } from '../../../../shared/goals/localized-goals';
import { BudgetInLocalePipe } from '../../../../shared/lights/budget-in-locale.pipe';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { LightBadgeComponent } from '../../../../shared/lights/light-badge.component';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { RemindersStore } from '../../../reminders/reminders.store';
import {
  type AnnualIndicator,
  type EvidenceFile,
  type ProjectMonitoring,
  annualIndicators,
} from '../../../reports/monitoring.models';
import { ReportsApi } from '../../../reports/reports.api';

/** The longest reason the API accepts. */
export const MAX_REASON_LENGTH = 1000;

/** The month's unit: a project, or a department's department-wide goals (部门整体: no budget of their own). */
type ReviewUnit = Pick<ProjectMonitoring, 'name' | 'goals' | 'reportPeriods'> & {
  readonly budgetExecution: ProjectMonitoring['budgetExecution'] | null;
};

interface ReviewData {
  readonly project: ReviewUnit;
  readonly evidence: ReadonlyMap<string, readonly EvidenceFile[]>;
}

/**
 * One submitted month, read-only with the lights as of that month; the leader approves it (the month locks)
 * or returns it with a required reason, which the lead then sees on the entry page and in their reminders.
 * The route marked `overall` reviews a department's department-wide goals' month (部门整体) the same way.
 */
@Component({
  selector: 'app-review-detail',
  imports: [
    BudgetInLocalePipe,
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzResultModule,
    NzSpinModule,
    LightBadgeComponent,
  ],
  templateUrl: './review-detail.component.html',
  styleUrl: './review-detail.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewDetailComponent {
  private readonly api = inject(ReportsApi);
  private readonly departments = inject(DepartmentsApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly reminders = inject(RemindersStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  protected readonly msg = inject(MESSAGES);
  private readonly locale = inject(ACTIVE_LOCALE);

  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  /** The department's code when the month is its department-wide goals'; null for a project. */
  protected readonly overallCode = computed(() =>
    this.route.snapshot.data['overall'] === true ? (this.params().get('code') ?? '') : null,
  );
  protected readonly projectId = computed(() => this.params().get('projectId') ?? '');
  protected readonly period = computed(() => this.params().get('period') ?? '');
  private readonly attempt = signal(0);

  private readonly request = computed(() => ({
    id: this.projectId(),
    code: this.overallCode(),
    period: this.period(),
    attempt: this.attempt(),
  }));

  protected readonly state = toSignal(
    toObservable(this.request).pipe(
      switchMap(({ id, code, period }) =>
        toLoadState(
          this.unit(id, code, period).pipe(
            switchMap((project) =>
              this.evidenceOf(project, period).pipe(map((evidence): ReviewData => ({ project, evidence }))),
            ),
          ),
        ),
      ),
    ),
    { initialValue: LOADING as LoadState<ReviewData> },
  );

  protected readonly data = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value : null;
  });

  protected readonly loadError = computed(() => {
    const state = this.state();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  protected readonly rows = computed<AnnualIndicator[]>(() => {
    const data = this.data();
    // libs/domain's sentences in the screen's language (docs/domain.md §12).
    return data
      ? annualIndicators({ goals: [...localizeGoals(data.project.goals, this.period(), this.locale)] })
      : [];
  });

  protected readonly periodState = computed(
    () => this.data()?.project.reportPeriods.find((item) => item.period === this.period()) ?? null,
  );

  protected readonly execution = computed(
    () => this.data()?.project.budgetExecution?.periods.find((item) => item.period === this.period()) ?? null,
  );

  protected readonly flagged = computed(
    () =>
      this.rows().filter((row) => row.indicator.light === 'red' || row.indicator.light === 'yellow').length,
  );

  /** Set once the month was approved or returned here; the buttons go away. */
  protected readonly decided = signal(false);
  protected readonly canDecide = computed(
    () => this.periodState()?.status === 'submitted' && !this.decided(),
  );
  protected readonly acting = signal(false);

  protected readonly returnOpen = signal(false);
  protected readonly reason = signal('');
  // ng-zorro's checkbox group takes a mutable array.
  protected readonly returnReasons: string[] = [...RETURN_REASONS];
  protected readonly picked = signal<ReturnReason[]>([]);
  protected readonly reasonError = signal<string | null>(null);
  protected readonly returnError = signal<string | null>(null);
  protected readonly maxReason = MAX_REASON_LENGTH;

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected reportOf(row: AnnualIndicator) {
    const report = row.indicator.latestReport;
    return report && report.period === this.period() ? report : null;
  }

  /** 上期: the actual of the latest report before the month, with its month. */
  protected previousOf(row: AnnualIndicator): string | null {
    const previous = row.indicator.previousReport;
    return previous
      ? this.msg.review.detail.previous(
          previous.actualRaw,
          this.msg.monitoring.month(monthOf(previous.period)),
        )
      : null;
  }

  protected evidenceFor(row: AnnualIndicator): readonly EvidenceFile[] {
    return this.data()?.evidence.get(row.indicator.id) ?? [];
  }

  protected approve(): void {
    this.modal.confirm({
      nzTitle: this.msg.review.detail.approve,
      nzContent: this.msg.review.detail.approveConfirm,
      nzOkText: this.msg.review.detail.approve,
      nzOnOk: () => {
        this.acting.set(true);
        const version = this.periodState()?.version ?? null;
        const code = this.overallCode();
        (code === null
          ? this.api.approve(this.projectId(), this.period(), version)
          : this.api.approveOverall(code, this.period(), version)
        )
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe({
            next: () => this.done(this.msg.review.detail.approved),
            // The error interceptor has told the user why.
            error: () => this.acting.set(false),
          });
      },
    });
  }

  protected openReturn(): void {
    this.reason.set('');
    this.picked.set([]);
    this.reasonError.set(null);
    this.returnError.set(null);
    this.returnOpen.set(true);
  }

  protected closeReturn(): void {
    if (!this.acting()) this.returnOpen.set(false);
  }

  protected onReasonInput(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
    this.reasonError.set(null);
  }

  protected onPicked(picked: ReturnReason[]): void {
    this.picked.set(picked);
    this.reasonError.set(null);
  }

  /**
   * 退回 needs a reason, picked from the common ones and/or written (the API stores the one composed text):
   * checked here first, and the API's own field message is shown the same way.
   */
  protected confirmReturn(): void {
    const reason = composeReturnReason(this.picked(), this.reason());
    if (!reason) {
      this.reasonError.set(this.msg.review.returnModal.required);
      return;
    }
    if (reason.length > MAX_REASON_LENGTH) {
      this.reasonError.set(this.msg.review.returnModal.tooLong);
      return;
    }
    this.acting.set(true);
    this.returnError.set(null);
    const version = this.periodState()?.version ?? null;
    const code = this.overallCode();
    (code === null
      ? this.api.returnForRevision(this.projectId(), this.period(), reason, version)
      : this.api.returnOverall(code, this.period(), reason, version)
    )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.returnOpen.set(false);
          this.done(this.msg.review.detail.returned);
        },
        error: (error: unknown) => {
          this.acting.set(false);
          const fields = apiFieldErrorMap(error);
          if (fields['reason']) {
            this.reasonError.set(fields['reason']);
          } else {
            this.returnError.set(apiErrorMessage(error, this.msg.errors));
            if (apiErrorCode(error) === 'VERSION_CONFLICT' || apiErrorCode(error) === 'CONFLICT')
              this.retry();
          }
        },
      });
  }

  protected download(file: EvidenceFile): void {
    this.api
      .downloadEvidence(file.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((blob) => saveBlob(this.document, blob, file.fileName));
  }

  private done(text: string): void {
    this.acting.set(false);
    this.decided.set(true);
    this.message.success(text);
    this.reminders.refresh();
    void this.router.navigate(['/reviews']);
  }

  /** The project, or the department-wide goals of the period's year (部门整体), as of the month. */
  private unit(projectId: string, code: string | null, period: string): Observable<ReviewUnit> {
    if (code === null) return this.api.project(projectId, period);
    return this.departments.year(code, yearOf(period), period).pipe(
      map((year) => ({
        name: this.msg.entry.overallName(year.department.name),
        goals: year.goals,
        reportPeriods: year.reportPeriods,
        budgetExecution: null,
      })),
    );
  }

  private evidenceOf(project: Pick<ProjectMonitoring, 'goals'>, period: string) {
    const reported = annualIndicators(project).filter(
      (item) => item.indicator.latestReport?.period === period,
    );
    if (reported.length === 0) return of(new Map<string, readonly EvidenceFile[]>());
    return forkJoin(
      reported.map((item) =>
        this.api.evidence(item.indicator.id, period).pipe(
          catchError(() => of([] as EvidenceFile[])),
          map((files) => [item.indicator.id, files as readonly EvidenceFile[]] as const),
        ),
      ),
    ).pipe(map((entries) => new Map(entries)));
  }
}
