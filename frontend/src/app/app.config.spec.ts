import { FetchBackend, HttpBackend, HttpXhrBackend } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';

import { appConfig } from './app.config';
import { ZH_CN_LOCALE_DATA } from './core/i18n/locale-data.zh-CN';

describe('appConfig', () => {
  it('sends requests with XMLHttpRequest: a large answer is decoded as it arrives, not after (fetch)', () => {
    TestBed.configureTestingModule({ providers: appConfig('zh-CN', ZH_CN_LOCALE_DATA).providers });

    const backend = TestBed.inject(HttpBackend);

    expect(backend).toBeInstanceOf(HttpXhrBackend);
    expect(backend).not.toBeInstanceOf(FetchBackend);
  });
});
