import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  afterNextRender,
  computed,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { forkJoin } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../../shared/http/api-error';
import { ACTIVE_LOCALE } from '../../../../core/i18n/provide-locale';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { departmentYearSelection } from '../../../../shared/state/department-year-selection';
import { readyValue, requestState } from '../../../../shared/state/request-state';
import { EvaluationSheetComponent } from '../../components/evaluation-sheet.component';
import { saveResponse } from '../../../../shared/files/file-download';
import type { EvaluatedSheet } from '@jixiao/domain';
import { type ItemDraft, draftOf, previewSheet } from '../../evaluation-drafts';
import { DOWNLOADS, SelfEvaluationApi } from '../../self-evaluation.api';
import type { SelfEvaluation } from '../../self-evaluation.models';

interface YearRequest {
  readonly code: string;
  readonly year: number;
  readonly attempt: number;
}

/** A sheet ready to print: stored values, previewed exactly as the page shows them. */
interface PrintSheet {
  readonly evaluation: SelfEvaluation;
  readonly drafts: readonly ItemDraft[];
  readonly preview: EvaluatedSheet;
}

export type DownloadKind = 'workbook' | 'report' | 'targets' | 'overall';

/**
 * 绩效自评 of a department's year: every project's 总分, 等级, status and consistency warning, the department as a
 * whole, the downloads (whole-year workbook, Word report, target tables) and a print of every 自评表, one per page.
 */
@Component({
  selector: 'app-self-evaluation-overview',
  imports: [SHARED_IMPORTS, NzAlertModule, EvaluationSheetComponent],
  templateUrl: './overview.component.html',
  styleUrl: './overview.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewComponent {
  private readonly api = inject(SelfEvaluationApi);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly msg = inject(MESSAGES);
  private readonly locale = inject(ACTIVE_LOCALE);
  protected readonly selection = departmentYearSelection();
  private readonly attempt = signal(0);

  private readonly request = computed<YearRequest | null>(
    () => {
      const department = this.selection.department();
      const year = this.selection.year();
      return department && year !== null ? { code: department.code, year, attempt: this.attempt() } : null;
    },
    {
      equal: (a, b) =>
        a === b || (!!a && !!b && a.code === b.code && a.year === b.year && a.attempt === b.attempt),
    },
  );

  protected readonly state = requestState(this.request, (request) =>
    this.api.department(request.code, request.year),
  );
  protected readonly data = computed(() => readyValue(this.state()));
  protected readonly errorMessage = computed(() => {
    const state = this.state();
    return state?.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });
  protected readonly departmentsError = computed(() => {
    const state = this.selection.departments();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');

  protected readonly downloading = signal<DownloadKind | null>(null);
  protected readonly downloadError = signal('');
  protected readonly printSheets = signal<readonly PrintSheet[]>([]);
  protected readonly preparingPrint = signal(false);

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected download(kind: DownloadKind): void {
    const request = this.request();
    if (!request) return;
    const url = DOWNLOADS[kind](request.code, request.year);
    this.downloading.set(kind);
    this.downloadError.set('');
    this.api.download(url).subscribe({
      next: (response) => {
        this.downloading.set(null);
        saveResponse(this.document, response, url.slice(url.lastIndexOf('/') + 1));
      },
      error: (error: unknown) => {
        this.downloading.set(null);
        this.downloadError.set(
          this.msg.format.pair(
            this.msg.selfEvaluation.downloads.failed,
            apiErrorMessage(error, this.msg.errors),
          ),
        );
      },
    });
  }

  /** Loads every project's 自评表 (and the department's), renders them for paper and opens the print dialog. */
  protected printAll(): void {
    const data = this.data();
    if (!data) return;
    this.preparingPrint.set(true);
    forkJoin(
      data.projects.map((project) => this.api.get({ projectId: project.projectId, year: data.year })),
    ).subscribe({
      next: (evaluations) => {
        this.printSheets.set(
          [data.overall, ...evaluations].map((evaluation) => {
            const drafts = evaluation.items.map(draftOf);
            return {
              evaluation,
              drafts,
              preview: previewSheet(evaluation, drafts, evaluation.budget.executedYuan, this.locale),
            };
          }),
        );
        this.preparingPrint.set(false);
        afterNextRender(() => this.document.defaultView?.print(), { injector: this.injector });
      },
      error: (error: unknown) => {
        this.preparingPrint.set(false);
        this.downloadError.set(apiErrorMessage(error, this.msg.errors));
      },
    });
  }
}
