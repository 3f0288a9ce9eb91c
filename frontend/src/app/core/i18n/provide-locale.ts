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

import { MESSAGES } from '../../shared/i18n/messages';
import type { LocaleData } from './locale-data';

/** The interface language the app was started in; switching reloads the app in the other one. */
export const ACTIVE_LOCALE = new InjectionToken<UiLocale>('ACTIVE_LOCALE', {
  providedIn: 'root',
  factory: () => DEFAULT_UI_LOCALE,
});

/**
 * The app's locale: Angular's (numbers, dates) and ours (MESSAGES), both of the same language, from the data
 * loaded for it. ng-zorro's component texts follow ACTIVE_LOCALE once a screen that uses them starts
 * (applyNzLocale in nz-locale.ts).
 */
export function provideLoadedLocale(locale: UiLocale, data: LocaleData): (Provider | EnvironmentProviders)[] {
  registerLocaleData(data.angular, locale);
  return [
    { provide: ACTIVE_LOCALE, useValue: locale },
    { provide: LOCALE_ID, useValue: locale },
    { provide: MESSAGES, useValue: data.messages },
    // Screen readers pick their voice, and browsers their fonts and hyphenation, from <html lang>.
    provideEnvironmentInitializer(() => {
      inject(DOCUMENT).documentElement.lang = locale;
    }),
  ];
}
