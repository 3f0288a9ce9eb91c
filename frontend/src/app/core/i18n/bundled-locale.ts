import en from '@angular/common/locales/en';
import zh from '@angular/common/locales/zh';
import type { EnvironmentProviders, Provider } from '@angular/core';
import type { UiLocale } from '@jixiao/domain';
import { en_US, zh_CN } from 'ng-zorro-antd/i18n';

import { EN_US_MESSAGES } from '../../shared/i18n/messages.en-US';
import { ZH_CN_MESSAGES } from '../../shared/i18n/messages.zh-CN';
import type { LocaleData } from './locale-data';
import { provideLoadedLocale } from './provide-locale';

/**
 * Both languages bundled, for the specs: the app itself loads only the one it starts in (locale-data.ts), so
 * nothing in the app may import this file.
 */
const LOCALES: Record<UiLocale, LocaleData> = {
  'zh-CN': { angular: zh, nz: zh_CN, messages: ZH_CN_MESSAGES },
  'en-US': { angular: en, nz: en_US, messages: EN_US_MESSAGES },
};

export function provideLocale(locale: UiLocale): (Provider | EnvironmentProviders)[] {
  return provideLoadedLocale(locale, LOCALES[locale]);
}

/** Chinese, the default: what the specs render unless they test English. */
export function provideZhCnLocale(): (Provider | EnvironmentProviders)[] {
  return provideLocale('zh-CN');
}
