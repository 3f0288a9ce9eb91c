import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  DEFAULT_UI_LOCALE,
  DOMAIN_MESSAGES,
  type ReviewRuleId,
  type UiLocale,
  composeIn,
  reviewIndicator,
} from '@jixiao/domain';
import { NzMessageService } from 'ng-zorro-antd/message';
import { type Observable, combineLatest, of, switchMap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { ACTIVE_LOCALE } from '../../../../core/i18n/provide-locale';
import { saveResponse } from '../../../../shared/files/file-download';
import { apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import {
  AdminApi,
  type TargetReview,
  type TargetReviewFinding,
  type TargetReviewRule,
} from '../../admin.api';
import { AdminScope } from '../../admin-scope';
import { ReasonDialogComponent } from '../../components/reason-dialog.component';
import { ScopePickerComponent } from '../../components/scope-picker.component';

/** The project filter's value for the department-wide (部门整体) goals, whose projectId is null. */
export const OVERALL = 'overall';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * 目标质量审查 of a department-year: the findings of the review rules with filters (severity, rule, project),
 * links to the project, the workbook, and the admin's rule switches (off with a reason). Auditors read.
 */
@Component({
  selector: 'app-target-review',
  imports: [SHARED_IMPORTS, ReasonDialogComponent, ScopePickerComponent],
  templateUrl: './target-review.component.html',
  styleUrl: './target-review.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetReviewComponent {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  protected readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);
  protected readonly canEdit = computed(() => this.auth.user()?.role === 'admin');
  protected readonly overall = OVERALL;

  private readonly attempt = signal(0);
  protected readonly state = toSignal(
    combineLatest([toObservable(this.scope.selection), toObservable(this.attempt)]).pipe(
      switchMap(([selection]): Observable<LoadState<TargetReview>> =>
        selection ? toLoadState(this.api.targetReview(selection.code, selection.year)) : of(LOADING),
      ),
    ),
    { initialValue: LOADING as LoadState<TargetReview> },
  );

  private readonly locale = inject(ACTIVE_LOCALE);

  /** The review with libs/domain's sentences in the screen's language (docs/domain.md §12). */
  protected readonly review = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? localizeReview(state.value, this.locale) : null;
  });

  protected readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  // Filters; null shows all.
  protected readonly severity = signal<string | null>(null);
  protected readonly ruleId = signal<string | null>(null);
  protected readonly project = signal<string | null>(null);

  protected readonly findings = computed(() => {
    const severity = this.severity();
    const ruleId = this.ruleId();
    const project = this.project();
    return (this.review()?.findings ?? [])
      .filter((finding) => severity === null || finding.severity === severity)
      .filter((finding) => ruleId === null || finding.ruleId === ruleId)
      .filter((finding) => project === null || (finding.projectId ?? OVERALL) === project)
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  });

  protected readonly severities = ['error', 'warning', 'info'] as const;

  protected link(finding: TargetReviewFinding): string[] {
    return finding.projectId === null ? ['/overall'] : ['/projects', finding.projectId];
  }

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected download(): void {
    const selection = this.scope.selection();
    if (!selection) return;
    this.api
      .targetReviewWorkbook(selection.code, selection.year)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => saveResponse(this.document, response, `target-review-${selection.year}.xlsx`),
        error: (error: unknown) => this.message.error(apiErrorMessage(error, this.msg.errors)),
      });
  }

  // Switching a rule off asks for the reason first.
  protected readonly disabling = signal<TargetReviewRule | null>(null);
  protected readonly switchBusy = signal(false);
  protected readonly switchFieldError = signal<string | null>(null);
  protected readonly switchError = signal<string | null>(null);

  protected askDisable(rule: TargetReviewRule): void {
    this.switchFieldError.set(null);
    this.switchError.set(null);
    this.disabling.set(rule);
  }

  protected cancelDisable(): void {
    if (!this.switchBusy()) this.disabling.set(null);
  }

  protected confirmDisable(reason: string): void {
    const rule = this.disabling();
    if (rule) this.switchRule(rule, false, reason);
  }

  protected enable(rule: TargetReviewRule): void {
    this.switchRule(rule, true);
  }

  private switchRule(rule: TargetReviewRule, enabled: boolean, reason?: string): void {
    const selection = this.scope.selection();
    if (!selection || this.switchBusy()) return;
    this.switchBusy.set(true);
    this.api
      .switchReviewRule(selection.code, selection.year, rule.id, {
        enabled,
        ...(reason === undefined ? {} : { reason }),
        version: rule.version,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.switchBusy.set(false);
          this.disabling.set(null);
          const text = this.msg.admin.targetReview;
          this.message.success(enabled ? text.enabledDone(rule.title) : text.disabledDone(rule.title));
          this.retry();
        },
        error: (error: unknown) => {
          this.switchBusy.set(false);
          const fields = apiFieldErrorMap(error);
          if (!enabled && fields['reason']) this.switchFieldError.set(fields['reason']);
          else if (!enabled) this.switchError.set(apiErrorMessage(error, this.msg.errors));
          else this.message.error(apiErrorMessage(error, this.msg.errors));
        },
      });
  }
}

/**
 * The rules' titles and fix hints from the screen's table; an indicator's finding composed again with libs/domain's
 * reviewIndicator on the indicator the finding names, where that gives the same rule (goal and tree findings, and
 * those needing more than the finding carries, stay as the API composed them).
 */
export function localizeReview(review: TargetReview, locale: UiLocale): TargetReview {
  if (locale === DEFAULT_UI_LOCALE) return review;
  const rules = DOMAIN_MESSAGES[locale].review.rules;
  const text = (id: string) => rules[id as ReviewRuleId];
  const message = (finding: TargetReviewFinding): string => {
    if (finding.indicatorName === null) return finding.message;
    const indicator = {
      level1: finding.level1 ?? '',
      level2: finding.level2 ?? '',
      name: finding.indicatorName,
      target: finding.target ?? '',
    };
    const again = composeIn(locale, () => reviewIndicator(indicator, { year: review.year }));
    return again.find((found) => found.ruleId === finding.ruleId)?.message ?? finding.message;
  };
  return {
    ...review,
    findings: review.findings.map((finding) => ({
      ...finding,
      ...text(finding.ruleId),
      message: message(finding),
    })),
    rules: review.rules.map((rule) => ({ ...rule, ...text(rule.id) })),
  };
}
