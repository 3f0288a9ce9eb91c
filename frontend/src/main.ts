import { bootstrapApplication } from '@angular/platform-browser';

import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { loadLocaleData } from './app/core/i18n/locale-data';
import { initialLocale } from './app/core/i18n/locale-preference';

// The language is decided before the app starts, and only its catalogue is downloaded.
const locale = initialLocale();
loadLocaleData(locale)
  .then((data) => bootstrapApplication(AppComponent, appConfig(locale, data)))
  .catch((error: unknown) => console.error(error));
