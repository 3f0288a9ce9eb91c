import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { MESSAGES } from '../i18n/messages';
import type { Projection, ProjectionProposal } from './projection.models';

/**
 * The entry grid's proposal from the year-end projection: 全年预计 and 完成可能性, which the lead accepts (采用)
 * into the row or overrides by typing. Nothing shows where no numeric projection applies.
 */
@Component({
  selector: 'app-projection-proposal',
  imports: [NzButtonModule, NzTooltipModule],
  template: `
    @if (projection(); as projection) {
      <span class="proposal" nz-tooltip [nzTooltipTitle]="projection.explanation">
        {{ msg.projection.proposal.text(projection.proposedForecast, projection.likelihood) }}
      </span>
      <button
        nz-button
        nzType="link"
        nzSize="small"
        type="button"
        class="accept"
        data-action="accept-projection"
        [disabled]="disabled()"
        [attr.aria-label]="msg.projection.proposal.acceptLabel(name())"
        (click)="accepted.emit({ forecast: projection.proposedForecast, likelihood: projection.likelihood })"
      >
        {{ msg.projection.proposal.accept }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 4px;
      margin-top: 2px;
      font-size: 12px;
      color: rgb(0 0 0 / 55%);
    }
    .accept {
      padding: 0;
      height: auto;
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectionProposalComponent {
  protected readonly msg = inject(MESSAGES);

  readonly projection = input.required<Projection | null>();
  readonly name = input('');
  readonly disabled = input(false);
  readonly accepted = output<ProjectionProposal>();
}
