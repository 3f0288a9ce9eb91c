import { InjectionToken } from '@angular/core';

import { type Messages, ZH_CN_MESSAGES } from './messages.zh-CN';

export type { Messages };

/** The message catalogue of the active locale; zh-CN unless a locale provider replaces it. */
export const MESSAGES = new InjectionToken<Messages>('MESSAGES', {
  providedIn: 'root',
  factory: () => ZH_CN_MESSAGES,
});
