import { inject } from '@angular/core';
import type { UiLocale } from '@jixiao/domain/i18n/ui-locale';
import { type NzI18nInterface, NzI18nService, en_US, zh_CN } from 'ng-zorro-antd/i18n';

import { ACTIVE_LOCALE } from './provide-locale';

const NZ_LOCALES: Record<UiLocale, NzI18nInterface> = { 'zh-CN': zh_CN, 'en-US': en_US };

/**
 * Gives ng-zorro's components (pagination, date picker, empty states) the app's language. Called in the
 * constructor of each top-level lazy screen that shows them (the shell, the change-password page) instead of
 * providing NZ_I18N at the start: ng-zorro's i18n module brings date-fns with it (one file, one chunk), and the
 * first page must not download it.
 */
export function applyNzLocale(): void {
  inject(NzI18nService).setLocale(NZ_LOCALES[inject(ACTIVE_LOCALE)]);
}
