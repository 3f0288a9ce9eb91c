import { registerLocaleData } from '@angular/common';
import zh from '@angular/common/locales/zh';
import { type EnvironmentProviders, LOCALE_ID, type Provider } from '@angular/core';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { MESSAGES } from '../../shared/i18n/messages';
import { ZH_CN_MESSAGES } from '../../shared/i18n/messages.zh-CN';

/**
 * The app's locale in one place: Angular's (numbers, dates), ng-zorro's (component texts) and ours
 * (MESSAGES). An English build swaps all three here.
 */
export function provideZhCnLocale(): (Provider | EnvironmentProviders)[] {
  registerLocaleData(zh);
  return [
    { provide: LOCALE_ID, useValue: 'zh-CN' },
    provideNzI18n(zh_CN),
    { provide: MESSAGES, useValue: ZH_CN_MESSAGES },
  ];
}
