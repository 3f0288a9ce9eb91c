import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { MESSAGES } from '../i18n/messages';
import { LIGHT_COLORS } from '../lights/light.models';
import { monthOf } from '../time/period';
import type { HistoryPoint } from './goal.models';

const STEP = 8;
const HEIGHT = 28;
const PAD = 4;

interface Dot {
  readonly x: number;
  readonly y: number;
  readonly color: string;
  readonly reported: boolean;
}

/**
 * The months of an indicator as a tiny SVG line (no chart library: it is drawn in every row of a tree).
 * Values are scaled from 0 to the year's highest; dots take the month's light; a month without a value sits
 * on the baseline as a hollow dot. Qualitative indicators (no numbers) show their dots only.
 */
@Component({
  selector: 'app-sparkline',
  template: `
    @if (dots().length > 0) {
      <svg
        class="sparkline"
        role="img"
        [attr.width]="width()"
        [attr.height]="height()"
        [attr.viewBox]="'0 0 ' + width() + ' ' + height()"
        [attr.aria-label]="label()"
      >
        <title>{{ label() }}</title>
        @if (line()) {
          <polyline [attr.points]="line()" fill="none" stroke="#666666" stroke-width="1.2" />
        }
        @for (dot of dots(); track $index) {
          <circle
            [attr.cx]="dot.x"
            [attr.cy]="dot.y"
            r="2.6"
            [attr.fill]="dot.reported ? dot.color : '#fff'"
            [attr.stroke]="dot.color"
            stroke-width="1"
          />
        }
      </svg>
    } @else {
      <span class="none">{{ msg.goals.noHistory }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-block;
      line-height: 0;
    }
    .sparkline {
      overflow: visible;
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .none {
      color: rgb(0 0 0 / 60%);
      line-height: normal;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SparklineComponent {
  protected readonly msg = inject(MESSAGES);
  readonly points = input.required<readonly HistoryPoint[]>();
  /** Pixels between two months and the drawing's height: the defaults fit a table row. */
  readonly step = input(STEP);
  readonly height = input(HEIGHT);

  protected readonly width = computed(() => Math.max(1, this.points().length - 1) * this.step() + PAD * 2);

  protected readonly dots = computed<Dot[]>(() => {
    const points = this.points();
    const values = points
      .map((point) => point.actualValue)
      .filter((value): value is number => value !== null);
    const max = Math.max(0, ...values);
    const min = Math.min(0, ...values);
    const span = max - min || 1;
    const numeric = values.length > 0;
    const height = this.height();
    const step = this.step();
    return points.map((point, index) => {
      const reported = point.actualRaw !== null;
      const value = point.actualValue;
      const y =
        numeric && value !== null
          ? PAD + (1 - (value - min) / span) * (height - PAD * 2)
          : numeric
            ? height - PAD
            : height / 2;
      return { x: PAD + index * step, y, color: LIGHT_COLORS[point.light], reported };
    });
  });

  /** Joins the months that have a number; qualitative indicators get no line. */
  protected readonly line = computed(() => {
    const points = this.points();
    const segments = this.dots()
      .filter((_, index) => points[index].actualValue !== null)
      .map((dot) => `${dot.x.toFixed(1)},${dot.y.toFixed(1)}`);
    return segments.length > 1 ? segments.join(' ') : null;
  });

  private readonly monthLabel = (period: string): string => this.msg.monitoring.month(monthOf(period));

  protected readonly label = computed(() =>
    this.msg.goals.historyLabel(
      this.points().map((point) =>
        this.msg.goals.historyPoint(
          this.monthLabel(point.period),
          point.actualRaw ?? this.msg.goals.notReported,
          this.msg.monitoring.lights[point.light],
        ),
      ),
    ),
  );
}
