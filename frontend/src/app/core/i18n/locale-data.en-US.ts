import en from '@angular/common/locales/en';

import { EN_US_MESSAGES } from '../../shared/i18n/messages.en-US';
import type { LocaleData } from './locale-data';

export const EN_US_LOCALE_DATA: LocaleData = { angular: en, messages: EN_US_MESSAGES };
