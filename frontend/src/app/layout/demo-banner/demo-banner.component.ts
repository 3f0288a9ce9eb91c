import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

import { AppInfoApi } from '../../core/api/app-info.api';
import { MESSAGES } from '../../shared/i18n/messages';

/** A strip above every page of a demo installation, so nobody takes its numbers for real ones. */
@Component({
  selector: 'app-demo-banner',
  template: `
    @if (demo()) {
      <div class="demo-banner" role="note">
        <strong>{{ msg.demo.banner }}</strong>
        <span class="demo-note">{{ msg.demo.note }}</span>
      </div>
    }
  `,
  styles: `
    .demo-banner {
      display: flex;
      gap: 12px;
      align-items: baseline;
      justify-content: center;
      padding: 4px 16px;
      background: #fff7e6;
      border-bottom: 1px solid #ffd591;
      color: #873800;
      font-size: 13px;
    }
    @media print {
      .demo-banner {
        border: 1px solid #873800;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemoBannerComponent {
  protected readonly msg = inject(MESSAGES);
  protected readonly demo = toSignal(
    inject(AppInfoApi)
      .get()
      .pipe(map((info) => info.demo)),
    { initialValue: false },
  );
}
