import { inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';

import { MESSAGES } from '../../shared/i18n/messages';

/** A page that may hold typed but unsaved work. */
export interface HoldsUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Asks before leaving a page with unsaved changes (the browser's own dialog: it works everywhere). */
export const unsavedChangesGuard: CanDeactivateFn<HoldsUnsavedChanges> = (component) =>
  !component.hasUnsavedChanges() || window.confirm(inject(MESSAGES).entry.unsavedConfirm);
