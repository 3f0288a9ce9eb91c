import type { UiLocale } from '@jixiao/domain';
import type { NzI18nInterface } from 'ng-zorro-antd/i18n';

import type { Messages } from '../../shared/i18n/messages';

/** Everything one interface language needs. */
export interface LocaleData {
  /** Angular's number and date data. */
  readonly angular: unknown[];
  /** ng-zorro's component texts (pagination, date picker, empty states). */
  readonly nz: NzI18nInterface;
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
