import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { of } from 'rxjs';

import { DepartmentsApi } from '../../../../core/api/departments.api';
import type { ArchivedItem } from '@jixiao/domain';
import {
  apiErrorCode,
  apiErrorMessage,
  apiErrorSummary,
  isApiErrorBody,
} from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { departmentYearSelection } from '../../../../shared/state/department-year-selection';
import { readyValue, requestState } from '../../../../shared/state/request-state';
import { saveResponse } from '../../../../shared/files/file-download';
import { DOWNLOADS, SelfEvaluationApi } from '../../self-evaluation.api';
import type { ImportRowError, TargetImportResult } from '../../self-evaluation.models';

/** The bad cells of a rejected sheet: `details.rows` of the 400. */
export function importRowErrors(error: unknown): ImportRowError[] {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorBody(error.error)) return [];
  const rows = error.error.details?.['rows'];
  return Array.isArray(rows) ? (rows as ImportRowError[]) : [];
}

/**
 * 指标表导入 (admin): a project's annual targets from an Excel sheet in the provincial format, all or nothing;
 * a rejected sheet lists its bad rows.
 */
@Component({
  selector: 'app-targets-import',
  imports: [SHARED_IMPORTS, NzAlertModule],
  templateUrl: './targets-import.component.html',
  styleUrl: './targets-import.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetsImportComponent {
  private readonly api = inject(SelfEvaluationApi);
  private readonly departments = inject(DepartmentsApi);
  private readonly document = inject(DOCUMENT);
  protected readonly msg = inject(MESSAGES);
  protected readonly selection = departmentYearSelection();

  private readonly projectsRequest = computed(
    () => {
      const department = this.selection.department();
      const year = this.selection.year();
      return department && year !== null ? { code: department.code, year } : null;
    },
    { equal: (a, b) => a === b || (!!a && !!b && a.code === b.code && a.year === b.year) },
  );
  private readonly projectsState = requestState(this.projectsRequest, (request) =>
    request ? this.departments.projects(request.code, request.year) : of([]),
  );
  protected readonly projects = computed(() => readyValue(this.projectsState()) ?? []);

  protected readonly projectId = signal<string | null>(null);
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly result = signal<TargetImportResult | null>(null);
  protected readonly error = signal('');
  protected readonly rowErrors = signal<ImportRowError[]>([]);
  /** A 409 IMPORT_NEEDS_CONFIRMATION: the indicators with monitoring data the sheet would archive. */
  protected readonly pendingArchive = signal<ArchivedItem[]>([]);

  protected onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.item(0) ?? null);
  }

  protected downloadTemplate(): void {
    this.api.download(DOWNLOADS.template()).subscribe({
      next: (response) => saveResponse(this.document, response, 'target-template.xlsx'),
      error: (error: unknown) => this.error.set(apiErrorMessage(error, this.msg.errors)),
    });
  }

  protected upload(confirmArchive = false): void {
    const projectId = this.projectId();
    const file = this.file();
    if (!projectId || !file) {
      this.error.set(this.msg.selfEvaluation.import.noFile);
      return;
    }
    this.busy.set(true);
    this.error.set('');
    this.rowErrors.set([]);
    this.pendingArchive.set([]);
    this.result.set(null);
    this.api.importTargets(projectId, file, confirmArchive).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.result.set(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (apiErrorCode(error) === 'IMPORT_NEEDS_CONFIRMATION' && error instanceof HttpErrorResponse) {
          const diff = error.error.details?.['diff'] as { archived: ArchivedItem[] } | undefined;
          this.pendingArchive.set(diff?.archived ?? []);
          return;
        }
        const rows = importRowErrors(error);
        this.rowErrors.set(rows);
        this.error.set(
          rows.length ? apiErrorMessage(error, this.msg.errors) : apiErrorSummary(error, this.msg.errors),
        );
      },
    });
  }
}
