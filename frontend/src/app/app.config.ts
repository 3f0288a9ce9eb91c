import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter } from '@angular/router';
import type { UiLocale } from '@jixiao/domain';

import { appRoutes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { apiErrorInterceptor } from './core/http/api-error.interceptor';
import type { LocaleData } from './core/i18n/locale-data';
import { provideLoadedLocale } from './core/i18n/provide-locale';
import { AppTitleStrategy } from './core/routing/app-title.strategy';

/** The app's providers, in the language it starts in (loaded before bootstrap, see main.ts). */
export function appConfig(locale: UiLocale, data: LocaleData): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      provideRouter(appRoutes),
      { provide: TitleStrategy, useClass: AppTitleStrategy },
      // Outermost first: the error interceptor sees the outcome after the auth interceptor's refresh and replay.
      // The XMLHttpRequest backend (not withFetch): the browser decodes the answer's text while it arrives, where
      // Angular's fetch backend gathers the bytes, copies and decodes them once all are there, on the main thread
      // (a project of 2,000 indicators answers 4.8 MB of JSON). It also reports an upload's progress (imports).
      provideHttpClient(withInterceptors([apiErrorInterceptor, authInterceptor])),
      provideLoadedLocale(locale, data),
    ],
  };
}
