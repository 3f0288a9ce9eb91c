import { DOCUMENT, registerLocaleData } from '@angular/common';
import {
  type EnvironmentProviders,
  InjectionToken,
  LOCALE_ID,
  type Provider,
  inject,
  provideEnvironmentInitializer,
} from '@angular/core';
// The module, not the library's index: the app's start needs nothing else of it.
import { DEFAULT_UI_LOCALE, type UiLocale } from '@jixiao/domain/i18n/ui-locale';
import { provideNzI18n } from 'ng-zorro-antd/i18n';

import { MESSAGES } from '../../shared/i18n/messages';
import type { LocaleData } from './locale-data';

/** The interface language the app was started in; switching reloads the app in the other one. */
export const ACTIVE_LOCALE = new InjectionToken<UiLocale>('ACTIVE_LOCALE', {
  providedIn: 'root',
  factory: () => DEFAULT_UI_LOCALE,
});

/**
 * The app's locale in one place: Angular's (numbers, dates), ng-zorro's (component texts) and ours (MESSAGES),
 * all three of the same language, from the data loaded for it.
 */
export function provideLoadedLocale(locale: UiLocale, data: LocaleData): (Provider | EnvironmentProviders)[] {
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
