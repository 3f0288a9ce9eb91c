import { InjectionToken } from '@angular/core';

import type { Messages } from './messages.zh-CN';

export type { Messages };

/**
 * The message catalogue of the active locale, provided with the locale (provideLoadedLocale; specs use
 * bundled-locale.ts). No default: a default would put one catalogue in every download.
 */
export const MESSAGES = new InjectionToken<Messages>('MESSAGES');
