import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';

import { MESSAGES } from '../i18n/messages';
import { LightBadgeComponent } from '../lights/light-badge.component';
import type { Projection } from './projection.models';

let nextId = 0;

/**
 * An indicator's 年末预测: the light the projected value would earn in December, the value with its range and
 * method, and a button that opens the explanation (the formula with the figures). Null says no numeric
 * projection applies (定性, deadlines, several parts, nothing reported).
 */
@Component({
  selector: 'app-projection',
  imports: [DecimalPipe, LightBadgeComponent, NzButtonModule],
  template: `
    @if (projection(); as projection) {
      <div class="summary">
        <app-light-badge
          [light]="projection.light"
          [explanation]="projection.explanation"
          [printReason]="false"
        />
        <span class="value">{{
          msg.projection.value((projection.value | number: '1.0-2') ?? '', unit())
        }}</span>
        <span class="meta"
          >{{
            msg.projection.range(
              (projection.low | number: '1.0-2') ?? '',
              (projection.high | number: '1.0-2') ?? ''
            )
          }}
          · {{ msg.projection.methods[projection.method] }}</span
        >
        <button
          nz-button
          nzType="link"
          nzSize="small"
          type="button"
          class="toggle no-print"
          data-action="projection-explanation"
          [attr.aria-expanded]="open()"
          [attr.aria-controls]="explanationId"
          (click)="open.set(!open())"
        >
          {{ open() ? msg.projection.hideExplanation : msg.projection.showExplanation }}
        </button>
      </div>
      <p
        class="explanation"
        [id]="explanationId"
        [hidden]="!open()"
        [class.print-only]="!open()"
        [attr.aria-label]="msg.projection.explanationLabel(name())"
      >
        {{ projection.explanation }}
      </p>
    } @else {
      <span class="none" [title]="msg.projection.noneHint">{{ msg.projection.none }}</span>
    }
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 2px 8px;
    }
    .value {
      font-variant-numeric: tabular-nums;
    }
    .meta,
    .none {
      color: rgb(0 0 0 / 55%);
      font-size: 12px;
    }
    .toggle {
      padding: 0;
      height: auto;
    }
    .explanation {
      margin: 4px 0 0;
      font-size: 12px;
      line-height: 1.5;
      color: rgb(0 0 0 / 70%);
      white-space: normal;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectionComponent {
  protected readonly msg = inject(MESSAGES);

  readonly projection = input.required<Projection | null>();
  /** The target's base unit, written after the projected value. */
  readonly unit = input<string | null>(null);
  /** The indicator's name, for the explanation's accessible label. */
  readonly name = input('');

  protected readonly open = signal(false);
  protected readonly explanationId = `projection-explanation-${nextId++}`;
}
