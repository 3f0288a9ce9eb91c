import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { MESSAGES } from '../i18n/messages';
import { LIGHT_COLORS, LIGHTS, type LightCounts } from './light.models';

/** Indicators per light as coloured, named counts (● 红 2 ● 黄 3 …); a zero is dimmed so the eye finds the others. */
@Component({
  selector: 'app-light-counts',
  imports: [NzTooltipModule],
  template: `
    <span class="counts" role="list" [attr.aria-label]="msg.goals.countsLabel">
      @for (item of items(); track item.light) {
        <span
          role="listitem"
          class="count"
          [class]="'light-' + item.light"
          [style.color]="item.color"
          [class.zero]="item.count === 0"
          nz-tooltip
          [nzTooltipTitle]="item.label"
          [attr.aria-label]="item.label"
        >
          <span class="dot" aria-hidden="true"></span>
          <span class="short" aria-hidden="true">{{ item.short }}</span>
          <span class="value" aria-hidden="true">{{ item.count }}</span>
        </span>
      }
    </span>
  `,
  styles: `
    .counts {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 2px 8px;
    }
    .count {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: currentcolor;
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .short {
      color: rgb(0 0 0 / 75%);
      font-size: 12px;
    }
    .value {
      color: rgb(0 0 0 / 85%);
    }
    /* A zero is dimmed, its words still readable (4.5:1). */
    .zero .dot {
      opacity: 0.35;
    }
    .zero .short,
    .zero .value {
      color: rgb(0 0 0 / 60%);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LightCountsComponent {
  protected readonly msg = inject(MESSAGES);

  readonly counts = input.required<LightCounts>();

  protected readonly items = computed(() => {
    const counts = this.counts();
    return LIGHTS.map((light) => ({
      light,
      color: LIGHT_COLORS[light],
      count: counts[light],
      // The light in words too, never colour alone (WCAG 1.4.1).
      short: this.msg.monitoring.lightShort[light],
      label: this.msg.goals.count(this.msg.monitoring.lights[light], counts[light]),
    }));
  });
}
