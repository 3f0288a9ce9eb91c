import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ApplicationRef, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { aTokenResponse, givenStoredSession } from './testing/auth-builders';

@Component({ selector: 'app-blank', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankComponent {}

type ResponseBody = Parameters<TestRequest['flush']>[0];

const DEPARTMENTS_URL = '/api/departments';
const REFRESH_URL = '/api/auth/refresh';

const unauthorized = (
  code: string,
  message: string,
): [ResponseBody, { status: number; statusText: string }] => [
  { statusCode: 401, code, message },
  { status: 401, statusText: 'Unauthorized' },
];
const TOKEN_EXPIRED = unauthorized('TOKEN_EXPIRED', '登录已过期，请重新登录');
const SESSION_ENDED = unauthorized('TOKEN_EXPIRED', '会话已结束（已退出、已过期或长时间未操作），请重新登录');

describe(authInterceptor.name, () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: BlankComponent },
          { path: 'projects', component: BlankComponent },
          { path: 'password', component: BlankComponent },
        ]),
      ],
    });
  });

  afterEach(() => httpMock.verify());

  /** Starts the app on a page, signed in with the given access and refresh tokens. */
  async function start(accessToken = 'a-1', refreshToken = 'r-1', url = '/projects'): Promise<void> {
    givenStoredSession(aTokenResponse({ accessToken, refreshToken }));
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    await router.navigateByUrl(url);
  }

  interface Outcome {
    body?: unknown;
    error?: unknown;
  }

  function get(url = DEPARTMENTS_URL): Outcome {
    const outcome: Outcome = {};
    http.get(url).subscribe({
      next: (body) => (outcome.body = body),
      error: (error: unknown) => (outcome.error = error),
    });
    return outcome;
  }

  function authorization(request: TestRequest): string | null {
    return request.request.headers.get('Authorization');
  }

  /** Lets the router finish a navigation the interceptor started. */
  async function settle(): Promise<void> {
    await TestBed.inject(ApplicationRef).whenStable();
  }

  it('should send the access token with API calls', async () => {
    await start('a-1');

    const outcome = get();
    const request = httpMock.expectOne(DEPARTMENTS_URL);
    request.flush([]);

    expect(authorization(request)).toBe('Bearer a-1');
    expect(outcome.body).toEqual([]);
  });

  it.each(['/api/auth/login', '/api/auth/refresh', '/assets/config.json', 'https://example.org/api/x'])(
    'should send no token to %s',
    async (url) => {
      await start('a-1');

      http.post(url, {}).subscribe({ error: () => undefined });

      expect(authorization(httpMock.expectOne(url))).toBeNull();
    },
  );

  it('should leave a failed login alone: no refresh, no redirect, the session kept', async () => {
    await start();
    let received: unknown;

    http.post('/api/auth/login', {}).subscribe({ error: (error: unknown) => (received = error) });
    httpMock
      .expectOne('/api/auth/login')
      .flush(...unauthorized('INVALID_CREDENTIALS', '用户名或密码错误，或账户暂不可用'));
    await settle();

    expect((received as HttpErrorResponse).status).toBe(401);
    httpMock.expectNone(REFRESH_URL);
    expect(router.url).toBe('/projects');
    expect(TestBed.inject(AuthService).isLoggedIn()).toBe(true);
  });

  it('should open the change-password page, keeping the session, when the server requires a new password', async () => {
    await start();

    const outcome = get();
    httpMock
      .expectOne(DEPARTMENTS_URL)
      .flush(
        { statusCode: 403, code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle();

    expect((outcome.error as HttpErrorResponse).status).toBe(403);
    httpMock.expectNone(REFRESH_URL);
    expect(router.url).toBe('/password');
    const auth = TestBed.inject(AuthService);
    expect(auth.isLoggedIn()).toBe(true);
    expect(auth.mustChangePassword()).toBe(true);
  });

  it('should refresh and replay the request with the new token when the access token expired', async () => {
    await start('a-old', 'r-old');

    const outcome = get();
    httpMock.expectOne(DEPARTMENTS_URL).flush(...TOKEN_EXPIRED);
    const refresh = httpMock.expectOne(REFRESH_URL);
    expect(refresh.request.body).toEqual({ refreshToken: 'r-old' });
    refresh.flush(aTokenResponse({ accessToken: 'a-new', refreshToken: 'r-new' }));
    const replay = httpMock.expectOne(DEPARTMENTS_URL);
    replay.flush([{ code: '031' }]);

    expect(authorization(replay)).toBe('Bearer a-new');
    expect(outcome).toEqual({ body: [{ code: '031' }] });
    expect(router.url).toBe('/projects');
  });

  it('should refresh once for concurrent requests that all found the token expired', async () => {
    await start('a-old');

    const first = get('/api/departments');
    const second = get('/api/projects');
    httpMock.expectOne('/api/departments').flush(...TOKEN_EXPIRED);
    httpMock.expectOne('/api/projects').flush(...TOKEN_EXPIRED);
    httpMock.expectOne(REFRESH_URL).flush(aTokenResponse({ accessToken: 'a-new' }));
    const replays = [httpMock.expectOne('/api/departments'), httpMock.expectOne('/api/projects')];
    replays.forEach((request) => request.flush('ok'));

    expect(replays.map(authorization)).toEqual(['Bearer a-new', 'Bearer a-new']);
    expect([first.body, second.body]).toEqual(['ok', 'ok']);
  });

  it('should replay without a second refresh when the 401 arrives after another request refreshed', async () => {
    await start('a-old');

    get('/api/departments');
    const late = get('/api/projects');
    httpMock.expectOne('/api/departments').flush(...TOKEN_EXPIRED);
    httpMock.expectOne(REFRESH_URL).flush(aTokenResponse({ accessToken: 'a-new' }));
    httpMock.expectOne('/api/departments').flush('ok');
    httpMock.expectOne('/api/projects').flush(...TOKEN_EXPIRED);
    const replay = httpMock.expectOne('/api/projects');
    replay.flush('late ok');

    httpMock.expectNone(REFRESH_URL);
    expect(authorization(replay)).toBe('Bearer a-new');
    expect(late.body).toBe('late ok');
  });

  it('should end the session and open the login page with the reason and the way back when the refresh fails', async () => {
    await start('a-old', 'r-old', '/projects?department=031&year=2025');

    const first = get('/api/departments');
    const second = get('/api/projects');
    httpMock.expectOne('/api/departments').flush(...TOKEN_EXPIRED);
    httpMock.expectOne('/api/projects').flush(...TOKEN_EXPIRED);
    httpMock.expectOne(REFRESH_URL).flush(...SESSION_ENDED);
    await settle();

    expect(router.url).toBe('/login?reason=expired&returnUrl=%2Fprojects%3Fdepartment%3D031%26year%3D2025');
    expect(TestBed.inject(AuthService).isLoggedIn()).toBe(false);
    expect(sessionStorage.length).toBe(0);
    // The callers still learn their request failed, with the original answer.
    expect((first.error as HttpErrorResponse).error).toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect((second.error as HttpErrorResponse).status).toBe(401);
  });

  it('should end the session without trying a refresh when the token is not accepted at all', async () => {
    await start();

    const outcome = get();
    httpMock.expectOne(DEPARTMENTS_URL).flush(...unauthorized('UNAUTHORIZED', '登录凭证无效，请重新登录'));
    await settle();

    httpMock.expectNone(REFRESH_URL);
    expect(router.url).toBe('/login?reason=expired&returnUrl=%2Fprojects');
    expect((outcome.error as HttpErrorResponse).status).toBe(401);
  });

  it('should end the session instead of refreshing again when the replayed request is refused too', async () => {
    await start();

    get();
    httpMock.expectOne(DEPARTMENTS_URL).flush(...TOKEN_EXPIRED);
    httpMock.expectOne(REFRESH_URL).flush(aTokenResponse());
    httpMock.expectOne(DEPARTMENTS_URL).flush(...SESSION_ENDED);
    await settle();

    httpMock.expectNone(REFRESH_URL);
    expect(router.url).toBe('/login?reason=expired&returnUrl=%2Fprojects');
  });

  it('should keep the session and report the failure when the refresh cannot reach the server', async () => {
    await start();

    const outcome = get();
    httpMock.expectOne(DEPARTMENTS_URL).flush(...TOKEN_EXPIRED);
    httpMock.expectOne(REFRESH_URL).error(new ProgressEvent('error'));
    await settle();

    expect((outcome.error as HttpErrorResponse).status).toBe(0);
    expect(TestBed.inject(AuthService).isLoggedIn()).toBe(true);
    expect(router.url).toBe('/projects');
  });

  it('should pass other errors through untouched', async () => {
    await start();

    const outcome = get();
    httpMock
      .expectOne(DEPARTMENTS_URL)
      .flush(
        { statusCode: 403, code: 'FORBIDDEN', message: '没有权限执行此操作' },
        { status: 403, statusText: 'Forbidden' },
      );

    httpMock.expectNone(REFRESH_URL);
    expect((outcome.error as HttpErrorResponse).status).toBe(403);
    expect(TestBed.inject(AuthService).isLoggedIn()).toBe(true);
  });
});
