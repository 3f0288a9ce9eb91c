import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';

import { MESSAGES } from '../../../shared/i18n/messages';
import type { EntryPreview } from '../entry-paste';

/**
 * The bar over the 填报 grid while a paste (or "同上月" for all) waits for the lead: how much went in, what
 * cannot be saved or deserves a look, and confirm / cancel. The values themselves are highlighted in the grid.
 */
@Component({
  selector: 'app-entry-preview',
  imports: [NzButtonModule, NzIconModule],
  template: `
    <section class="preview" role="region" [attr.aria-label]="text.region" aria-live="polite">
      <p class="preview-title">
        @if (preview().kind === 'paste') {
          {{ text.title(cellCount(), rowCount()) }}
        } @else {
          {{ msg.entry.grid.paste.carryTitle(rowCount()) }}
        }
      </p>
      <p class="preview-summary">
        @if (errorCount() > 0) {
          <span class="count-error">{{ text.errors(errorCount()) }}</span>
        }
        @if (warningCount() > 0) {
          <span class="count-warning">{{ text.warnings(warningCount()) }}</span>
        }
        @if (errorCount() === 0 && warningCount() === 0) {
          <span>{{ text.allFine }}</span>
        }
        @if (preview().extraLines > 0) {
          <span>{{ text.extraLines(preview().extraLines) }}</span>
        }
        @if (preview().extraColumns > 0) {
          <span>{{ text.extraColumns(preview().extraColumns) }}</span>
        }
      </p>
      @if (problems().length > 0) {
        <ul class="problems">
          @for (problem of problems(); track $index) {
            <li [class]="'problem problem-' + problem.severity">{{ problem.text }}</li>
          }
        </ul>
      }
      <div class="preview-actions">
        <button nz-button nzType="primary" type="button" class="confirm-preview" (click)="confirmed.emit()">
          <nz-icon nzType="check" />{{ text.confirm }}
        </button>
        <button nz-button type="button" class="cancel-preview" (click)="cancelled.emit()">
          <nz-icon nzType="rollback" />{{ text.cancel }}
        </button>
      </div>
    </section>
  `,
  styles: `
    .preview {
      margin-bottom: 12px;
      padding: 12px 16px;
      border: 1px solid #91caff;
      border-radius: 6px;
      background: #f0f7ff;
    }
    .preview-title {
      margin: 0 0 4px;
      font-weight: 600;
    }
    .preview-summary {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 0 0 8px;
    }
    .count-error,
    .problem-error {
      color: #cf1322;
    }
    .count-warning,
    .problem-warning {
      color: #874d00;
    }
    .problems {
      margin: 0 0 8px;
      padding-left: 20px;
      font-size: 13px;
    }
    .preview-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntryPreviewComponent {
  protected readonly msg = inject(MESSAGES);
  protected readonly text = this.msg.entry.grid.paste;

  readonly preview = input.required<EntryPreview>();
  /** Indicator names by id, to say where each problem is. */
  readonly names = input.required<ReadonlyMap<string, string>>();
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();

  protected readonly cellCount = computed(() => this.preview().cells.filter((cell) => cell.applied).length);
  protected readonly rowCount = computed(
    () =>
      new Set(
        this.preview()
          .cells.filter((cell) => cell.applied)
          .map((cell) => cell.indicatorId),
      ).size,
  );
  private readonly allProblems = computed(() =>
    this.preview().cells.flatMap((cell) =>
      cell.problems.map((problem) => ({
        severity: problem.severity,
        text: this.text.problem(
          this.names().get(cell.indicatorId) ?? '',
          this.msg.entry.fields[cell.field],
          cell.applied ? problem.message : `${problem.message}（${this.text.notApplied}）`,
        ),
      })),
    ),
  );
  protected readonly problems = computed(() =>
    [...this.allProblems()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
  );
  protected readonly errorCount = computed(
    () => this.allProblems().filter((problem) => problem.severity === 'error').length,
  );
  protected readonly warningCount = computed(
    () => this.allProblems().filter((problem) => problem.severity === 'warning').length,
  );
}
