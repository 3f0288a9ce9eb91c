import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';

import {
  type EvidenceFileRef,
  type IndicatorHistoryMonth,
  IndicatorsApi,
} from '../../core/api/indicators.api';
import { ACTIVE_LOCALE } from '../../core/i18n/provide-locale';
import { saveBlob } from '../files/file-download';
import { apiErrorMessage } from '../http/api-error';
import { MESSAGES } from '../i18n/messages';
import { LightBadgeComponent } from '../lights/light-badge.component';
import { readyValue, requestState } from '../state/request-state';
import { monthOf } from '../time/period';
import { type IndicatorReading, localizeMonths } from './localized-goals';
import { SparklineComponent } from './sparkline.component';

/**
 * The indicator a drawer is opened for: its id and name (the name titles the drawer while it loads) and, for
 * English screens, what its months are judged against (docs/domain.md §12).
 */
export interface HistorySubject {
  readonly id: string;
  readonly name: string;
  readonly reading?: IndicatorReading;
}

interface HistoryRequest {
  readonly id: string;
  readonly year: number | null;
  readonly attempt: number;
}

/**
 * The drill-down of an indicator row: its months up to `asOf`, latest first — actual, light with how it was
 * reached, forecast, reasons, corrective action, evidence (files downloadable) and the month's report state —
 * with the year as a small line. Used by the goal trees of the project page and 部门整体.
 */
@Component({
  selector: 'app-indicator-history-drawer',
  imports: [
    NzButtonModule,
    NzDrawerModule,
    NzIconModule,
    NzResultModule,
    NzSpinModule,
    LightBadgeComponent,
    SparklineComponent,
  ],
  templateUrl: './indicator-history-drawer.component.html',
  styleUrl: './indicator-history-drawer.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndicatorHistoryDrawerComponent {
  private readonly api = inject(IndicatorsApi);
  private readonly document = inject(DOCUMENT);
  protected readonly msg = inject(MESSAGES);
  private readonly locale = inject(ACTIVE_LOCALE);

  /** The indicator to show; null keeps the drawer closed. */
  readonly subject = input<HistorySubject | null>(null);
  /** The month the page is as of (YYYY-MM): later months are left out, and it gives the year. */
  readonly asOf = input<string | null>(null);
  readonly closed = output<void>();

  private readonly attempt = signal(0);
  private readonly request = computed<HistoryRequest | null>(
    () => {
      const subject = this.subject();
      const asOf = this.asOf();
      return subject
        ? { id: subject.id, year: asOf ? Number(asOf.slice(0, 4)) : null, attempt: this.attempt() }
        : null;
    },
    {
      equal: (a, b) =>
        a === b || (!!a && !!b && a.id === b.id && a.year === b.year && a.attempt === b.attempt),
    },
  );

  protected readonly state = requestState(this.request, (request) =>
    this.api.history(request.id, request.year),
  );
  protected readonly history = computed(() => readyValue(this.state()));

  protected readonly error = computed(() => {
    const state = this.state();
    return state?.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  /** January to the page's month, for the line. */
  protected readonly points = computed(() => {
    const asOf = this.asOf();
    const months = (this.history()?.months ?? []).filter((month) => !asOf || month.period <= asOf);
    return localizeMonths(months, this.subject()?.reading ?? null, this.locale);
  });

  /** Latest month first: the one people came for. */
  protected readonly months = computed(() => [...this.points()].reverse());

  protected readonly width = 'min(720px, 100vw)';
  protected readonly failedDownload = signal<string | null>(null);

  protected monthOfPeriod(period: string): number {
    return monthOf(period);
  }

  protected monthLabel(period: string): string {
    return this.msg.monitoring.month(monthOf(period));
  }

  protected statusOf(month: IndicatorHistoryMonth): string {
    return this.msg.monitoring.statuses[month.status ?? 'none'];
  }

  protected download(file: EvidenceFileRef): void {
    this.failedDownload.set(null);
    this.api.evidence(file.id).subscribe({
      next: (blob) => saveBlob(this.document, blob, file.fileName),
      error: () => this.failedDownload.set(file.id),
    });
  }

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected close(): void {
    this.closed.emit();
  }
}
