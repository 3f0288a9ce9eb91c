import { ChangeDetectionStrategy, Component, booleanAttribute, computed, inject, input } from '@angular/core';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { MESSAGES } from '../i18n/messages';
import type { Light } from './light.models';

/**
 * A warning light (预警灯) as a coloured dot with its name; the reason shows in a tooltip on screen and as
 * text when printed. Without a light (long-term indicators are not monitored) it says so.
 */
@Component({
  selector: 'app-light-badge',
  imports: [NzTooltipModule],
  template: `
    @if (light(); as light) {
      <span
        class="badge"
        [class]="'light-' + light"
        nz-tooltip
        [nzTooltipTitle]="reason() || null"
        [attr.tabindex]="reason() ? 0 : null"
        [attr.aria-label]="ariaLabel()"
      >
        <span class="dot" aria-hidden="true"></span>
        @if (!compact()) {
          <span class="name">{{ msg.monitoring.lights[light] }}</span>
        }
      </span>
      @if (reason() && printReason() && !compact()) {
        <span class="print-only reason">{{ reason() }}</span>
      }
    } @else {
      <span class="none">{{ msg.goals.lightNone }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      gap: 2px;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      white-space: nowrap;
    }
    .badge[tabindex] {
      cursor: help;
    }
    .dot {
      flex: none;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: currentcolor;
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .name {
      color: rgb(0 0 0 / 85%);
    }
    .light-red {
      color: #f5222d;
    }
    .light-yellow {
      color: #faad14;
    }
    .light-green {
      color: #52c41a;
    }
    .light-blue {
      color: #1677ff;
    }
    .light-grey {
      color: #bfbfbf;
    }
    .none {
      color: rgb(0 0 0 / 45%);
    }
    .reason {
      color: rgb(0 0 0 / 65%);
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LightBadgeComponent {
  protected readonly msg = inject(MESSAGES);

  readonly light = input.required<Light | null>();
  /** Why the light is what it is (from the API or libs/domain). */
  readonly reason = input<string | null>(null);
  /** Dot only, for dense rows; the name stays in the accessible label. */
  readonly compact = input(false, { transform: booleanAttribute });
  /** Print the reason under the badge (tooltips do not print); a compact badge, set inside other text, does not. */
  readonly printReason = input(true, { transform: booleanAttribute });

  protected readonly ariaLabel = computed(() => {
    const light = this.light();
    if (!light) return null;
    const name = this.msg.monitoring.lights[light];
    const reason = this.reason();
    return reason ? `${name}：${reason}` : name;
  });
}
