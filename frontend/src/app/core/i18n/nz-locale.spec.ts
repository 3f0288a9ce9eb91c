import { TestBed } from '@angular/core/testing';
import { NzI18nService } from 'ng-zorro-antd/i18n';

import { applyNzLocale } from './nz-locale';
import { ACTIVE_LOCALE } from './provide-locale';

describe(applyNzLocale.name, () => {
  it.each([
    { active: 'en-US', expected: 'en', emptyText: 'No Data' },
    { active: 'zh-CN', expected: 'zh-cn', emptyText: '暂无数据' },
  ] as const)(
    "should give ng-zorro's components the $active texts without NZ_I18N provided",
    ({ active, expected, emptyText }) => {
      TestBed.configureTestingModule({ providers: [{ provide: ACTIVE_LOCALE, useValue: active }] });

      TestBed.runInInjectionContext(() => applyNzLocale());

      const i18n = TestBed.inject(NzI18nService);
      expect(i18n.getLocale().locale).toBe(expected);
      expect(i18n.translate('Empty.description')).toBe(emptyText);
    },
  );
});
