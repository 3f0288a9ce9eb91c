import { inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';

import { MESSAGES, type Messages } from './messages';

/** A route title read from the active message catalogue. */
export function localizedTitle(pick: (messages: Messages) => string): ResolveFn<string> {
  return () => pick(inject(MESSAGES));
}
