import { DOCUMENT } from '@angular/common';
import { afterRenderEffect, inject } from '@angular/core';

import { indicatorAnchor } from './goal.models';

/**
 * Scrolls the linked indicator's row (`#indicator-<id>`) to the middle of the screen, once per id, after the
 * tree holding it has rendered: `highlight` names the indicator, `loaded` is truthy once its data is there.
 * Call it in an injection context (a constructor or a field initializer).
 */
export function scrollToIndicator(highlight: () => string | null, loaded: () => unknown): void {
  const document = inject(DOCUMENT);
  let scrolledTo: string | null = null;
  afterRenderEffect(() => {
    const id = highlight();
    if (!id || !loaded() || scrolledTo === id) return;
    const row = document.getElementById(indicatorAnchor(id));
    if (!row) return;
    scrolledTo = id;
    row.scrollIntoView?.({ block: 'center' });
  });
}
