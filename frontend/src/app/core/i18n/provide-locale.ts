import { DOCUMENT, registerLocaleData } from '@angular/common';
import en from '@angular/common/locales/en';
import zh from '@angular/common/locales/zh';
import {
  type EnvironmentProviders,
  InjectionToken,
  LOCALE_ID,
  type Provider,
  inject,
  provideEnvironmentInitializer,
} from '@angular/core';
import { DEFAULT_UI_LOCALE, type UiLocale } from '@jixiao/domain';
import { type NzI18nInterface, en_US, provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { MESSAGES, type Messages } from '../../shared/i18n/messages';
import { EN_US_MESSAGES } from '../../shared/i18n/messages.en-US';
import { ZH_CN_MESSAGES } from '../../shared/i18n/messages.zh-CN';

/** The interface language the app was started in; switching reloads the app in the other one. */
export const ACTIVE_LOCALE = new InjectionToken<UiLocale>('ACTIVE_LOCALE', {
  providedIn: 'root',
  factory: () => DEFAULT_UI_LOCALE,
});

interface LocaleData {
  /** Angular's number and date data. */
  readonly angular: unknown[];
  /** ng-zorro's component texts (pagination, date picker, empty states). */
  readonly nz: NzI18nInterface;
  /** Ours. */
  readonly messages: Messages;
}

const LOCALES: Record<UiLocale, LocaleData> = {
  'zh-CN': { angular: zh, nz: zh_CN, messages: ZH_CN_MESSAGES },
  'en-US': { angular: en, nz: en_US, messages: EN_US_MESSAGES },
};

/**
 * The app's locale in one place: Angular's (numbers, dates), ng-zorro's (component texts) and ours (MESSAGES),
 * all three of the same language.
 */
export function provideLocale(locale: UiLocale): (Provider | EnvironmentProviders)[] {
  const data = LOCALES[locale];
  registerLocaleData(data.angular, locale);
  return [
    { provide: ACTIVE_LOCALE, useValue: locale },
    { provide: LOCALE_ID, useValue: locale },
    provideNzI18n(data.nz),
    { provide: MESSAGES, useValue: data.messages },
    // Screen readers pick their voice, and browsers their fonts and hyphenation, from <html lang>.
    provideEnvironmentInitializer(() => {
      inject(DOCUMENT).documentElement.lang = locale;
    }),
  ];
}

/** Chinese, the default: what the specs render unless they test English. */
export function provideZhCnLocale(): (Provider | EnvironmentProviders)[] {
  return provideLocale('zh-CN');
}
