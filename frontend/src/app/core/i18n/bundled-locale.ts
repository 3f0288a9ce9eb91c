import en from '@angular/common/locales/en';
import zh from '@angular/common/locales/zh';
import type { EnvironmentProviders, Provider } from '@angular/core';
import type { UiLocale } from '@jixiao/domain';
import { type NzI18nInterface, en_US, provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { EN_US_MESSAGES } from '../../shared/i18n/messages.en-US';
import { ZH_CN_MESSAGES } from '../../shared/i18n/messages.zh-CN';
import type { LocaleData } from './locale-data';
import { provideLoadedLocale } from './provide-locale';

/**
 * Both languages bundled, for the specs: the app itself loads only the one it starts in (locale-data.ts), so
 * nothing in the app may import this file.
 */
const LOCALES: Record<UiLocale, LocaleData & { readonly nz: NzI18nInterface }> = {
  'zh-CN': { angular: zh, nz: zh_CN, messages: ZH_CN_MESSAGES },
  'en-US': { angular: en, nz: en_US, messages: EN_US_MESSAGES },
};

export function provideLocale(locale: UiLocale): (Provider | EnvironmentProviders)[] {
  // ng-zorro's texts too, for specs that render a component without the screen that applies them (nz-locale.ts).
  return [...provideLoadedLocale(locale, LOCALES[locale]), provideNzI18n(LOCALES[locale].nz)];
}

/** Chinese, the default: what the specs render unless they test English. */
export function provideZhCnLocale(): (Provider | EnvironmentProviders)[] {
  return provideLocale('zh-CN');
}
