import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NzButtonModule, type NzButtonSize } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { apiErrorMessage } from '../http/api-error';
import { MESSAGES } from '../i18n/messages';
import { saveResponse } from './file-download';
import { type MonitoringFormFormat, type MonitoringFormTarget, monitoringFormUrl } from './monitoring-form';

/**
 * Download buttons of the official monitoring form (执行监控表, 1–X月): a project's Excel and Word form, or the
 * department's workbook; with `round`, the round's snapshot. Fetched as blobs (the token stays out of URLs).
 */
@Component({
  selector: 'app-monitoring-form-downloads',
  imports: [NzButtonModule, NzIconModule, NzTooltipModule],
  template: `
    @for (format of formats(); track format) {
      <button
        nz-button
        type="button"
        [nzSize]="size()"
        [attr.data-action]="'monitoring-form-' + format"
        [nzLoading]="busy() === format"
        [nz-tooltip]="tooltip()"
        (click)="download(format)"
      >
        <nz-icon nzType="download" />{{ label(format) }}
      </button>
    }
    @if (error(); as error) {
      <span class="error" role="alert">{{ error }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .error {
      color: var(--error-color, #a8071a);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MonitoringFormDownloadsComponent {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  protected readonly msg = inject(MESSAGES);

  readonly target = input.required<MonitoringFormTarget>();
  readonly size = input<NzButtonSize>('default');
  /** A table row (the rounds list): short labels, the tooltip says what is exported. */
  readonly compact = input(false, { transform: booleanAttribute });

  protected readonly busy = signal<MonitoringFormFormat | null>(null);
  protected readonly error = signal('');

  protected readonly formats = computed<MonitoringFormFormat[]>(() =>
    this.target().projectId ? ['xlsx', 'docx'] : ['xlsx'],
  );

  private readonly span = computed(() =>
    this.msg.monitoringForm.span(Number(this.target().period.slice(5, 7))),
  );

  protected readonly tooltip = computed(() =>
    this.target().round ? this.msg.monitoringForm.roundHint : this.msg.monitoringForm.hint(this.span()),
  );

  protected label(format: MonitoringFormFormat): string {
    const m = this.msg.monitoringForm;
    if (this.compact()) return this.target().round ? m.roundShort : m.liveRound;
    if (this.target().round) return m.round;
    if (!this.target().projectId) return m.workbook;
    return format === 'docx' ? m.docx : m.xlsx;
  }

  protected download(format: MonitoringFormFormat): void {
    const target = this.target();
    this.busy.set(format);
    this.error.set('');
    this.http
      .get(monitoringFormUrl(target, format), { responseType: 'blob', observe: 'response' })
      .subscribe({
        next: (response) => {
          this.busy.set(null);
          saveResponse(this.document, response, `monitoring-${target.period}.${format}`);
        },
        error: (error: unknown) => {
          this.busy.set(null);
          this.error.set(this.msg.monitoringForm.failed(apiErrorMessage(error, this.msg.errors)));
        },
      });
  }
}
