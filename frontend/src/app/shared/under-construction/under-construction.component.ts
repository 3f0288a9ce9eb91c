import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';

import { MESSAGES } from '../i18n/messages';
import { SHARED_IMPORTS } from '../shared-imports';

/** Stands in for a screen that a later issue builds; the route's title names it. */
@Component({
  selector: 'app-under-construction',
  imports: [SHARED_IMPORTS],
  template: `
    <nz-result
      nzIcon="tool"
      [nzTitle]="msg.underConstruction.title"
      [nzSubTitle]="msg.underConstruction.subtitle(page())"
    >
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/projects">{{ msg.underConstruction.backToProjects }}</a>
      </div>
    </nz-result>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnderConstructionComponent {
  private readonly route = inject(ActivatedRoute);
  protected readonly msg = inject(MESSAGES);

  private readonly routeTitle = toSignal(this.route.title);
  protected readonly page = computed(() => this.routeTitle() ?? this.msg.underConstruction.title);
}
