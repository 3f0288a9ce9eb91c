import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import type { Observable } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { apiErrorCode, apiErrorMessage, apiErrorSummary } from '../../../../shared/http/api-error';
import { conflictCurrent } from '../../../../shared/http/api-field-errors';
import { ACTIVE_LOCALE } from '../../../../core/i18n/provide-locale';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { readyValue, requestState } from '../../../../shared/state/request-state';
import { type DraftPatch, EvaluationSheetComponent } from '../../components/evaluation-sheet.component';
import { saveResponse } from '../../../../shared/files/file-download';
import { type ItemDraft, draftOf, previewSheet } from '../../evaluation-drafts';
import { DOWNLOADS, type EvaluationRef, SelfEvaluationApi } from '../../self-evaluation.api';
import type { SelfEvaluation, SelfEvaluationChange } from '../../self-evaluation.models';

interface SheetRequest {
  readonly ref: EvaluationRef;
  readonly attempt: number;
}

type ReasonAction = 'return' | 'unlock';

const sameNumber = (a: number | null | undefined, b: number | null | undefined): boolean =>
  (a ?? null) === (b ?? null);

/**
 * 自评表 of a project (/self-evaluation/:projectId/:year) or of the department as a whole
 * (/self-evaluation/department/:code/:year): the lead types actuals, 定性 scores, deviations and the 全年执行数
 * while the scores preview live (libs/domain); the admin sets 分值; the leader approves or returns. A save that
 * meets another's change (409) shows the stored state and keeps what was typed; a lock (423) makes it read-only.
 */
