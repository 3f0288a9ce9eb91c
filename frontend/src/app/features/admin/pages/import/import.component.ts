import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import {
  type ArchivedItem,
  type ChangeItem,
  type ImportDiff,
  needsArchiveConfirmation,
} from '@jixiao/domain';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';

import { apiErrorCode, apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { AdminApi, type ImportMode, type ImportResult, type ImportSummary } from '../../admin.api';
import { MarkdownViewComponent } from '../../markdown/markdown-view.component';
import { ImportReviewComponent } from './import-review.component';

type ImportState =
  | { readonly step: 'idle' }
  | { readonly step: 'uploading'; readonly percent: number }
  | { readonly step: 'processing' }
  | { readonly step: 'previewed'; readonly result: ImportResult; readonly changedSincePreview: boolean }
  | { readonly step: 'done'; readonly result: ImportResult }
  | { readonly step: 'failed'; readonly message: string; readonly details: readonly string[] };

type ChangeKind = keyof ImportDiff;

/** One line of the diff table; counts only on archived rows. */
export interface DiffRow {
  readonly change: ChangeKind;
  readonly item: ChangeItem;
  readonly counts: ArchivedItem | null;
}

const CHANGE_ORDER: readonly ChangeKind[] = ['archived', 'restored', 'created', 'updated'];

/** The diff as table rows: archived first (what needs a look), then restored, created, updated. */
export function diffRows(diff: ImportDiff): DiffRow[] {
  return CHANGE_ORDER.flatMap((change) =>
    diff[change].map((item) => ({
      change,
      item,
      counts: change === 'archived' ? (item as ArchivedItem) : null,
    })),
  );
}

/** Size in KB or MB, as people read file sizes. */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * 导入: upload a department budget document as a preview first, read what it would create, update, archive and
 * restore, then confirm (with confirmArchive when archived rows carry monitoring data) and read the report.
 */
@Component({
  selector: 'app-import',
  imports: [NzAlertModule, NzButtonModule, NzIconModule, MarkdownViewComponent, ImportReviewComponent],
  templateUrl: './import.component.html',
  styleUrl: './import.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportComponent {
  private readonly api = inject(AdminApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly msg = inject(MESSAGES);
  protected readonly fileSize = fileSize;

  protected readonly file = signal<File | null>(null);
  protected readonly state = signal<ImportState>({ step: 'idle' });
  private lastPreview: ImportResult | null = null;
  protected readonly rows = computed(() => {
    const current = this.state();
    return current.step === 'previewed' && current.result.summary
      ? diffRows(current.result.summary.diff)
      : [];
  });
  /** Applying archives rows with monitoring data: the button says so and sends confirmArchive=true. */
  protected readonly needsConfirmation = computed(() => {
    const current = this.state();
    return (
      current.step === 'previewed' &&
      !!current.result.summary &&
      needsArchiveConfirmation(current.result.summary.diff)
    );
  });
  protected readonly countKeys = ['projects', 'goals', 'indicators'] as const;
  protected countsOf(summary: ImportSummary | null, key: (typeof this.countKeys)[number]) {
    return summary ? summary[key] : null;
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    input.value = '';
    this.state.set({ step: 'idle' });
  }

  /** First step: the same import, rolled back by the server; nothing is written. */
  protected upload(): void {
    this.send({ preview: true });
  }

  protected apply(): void {
    this.send({ confirmArchive: this.needsConfirmation() });
  }

  protected cancel(): void {
    this.state.set({ step: 'idle' });
  }

  private send(mode: ImportMode): void {
    const file = this.file();
    if (!file) return;
    this.state.set({ step: 'uploading', percent: 0 });
    this.api
      .importDocument(file, mode)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            const percent = event.total ? Math.round((event.loaded / event.total) * 100) : 0;
            this.state.set(percent >= 100 ? { step: 'processing' } : { step: 'uploading', percent });
          } else if (event.type === HttpEventType.Response && event.body) {
            const result = event.body;
            if (result.preview) this.lastPreview = result;
            this.state.set(
              result.preview && !result.unchanged
                ? { step: 'previewed', result, changedSincePreview: false }
                : { step: 'done', result },
            );
          }
        },
        error: (error: unknown) => {
          // Someone changed the data between preview and apply: show the new diff and ask again.
          if (apiErrorCode(error) === 'IMPORT_NEEDS_CONFIRMATION' && error instanceof HttpErrorResponse) {
            const { summary } = error.error.details as { summary: ImportSummary };
            this.state.set({
              step: 'previewed',
              result: { ...(this.lastPreview as ImportResult), summary },
              changedSincePreview: true,
            });
            return;
          }
          const message = apiErrorMessage(error, this.msg.errors);
          this.state.set({
            step: 'failed',
            message,
            // A field message that only repeats the message is said once.
            details: Object.values(apiFieldErrorMap(error)).filter((detail) => !message.includes(detail)),
          });
        },
      });
  }
}
