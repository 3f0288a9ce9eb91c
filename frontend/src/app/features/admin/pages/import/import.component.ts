import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';

import { apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { AdminApi, type ImportResult } from '../../admin.api';
import { MarkdownViewComponent } from '../../markdown/markdown-view.component';

type ImportState =
  | { readonly step: 'idle' }
  | { readonly step: 'uploading'; readonly percent: number }
  | { readonly step: 'processing' }
  | { readonly step: 'done'; readonly result: ImportResult }
  | { readonly step: 'failed'; readonly message: string; readonly details: readonly string[] };

/** Size in KB or MB, as people read file sizes. */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** 导入: upload a department budget document, follow the upload, read the import report. */
@Component({
  selector: 'app-import',
  imports: [NzAlertModule, NzButtonModule, NzIconModule, MarkdownViewComponent],
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

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    input.value = '';
    this.state.set({ step: 'idle' });
  }

  protected upload(): void {
    const file = this.file();
    if (!file) return;
    this.state.set({ step: 'uploading', percent: 0 });
    this.api
      .importDocument(file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            const percent = event.total ? Math.round((event.loaded / event.total) * 100) : 0;
            this.state.set(percent >= 100 ? { step: 'processing' } : { step: 'uploading', percent });
          } else if (event.type === HttpEventType.Response && event.body) {
            this.state.set({ step: 'done', result: event.body });
          }
        },
        error: (error: unknown) =>
          this.state.set({
            step: 'failed',
            message: apiErrorMessage(error, this.msg.errors),
            details: Object.values(apiFieldErrorMap(error)),
          }),
      });
  }
}