@Component({
  selector: 'app-self-evaluation-sheet',
  imports: [SHARED_IMPORTS, NzAlertModule, NzInputModule, NzModalModule, EvaluationSheetComponent],
  templateUrl: './sheet.component.html',
  styleUrl: './sheet.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SheetComponent {
  private readonly api = inject(SelfEvaluationApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  protected readonly msg = inject(MESSAGES);
  private readonly locale = inject(ACTIVE_LOCALE);

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  private readonly attempt = signal(0);

  private readonly request = computed<SheetRequest | null>(
    () => {
      const params = this.params();
      const year = Number(params.get('year'));
      const projectId = params.get('projectId');
      const code = params.get('code');
      if (!Number.isInteger(year)) return null;
      const ref: EvaluationRef | null = projectId ? { projectId, year } : code ? { code, year } : null;
      return ref ? { ref, attempt: this.attempt() } : null;
    },
    {
      equal: (a, b) => a === b || (!!a && !!b && JSON.stringify(a) === JSON.stringify(b)),
    },
  );

  protected readonly state = requestState(this.request, (request) => this.api.get(request.ref));
  protected readonly errorMessage = computed(() => {
    const state = this.state();
    return state?.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  /** The evaluation as stored: loaded, or as the last write (or a 409) returned it. */
  protected readonly evaluation = signal<SelfEvaluation | null>(null);
  protected readonly drafts = signal<readonly ItemDraft[]>([]);
  protected readonly executed = signal<number | null>(null);
  protected readonly overallResult = signal('');

  protected readonly busy = signal(false);
  protected readonly conflict = signal(false);
  protected readonly lockedMessage = signal('');
  protected readonly error = signal('');
  protected readonly notice = signal('');

  protected readonly reasonAction = signal<ReasonAction | null>(null);
  protected readonly reason = signal('');
  protected readonly reasonError = signal('');

  private readonly role = computed(() => this.auth.user()?.role ?? null);
  private readonly open = computed(() => {
    const status = this.evaluation()?.status;
    return (status === 'draft' || status === 'returned') && !this.lockedMessage();
  });
  /** The writer of the values: a project's lead (the API checks the assignment), the admin department-wide. */
  protected readonly editValues = computed(() => {
    const evaluation = this.evaluation();
    if (!evaluation || !this.open()) return false;
    return evaluation.scope === 'project' ? this.role() === 'lead' : this.role() === 'admin';
  });
  protected readonly editWeights = computed(() => this.open() && this.role() === 'admin');
  protected readonly canSubmit = computed(() => {
    const evaluation = this.evaluation();
    return (
      !!evaluation &&
      this.open() &&
      (evaluation.scope === 'project' ? this.role() === 'lead' : this.role() === 'admin')
    );
  });
  protected readonly canReview = computed(
    () => this.evaluation()?.status === 'submitted' && this.role() === 'leader' && !this.lockedMessage(),
  );
  protected readonly canUnlock = computed(() => {
    const status = this.evaluation()?.status;
    return (status === 'submitted' || status === 'approved') && this.role() === 'admin';
  });
  protected readonly lockNote = computed(() => {
    if (this.lockedMessage()) return this.lockedMessage();
    const status = this.evaluation()?.status;
    if (status === 'submitted') return this.msg.selfEvaluation.lockedSubmitted;
    if (status === 'approved') return this.msg.selfEvaluation.lockedApproved;
    return '';
  });

  protected readonly preview = computed(() => {
    const evaluation = this.evaluation();
    return evaluation ? previewSheet(evaluation, this.drafts(), this.executed(), this.locale) : null;
  });

  protected readonly change = computed<SelfEvaluationChange | null>(() => this.changeOf());
  protected readonly dirty = computed(() => {
    const change = this.change();
    return !!change && Object.keys(change).length > 1;
  });

  /** After a 409: the rows whose stored value now differs from what was typed. */
  protected readonly storedDiffers = computed(() => {
    const evaluation = this.evaluation();
    if (!this.conflict() || !evaluation) return [];
    const drafts = this.drafts();
    return evaluation.items
      .map((item, index) => ({ item, draft: drafts[index] }))
      .filter(({ item, draft }) => draft && draft.actual !== (item.actual ?? ''))
      .map(({ item }) => ({ name: item.name, actual: item.actual ?? '' }));
  });

  constructor() {
    effect(() => {
      const loaded = readyValue(this.state());
      if (loaded) this.reset(loaded);
    });
  }

  protected onDraft({ index, patch }: DraftPatch): void {
    this.drafts.update((drafts) =>
      drafts.map((draft, at) => (at === index ? { ...draft, ...patch } : draft)),
    );
  }

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected save(): void {
    const change = this.change();
    const ref = this.request()?.ref;
    if (!change || !ref) return;
    this.run(this.api.save(ref, change), this.msg.selfEvaluation.actions.saved);
  }

  protected submit(): void {
    const evaluation = this.evaluation();
    const ref = this.request()?.ref;
    if (!evaluation || !ref) return;
    if (this.dirty()) {
      this.error.set(this.msg.selfEvaluation.saveBeforeSubmit);
      return;
    }
    this.run(this.api.submit(ref, evaluation.version), this.msg.selfEvaluation.actions.submitted);
  }

  protected approve(): void {
    const evaluation = this.evaluation();
    const ref = this.request()?.ref;
    if (!evaluation || !ref) return;
    this.run(this.api.approve(ref, evaluation.version), this.msg.selfEvaluation.actions.approved);
  }

  protected askReason(action: ReasonAction): void {
    this.reason.set('');
    this.reasonError.set('');
    this.reasonAction.set(action);
  }

  protected confirmReason(): void {
    const action = this.reasonAction();
    const evaluation = this.evaluation();
    const ref = this.request()?.ref;
    const reason = this.reason().trim();
    if (!action || !evaluation || !ref) return;
    if (!reason) {
      this.reasonError.set(this.msg.selfEvaluation.actions.reasonPlaceholder);
      return;
    }
    const call =
      action === 'return'
        ? this.api.returnForRevision(ref, evaluation.version, reason)
        : this.api.unlock(ref, evaluation.version, reason);
    this.run(
      call,
      action === 'return'
        ? this.msg.selfEvaluation.actions.returned
        : this.msg.selfEvaluation.actions.unlocked,
      () => this.reasonAction.set(null),
    );
  }

  protected download(): void {
    const evaluation = this.evaluation();
    const ref = this.request()?.ref;
    if (!evaluation || !ref) return;
    const url =
      'projectId' in ref ? DOWNLOADS.project(ref.projectId, ref.year) : DOWNLOADS.overall(ref.code, ref.year);
    this.api.download(url).subscribe({
      next: (response) => saveResponse(this.document, response, `${ref.year}.xlsx`),
      error: (error: unknown) => this.error.set(apiErrorMessage(error, this.msg.errors)),
    });
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  private run(call: Observable<SelfEvaluation>, done: string, after?: () => void): void {
    this.busy.set(true);
    this.error.set('');
    this.notice.set('');
    call.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.reset(saved);
        this.notice.set(done);
        after?.();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.fail(error);
      },
    });
  }

  private fail(error: unknown): void {
    const current = conflictCurrent<SelfEvaluation>(error);
    if (current) {
      // Show the stored state (and its version, so the next save can overwrite knowingly), keep what was typed.
      this.evaluation.set(current);
      this.conflict.set(true);
      this.error.set(this.msg.selfEvaluation.conflict);
      return;
    }
    if (apiErrorCode(error) === 'LOCKED' || (error instanceof HttpErrorResponse && error.status === 423)) {
      this.lockedMessage.set(apiErrorMessage(error, this.msg.errors));
      this.reasonAction.set(null);
      return;
    }
    const message = apiErrorSummary(error, this.msg.errors);
    if (this.reasonAction()) this.reasonError.set(message);
    else this.error.set(message);
  }

  private reset(evaluation: SelfEvaluation): void {
    this.evaluation.set(evaluation);
    this.drafts.set(evaluation.items.map(draftOf));
    this.executed.set(evaluation.budget.executedYuan);
    this.overallResult.set(evaluation.overallResult ?? '');
    this.conflict.set(false);
    this.lockedMessage.set('');
  }

  /** Only what differs from the stored evaluation, and only the fields this user may write. */
  private changeOf(): SelfEvaluationChange | null {
    const evaluation = this.evaluation();
    if (!evaluation) return null;
    const values = this.editValues();
    const weights = this.editWeights();
    const drafts = this.drafts();
    const bands = (this.preview()?.items ?? []).map((preview) => preview.band !== null);
    const change: SelfEvaluationChange = { version: evaluation.version };
    const items: NonNullable<SelfEvaluationChange['items']> = [];
    evaluation.items.forEach((item, index) => {
      const draft = drafts[index];
      if (!draft) return;
      const row: NonNullable<SelfEvaluationChange['items']>[number] = { indicatorId: item.indicatorId };
      if (values) {
        if (draft.actual.trim() !== (item.actual ?? '')) row.actual = draft.actual.trim() || null;
        // A pick only for a 定性 row as typed now; a formula row scores itself.
        if (!sameNumber(draft.score, item.pickedScore) && (bands[index] || draft.score === null))
          row.score = draft.score;
        if (draft.deviation.trim() !== (item.deviationAnalysis ?? ''))
          row.deviationAnalysis = draft.deviation.trim() || null;
      }
      if (weights && !sameNumber(draft.weight, item.weight)) row.weight = draft.weight;
      if (Object.keys(row).length > 1) items.push(row);
    });
    if (items.length) change.items = items;
    if (values) {
      if (!sameNumber(this.executed(), evaluation.budget.executedYuan)) change.executedYuan = this.executed();
      if (this.overallResult().trim() !== (evaluation.overallResult ?? ''))
        change.overallResult = this.overallResult().trim() || null;
    }
    return change;
  }
}
