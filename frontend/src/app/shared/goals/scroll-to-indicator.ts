import { DOCUMENT } from '@angular/common';
import { afterRenderEffect, inject } from '@angular/core';

import { indicatorAnchor } from './goal.models';
import { VirtualRows } from './virtual-rows';

/**
 * Scrolls the linked indicator's row (`#indicator-<id>`) to the middle of the screen, once per id, after the
 * tree holding it has rendered: `highlight` names the indicator, `loaded` is truthy once its data is there.
 * A large tree draws only the rows in view: when the row is not in the page, the tree holding it first scrolls
 * to the row's place (VirtualRows), then, once the row is drawn, the row itself is centred.
 * Call it in an injection context (a constructor or a field initializer).
 */
export function scrollToIndicator(highlight: () => string | null, loaded: () => unknown): void {
  const document = inject(DOCUMENT);
  const virtualRows = inject(VirtualRows);
  let scrolledTo: string | null = null;
  let revealed: string | null = null;
  afterRenderEffect(() => {
    virtualRows.drawn();
    const id = highlight();
    if (!id || !loaded() || scrolledTo === id) return;
    const row = document.getElementById(indicatorAnchor(id));
    if (!row) {
      if (revealed !== id && virtualRows.reveal(id)) revealed = id;
      return;
    }
    scrolledTo = id;
    row.scrollIntoView?.({ block: 'center' });
  });
}
