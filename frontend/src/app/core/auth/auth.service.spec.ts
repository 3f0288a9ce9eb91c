import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { SILENT_API_ERRORS } from '../../shared/http/api-error';
import { AuthService, NoSessionError, SESSION_STORAGE_KEY } from './auth.service';
import { aSessionUser, aTokenResponse, givenStoredSession } from './testing/auth-builders';

const LOGIN_URL = '/api/auth/login';
const REFRESH_URL = '/api/auth/refresh';
const LOGOUT_URL = '/api/auth/logout';

const tokenExpired = {
  body: {
    statusCode: 401,
    code: 'TOKEN_EXPIRED',
    message: '会话已结束（已退出、已过期或长时间未操作），请重新登录',
  },
  init: { status: 401, statusText: 'Unauthorized' },
};

describe(AuthService.name, () => {
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  function stored(): unknown {
    const raw = sessionStorage.getItem(SESSION_STORAGE_KEY);
    return raw ? JSON.parse(raw) : null;
  }

  /** A second service over the same sessionStorage: what a page reload would create. */
  function afterReload(): AuthService {
    return TestBed.runInInjectionContext(() => new AuthService());
  }

  describe('login', () => {
    it('should store the tokens and expose the user when the credentials are right', () => {
      const auth = TestBed.inject(AuthService);
      const user = aSessionUser({ displayName: '区财政局领导', role: 'leader', departmentId: 'd-1' });
      let signedIn: unknown;

      auth.login('leader', 'Jixiao@2025').subscribe((value) => (signedIn = value));
      const request = httpMock.expectOne(LOGIN_URL);
      request.flush(aTokenResponse({ accessToken: 'a-1', refreshToken: 'r-1', user }));

      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ username: 'leader', password: 'Jixiao@2025' });
      expect(request.request.context.get(SILENT_API_ERRORS)).toBe(true);
      expect(signedIn).toEqual(user);
      expect(auth.user()).toEqual(user);
      expect(auth.isLoggedIn()).toBe(true);
      expect(auth.accessToken()).toBe('a-1');
      expect(stored()).toEqual({ accessToken: 'a-1', refreshToken: 'r-1', user });
      expect(afterReload().user()).toEqual(user);
    });

    it('should keep no session and pass the error on when the credentials are wrong', () => {
      const auth = TestBed.inject(AuthService);
      let received: unknown;

      auth.login('admin', 'wrong').subscribe({ error: (error: unknown) => (received = error) });
      httpMock.expectOne(LOGIN_URL).flush(
        {
          statusCode: 401,
          code: 'INVALID_CREDENTIALS',
          message: '用户名或密码错误（再失败 4 次将锁定 15 分钟）',
        },
        { status: 401, statusText: 'Unauthorized' },
      );

      expect((received as HttpErrorResponse).status).toBe(401);
      expect(auth.isLoggedIn()).toBe(false);
      expect(stored()).toBeNull();
    });
  });

  it('should resume the session of this tab after a reload', () => {
    const tokens = givenStoredSession(aTokenResponse({ accessToken: 'kept' }));

    const auth = TestBed.inject(AuthService);

    expect(auth.user()).toEqual(tokens.user);
    expect(auth.accessToken()).toBe('kept');
  });

  it.each([
    { label: 'not JSON', raw: '{' },
    { label: 'missing the refresh token', raw: JSON.stringify({ accessToken: 'a', user: aSessionUser() }) },
    { label: 'missing the user', raw: JSON.stringify({ accessToken: 'a', refreshToken: 'r' }) },
  ])('should start signed out when the stored session is $label', ({ raw }) => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, raw);

    expect(TestBed.inject(AuthService).isLoggedIn()).toBe(false);
  });

  describe('logout', () => {
    it('should end the session on the server, then forget it here', () => {
      givenStoredSession(aTokenResponse({ accessToken: 'a-1' }));
      const auth = TestBed.inject(AuthService);
      let done = false;

      auth.logout().subscribe({ complete: () => (done = true) });
      const request = httpMock.expectOne(LOGOUT_URL);

      expect(request.request.method).toBe('POST');
      expect(auth.isLoggedIn()).toBe(true);

      request.flush(null, { status: 204, statusText: 'No Content' });

      expect(done).toBe(true);
      expect(auth.user()).toBeNull();
      expect(auth.accessToken()).toBeNull();
      expect(stored()).toBeNull();
      expect(afterReload().isLoggedIn()).toBe(false);
    });

    it('should forget the session here even when the server cannot be reached', () => {
      givenStoredSession();
      const auth = TestBed.inject(AuthService);
      let failed = false;

      auth.logout().subscribe({ error: () => (failed = true) });
      httpMock.expectOne(LOGOUT_URL).error(new ProgressEvent('error'));

      expect(failed).toBe(false);
      expect(auth.isLoggedIn()).toBe(false);
      expect(stored()).toBeNull();
    });

    it('should refresh an expired access token first so the server session really ends', () => {
      givenStoredSession(aTokenResponse({ refreshToken: 'r-old' }));
      const auth = TestBed.inject(AuthService);

      auth.logout().subscribe();
      httpMock.expectOne(LOGOUT_URL).flush(tokenExpired.body, tokenExpired.init);
      const refresh = httpMock.expectOne(REFRESH_URL);
      expect(refresh.request.body).toEqual({ refreshToken: 'r-old' });
      refresh.flush(aTokenResponse());
      httpMock.expectOne(LOGOUT_URL).flush(null, { status: 204, statusText: 'No Content' });

      expect(auth.isLoggedIn()).toBe(false);
      expect(stored()).toBeNull();
    });
  });

  describe('refresh', () => {
    it('should send one request for concurrent callers and give each the new access token', () => {
      givenStoredSession(aTokenResponse({ accessToken: 'a-old', refreshToken: 'r-old' }));
      const auth = TestBed.inject(AuthService);
      const received: string[] = [];

      auth.refresh().subscribe((token) => received.push(token));
      auth.refresh().subscribe((token) => received.push(token));
      auth.refresh().subscribe((token) => received.push(token));
      const request = httpMock.expectOne(REFRESH_URL);
      request.flush(aTokenResponse({ accessToken: 'a-new', refreshToken: 'r-new' }));

      expect(request.request.body).toEqual({ refreshToken: 'r-old' });
      expect(request.request.context.get(SILENT_API_ERRORS)).toBe(true);
      expect(received).toEqual(['a-new', 'a-new', 'a-new']);
      expect(auth.accessToken()).toBe('a-new');
      expect(stored()).toMatchObject({ accessToken: 'a-new', refreshToken: 'r-new' });
    });

    it('should use the rotated refresh token for the next refresh', () => {
      givenStoredSession(aTokenResponse({ refreshToken: 'r-1' }));
      const auth = TestBed.inject(AuthService);

      auth.refresh().subscribe();
      httpMock.expectOne(REFRESH_URL).flush(aTokenResponse({ refreshToken: 'r-2' }));
      auth.refresh().subscribe();

      expect(httpMock.expectOne(REFRESH_URL).request.body).toEqual({ refreshToken: 'r-2' });
    });

    it('should give every concurrent caller the failure when the session has ended', () => {
      givenStoredSession();
      const auth = TestBed.inject(AuthService);
      const failures: unknown[] = [];

      auth.refresh().subscribe({ error: (error: unknown) => failures.push(error) });
      auth.refresh().subscribe({ error: (error: unknown) => failures.push(error) });
      httpMock.expectOne(REFRESH_URL).flush(tokenExpired.body, tokenExpired.init);

      expect(failures).toHaveLength(2);
      expect(failures.every((error) => error instanceof HttpErrorResponse && error.status === 401)).toBe(
        true,
      );
    });

    it('should fail without a request when there is no session', () => {
      const auth = TestBed.inject(AuthService);
      let received: unknown;

      auth.refresh().subscribe({ error: (error: unknown) => (received = error) });

      expect(received).toBeInstanceOf(NoSessionError);
      httpMock.expectNone(REFRESH_URL);
    });

    it('should not bring the session back when the user logged out while it was in flight', () => {
      givenStoredSession();
      const auth = TestBed.inject(AuthService);
      let received: unknown;

      auth.refresh().subscribe({ error: (error: unknown) => (received = error) });
      auth.clearSession();
      httpMock.expectOne(REFRESH_URL).flush(aTokenResponse());

      expect(received).toBeInstanceOf(NoSessionError);
      expect(auth.isLoggedIn()).toBe(false);
      expect(stored()).toBeNull();
    });
  });
});
