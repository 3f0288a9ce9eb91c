import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { GLYPHS, type GlyphName } from './glyphs';

/**
 * An icon of GLYPHS, drawn as nz-icon draws it (the same classes, so ng-zorro's styles place it alike), for the
 * screens that load without ng-zorro's icon service. Decorative: the text next to it names the action.
 */
@Component({
  selector: 'app-glyph',
  template: `
    <svg
      [attr.viewBox]="glyph().viewBox"
      focusable="false"
      fill="currentColor"
      width="1em"
      height="1em"
      aria-hidden="true"
    >
      @for (path of glyph().paths; track $index) {
        <svg:path [attr.d]="path" />
      }
    </svg>
  `,
  host: {
    '[class]': "'anticon anticon-' + name()",
    '[class.anticon-spin]': 'spin()',
    'aria-hidden': 'true',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GlyphComponent {
  readonly name = input.required<GlyphName>();
  readonly spin = input(false);
  protected readonly glyph = computed(() => GLYPHS[this.name()]);
}
