import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { MESSAGES } from '../../shared/i18n/messages';
import { SILENT_API_ERRORS } from '../../shared/http/api-error';
import { AuthService, SESSION_STORAGE_KEY } from '../auth/auth.service';
import { givenStoredSession } from '../auth/testing/auth-builders';
import { LOCALE_STORAGE_KEY, initialLocale } from './locale-preference';
import { LOAD_PAGE, LocaleService } from './locale.service';
import { provideLocale } from './bundled-locale';

const LOCALE_URL = '/api/auth/me/locale';

describe(LocaleService.name, () => {
  let httpMock: HttpTestingController;
  let loaded: string[];

  function setUp(active: 'zh-CN' | 'en-US' = 'zh-CN'): LocaleService {
    loaded = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideLocale(active),
        { provide: LOAD_PAGE, useValue: (url: string) => loaded.push(url) },
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    return TestBed.inject(LocaleService);
  }

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  afterEach(() => httpMock.verify());

  it('should offer the other language', () => {
    expect(setUp('zh-CN').other).toBe('en-US');
  });

  it('should remember the language in the browser and reload when signed out, asking no server', () => {
    const locale = setUp('zh-CN');

    locale.switchTo('en-US').subscribe();

    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en-US');
    expect(loaded).toEqual(['/']);
  });

  it('should keep the language on the account when signed in, then reload in it', () => {
    givenStoredSession();
    const locale = setUp('zh-CN');

    locale.switchTo('en-US').subscribe();
    expect(loaded).toEqual([]);
    const request = httpMock.expectOne(LOCALE_URL);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ locale: 'en-US' });
    expect(request.request.context.get(SILENT_API_ERRORS)).toBe(true);
    request.flush({ locale: 'en-US' });

    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en-US');
    expect(TestBed.inject(AuthService).user()?.locale).toBe('en-US');
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').user.locale).toBe('en-US');
    expect(loaded).toEqual(['/']);
  });

  it('should still switch this browser when the account cannot keep it', () => {
    givenStoredSession();
    const locale = setUp('en-US');

    locale.switchTo('zh-CN').subscribe();
    httpMock.expectOne(LOCALE_URL).flush(null, { status: 500, statusText: 'Server Error' });

    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN');
    expect(loaded).toEqual(['/']);
  });

  it.each([
    [null, false],
    ['zh-CN' as const, false],
    ['en-US' as const, true],
  ])('should adopt the account language %s after sign-in only when it differs (%s)', (account, reloads) => {
    const locale = setUp('zh-CN');

    expect(locale.adoptAccountLocale(account, '/projects')).toBe(reloads);

    expect(loaded).toEqual(reloads ? ['/projects'] : []);
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe(reloads ? 'en-US' : null);
  });
});

describe(provideLocale.name, () => {
  it.each([
    ['zh-CN' as const, '登录', 'zh-CN'],
    ['en-US' as const, 'Sign in', 'en-US'],
  ])('should provide %s messages, LOCALE_ID and <html lang> together', (locale, title, id) => {
    TestBed.configureTestingModule({ providers: [provideLocale(locale)] });

    expect(TestBed.inject(MESSAGES).login.title).toBe(title);
    expect(TestBed.inject(LOCALE_ID)).toBe(id);
    expect(document.documentElement.lang).toBe(locale);
  });
});

describe(initialLocale.name, () => {
  const languages = jest.spyOn(navigator, 'languages', 'get');

  beforeEach(() => localStorage.clear());
  afterAll(() => languages.mockRestore());

  it('should start in the language this browser chose last', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en-US');
    languages.mockReturnValue(['zh-CN']);

    expect(initialLocale()).toBe('en-US');
  });

  it.each([
    [['en-GB', 'zh-CN'], 'en-US'],
    [['zh-TW'], 'zh-CN'],
    [['fr-FR'], 'zh-CN'],
  ])('should follow the browser languages %j without a choice (%s)', (preferred, expected) => {
    languages.mockReturnValue(preferred);

    expect(initialLocale()).toBe(expected);
  });

  it('should ignore a stored value that is no language of the app', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr-FR');
    languages.mockReturnValue(['en-US']);

    expect(initialLocale()).toBe('en-US');
  });
});
