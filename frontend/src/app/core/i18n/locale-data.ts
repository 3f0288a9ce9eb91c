import type { UiLocale } from '@jixiao/domain';

import type { Messages } from '../../shared/i18n/messages';

/** Everything one interface language needs. */
export interface LocaleData {
  /** Angular's number and date data. */
  readonly angular: unknown[];
  /** Ours. */
  readonly messages: Messages;
}

/**
 * Loads the one language the app starts in: each language is its own lazy chunk, so nobody downloads the
 * catalogue they do not read (a switch reloads the page in the other one).
 */
export function loadLocaleData(locale: UiLocale): Promise<LocaleData> {
  return locale === 'en-US'
    ? import('./locale-data.en-US').then((module) => module.EN_US_LOCALE_DATA)
    : import('./locale-data.zh-CN').then((module) => module.ZH_CN_LOCALE_DATA);
}
