import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';

import { LocaleService } from '../../core/i18n/locale.service';
import { GlyphComponent } from '../glyph/glyph.component';
import { MESSAGES } from '../i18n/messages';

/**
 * The language switch of the header and the login page: one button naming the other language in that language
 * (中文 / English), so whoever cannot read the current one still finds it.
 */
@Component({
  selector: 'app-locale-switch',
  imports: [GlyphComponent],
  template: `
    <button
      type="button"
      class="locale-switch"
      [attr.lang]="locale.other"
      [attr.aria-label]="msg.locale.switchTo(msg.locale.names[locale.other])"
      [disabled]="switching()"
      (click)="switch()"
    >
      <app-glyph name="global" />
      <span>{{ msg.locale.names[locale.other] }}</span>
    </button>
  `,
  styles: `
    .locale-switch {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-height: 32px;
      padding: 0 8px;
      border: 0;
      border-radius: 6px;
      background: transparent;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    .locale-switch:hover,
    .locale-switch:focus-visible {
      color: #0958d9;
    }
    .locale-switch:disabled {
      cursor: wait;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LocaleSwitchComponent {
  protected readonly locale = inject(LocaleService);
  protected readonly msg = inject(MESSAGES);
  protected readonly switching = signal(false);

  protected switch(): void {
    this.switching.set(true);
    // The page reloads in the other language; nothing else to do here.
    this.locale.switchTo(this.locale.other).subscribe();
  }
}
