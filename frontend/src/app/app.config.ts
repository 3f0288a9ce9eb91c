import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter } from '@angular/router';

import { appRoutes } from './app.routes';
import { apiErrorInterceptor } from './core/http/api-error.interceptor';
import { provideZhCnLocale } from './core/i18n/provide-locale';
import { provideAppIcons } from './core/icons/provide-app-icons';
import { AppTitleStrategy } from './core/routing/app-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes),
    { provide: TitleStrategy, useClass: AppTitleStrategy },
    provideHttpClient(withFetch(), withInterceptors([apiErrorInterceptor])),
    provideZhCnLocale(),
    provideAppIcons(),
  ],
};
