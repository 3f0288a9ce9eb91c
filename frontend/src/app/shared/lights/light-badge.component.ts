import { ChangeDetectionStrategy, Component, booleanAttribute, computed, inject, input } from '@angular/core';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { MESSAGES } from '../i18n/messages';
import { LIGHT_COLORS, LIGHT_TEXT_COLORS, type Light } from './light.models';

/**
 * The one warning light (预警灯) of the app: a coloured dot with its name (never colour alone), the explanation —
 * the rule with the figures filled in — in a tooltip on screen and as text when printed, and optionally the
 * reason written beneath. Without a light (long-term indicators are not monitored) it says so, or, while a
 * typed value cannot be read, that no light can be judged yet.
 */
@Component({
  selector: 'app-light-badge',
  imports: [NzTooltipModule],
  template: `
    @if (light(); as light) {
      <span
        class="badge"
        [class]="'light-' + light"
        [style.color]="dotColor()"
        nz-tooltip
        [nzTooltipTitle]="detail() || null"
        [attr.tabindex]="detail() ? 0 : null"
        role="img"
        [attr.aria-label]="ariaLabel()"
      >
        <span class="dot" aria-hidden="true"></span>
        @if (!compact()) {
          <span class="name" [style.color]="nameColor()">{{ msg.monitoring.lights[light] }}</span>
        }
      </span>
      @if (reason() && showReason() && !compact()) {
        <span class="reason">{{ reason() }}</span>
      }
      @if (detail() && printReason() && !compact()) {
        <span class="print-only reason">{{ detail() }}</span>
      }
    } @else {
      <span class="none">{{ pending() ? msg.monitoring.lightUnknown : msg.goals.lightNone }}</span>
      @if (reason() && showReason()) {
        <span class="reason">{{ reason() }}</span>
      }
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
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
      font-weight: 500;
    }
    .none {
      color: rgb(0 0 0 / 60%);
    }
    .reason {
      color: rgb(0 0 0 / 60%);
      font-size: 12px;
      line-height: 1.4;
      white-space: normal;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LightBadgeComponent {
  protected readonly msg = inject(MESSAGES);

  readonly light = input.required<Light | null>();
  /** Why the light is what it is, in a sentence (from the API or libs/domain). */
  readonly reason = input<string | null>(null);
  /** The rule with the figures filled in; the tooltip shows it (the reason when there is none). */
  readonly explanation = input<string | null | undefined>(null);
  /** Dot only, for dense rows; the name stays in the accessible label. */
  readonly compact = input(false, { transform: booleanAttribute });
  /** Print the explanation under the badge (tooltips do not print); a compact badge, set inside other text, does not. */
  readonly printReason = input(true, { transform: booleanAttribute });
  /** Write the reason under the light on screen too (entry and review grids). */
  readonly showReason = input(false, { transform: booleanAttribute });
  /** Without a light: a value is still being typed (无法判断) rather than an indicator that is not monitored. */
  readonly pending = input(false, { transform: booleanAttribute });

  protected readonly detail = computed(() => this.explanation() || this.reason() || null);
  protected readonly dotColor = computed(() => {
    const light = this.light();
    return light ? LIGHT_COLORS[light] : null;
  });
  protected readonly nameColor = computed(() => {
    const light = this.light();
    return light ? LIGHT_TEXT_COLORS[light] : null;
  });
  protected readonly ariaLabel = computed(() => {
    const light = this.light();
    if (!light) return null;
    const name = this.msg.monitoring.lights[light];
    const detail = this.detail();
    return detail ? this.msg.format.pair(name, detail) : name;
  });
}
