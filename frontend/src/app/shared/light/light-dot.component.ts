import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Light } from '@jixiao/domain';

import { MESSAGES } from '../i18n/messages';

/**
 * A warning light (预警灯) as a coloured dot with its name, and optionally the reason beneath. The name is
 * always written out, so the light does not depend on colour alone.
 */
@Component({
  selector: 'app-light-dot',
  template: `
    <span class="light" [class]="'light light-' + (light() ?? 'none')">
      <span class="dot" aria-hidden="true"></span>
      <span class="name">{{ name() }}</span>
    </span>
    @if (reason()) {
      <span class="reason">{{ reason() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .light {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-weight: 500;
      white-space: nowrap;
    }
    .dot {
      flex: none;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      box-shadow: inset 0 0 0 1px rgb(0 0 0 / 12%);
    }
    .light-red .dot {
      background: #f5222d;
    }
    .light-red .name {
      color: #cf1322;
    }
    .light-yellow .dot {
      background: #faad14;
    }
    .light-yellow .name {
      color: #ad6800;
    }
    .light-green .dot {
      background: #52c41a;
    }
    .light-green .name {
      color: #389e0d;
    }
    .light-blue .dot {
      background: #1677ff;
    }
    .light-blue .name {
      color: #0958d9;
    }
    .light-grey .dot,
    .light-none .dot {
      background: #d9d9d9;
    }
    .light-grey .name,
    .light-none .name {
      color: rgb(0 0 0 / 45%);
    }
    .reason {
      color: rgb(0 0 0 / 55%);
      font-size: 12px;
      line-height: 1.4;
      white-space: normal;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LightDotComponent {
  private readonly msg = inject(MESSAGES);

  /** null when the light cannot be judged (e.g. the target could not be read). */
  readonly light = input.required<Light | null>();
  readonly reason = input<string | null>(null);

  protected readonly name = computed(() => {
    const light = this.light();
    return light ? this.msg.monitoring.lights[light] : this.msg.monitoring.lightUnknown;
  });
}
