import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { AuthService } from '../../../../core/auth/auth.service';
import { aSessionUser, aTokenResponse } from '../../../../core/auth/testing/auth-builders';
import { LOCALE_STORAGE_KEY } from '../../../../core/i18n/locale-preference';
import { LOAD_PAGE } from '../../../../core/i18n/locale.service';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { AppTitleStrategy } from '../../../../core/routing/app-title.strategy';
import { AUTH_ROUTES } from '../../routes';
import { LoginComponent } from './login.component';

@Component({
  selector: 'app-page-stub',
  template: 'signed-in page',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class PageStubComponent {}

type ResponseBody = Parameters<TestRequest['flush']>[0];

const LOGIN_URL = '/api/auth/login';

describe(LoginComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;
  let loaded: string[];

  beforeEach(() => {
    loaded = [];
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', children: AUTH_ROUTES },
          { path: 'projects', component: PageStubComponent },
          { path: 'password', component: PageStubComponent },
          { path: '', pathMatch: 'full', component: PageStubComponent },
        ]),
        { provide: TitleStrategy, useClass: AppTitleStrategy },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
        { provide: LOAD_PAGE, useValue: (url: string) => loaded.push(url) },
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(url = '/login'): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  function text(selector: string): string {
    return page().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** The failure alert as the user reads it: title, then each line of the description. */
  function failureLines(): string[] {
    return Array.from(
      page().querySelectorAll('[role=alert] .ant-alert-message, [role=alert] .ant-alert-description span'),
    ).map((line) => line.textContent?.trim() ?? '');
  }

  function input(id: string): HTMLInputElement {
    return page().querySelector(`#${id}`) as HTMLInputElement;
  }

  async function type(id: string, value: string): Promise<void> {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input'));
    await settle();
  }

  async function submit(username: string, password: string): Promise<TestRequest> {
    await type('login-username', username);
    await type('login-password', password);
    (page().querySelector('button[type=submit]') as HTMLButtonElement).click();
    await settle();
    return httpMock.expectOne(LOGIN_URL);
  }

  async function answer(request: TestRequest, status: number, body: ResponseBody): Promise<void> {
    request.flush(body, { status, statusText: status === 200 ? 'OK' : 'Error' });
    await settle();
  }

  it('should present the product, the form and the demo accounts hint', async () => {
    await open();

    expect(text('h1')).toContain('绩效目标管理');
    expect(text('.description')).toBe('部门预算项目绩效目标的填报、跟踪与自评');
    expect(text('label[for=login-username]')).toBe('用户名');
    expect(text('label[for=login-password]')).toBe('密码');
    expect(input('login-password').type).toBe('password');
    expect(text('button[type=submit]')).toBe('登录');
    expect(text('.hint')).toBe('演示账户：admin / leader / auditor / lead01…，密码见启动输出');
    expect(TestBed.inject(Title).getTitle()).toBe('登录 · 绩效目标管理');
    expect(page().querySelector('.ant-alert')).toBeNull();
  });

  it('should ask for both fields without calling the API when they are empty', async () => {
    await open();

    (page().querySelector('button[type=submit]') as HTMLButtonElement).click();
    await settle();

    httpMock.expectNone(LOGIN_URL);
    expect(text('.ant-form-item:first-child .ant-form-item-explain')).toBe('请输入用户名');
    expect(text('.ant-form-item:nth-child(2) .ant-form-item-explain')).toBe('请输入密码');
  });

  it('should ask for a field once it was emptied, and mark it invalid for assistive technology', async () => {
    await open();

    await type('login-username', 'ad');
    expect(text('.ant-form-item:first-child .ant-form-item-explain')).toBe('');
    await type('login-username', '');

    expect(text('.ant-form-item:first-child .ant-form-item-explain')).toBe('请输入用户名');
    expect(input('login-username').getAttribute('aria-invalid')).toBe('true');
    expect(input('login-username').getAttribute('aria-describedby')).toBe('login-username-error');
    expect(text('.ant-form-item:nth-child(2) .ant-form-item-explain')).toBe('');
    expect(input('login-password').getAttribute('aria-invalid')).toBe('false');
  });

  it('should show and hide the password with the eye button', async () => {
    await open();
    const toggle = page().querySelector('.ant-input-password-icon') as HTMLElement;
    expect(toggle.getAttribute('aria-label')).toBe('显示密码');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');

    toggle.click();
    await settle();
    expect(input('login-password').type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');

    toggle.click();
    await settle();
    expect(input('login-password').type).toBe('password');
  });

  it("should show the server's one message for a refused login and start the password over", async () => {
    await open();

    const request = await submit(' admin ', 'wrong-password');
    expect(request.request.body).toEqual({ username: 'admin', password: 'wrong-password' });
    await answer(request, 401, {
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误，或账户暂不可用',
    });

    expect(failureLines()).toEqual(['登录失败', '用户名或密码错误，或账户暂不可用']);
    expect(input('login-username').value).toBe(' admin ');
    expect(input('login-password').value).toBe('');
    expect(text('.ant-form-item:nth-child(2) .ant-form-item-explain')).toBe('');
    expect(document.activeElement).toBe(input('login-password'));
    expect(TestBed.inject(Router).url).toBe('/login');
    expect(TestBed.inject(AuthService).isLoggedIn()).toBe(false);
  });

  it.each([
    {
      label: 'the field messages of a validation failure',
      status: 400,
      body: {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '请求参数有误',
        errors: { password: 'password：请输入密码' },
      },
      expected: ['登录失败', '请求参数有误：password：请输入密码'],
    },
    {
      label: 'the network text when the server cannot be reached',
      status: 0,
      body: null,
      expected: ['登录失败', '无法连接服务器，请检查网络后重试'],
    },
  ])('should show $label', async ({ status, body, expected }) => {
    await open();
    const request = await submit('admin', 'Jixiao@2025');

    if (status === 0) {
      request.error(new ProgressEvent('error'));
      await settle();
    } else {
      await answer(request, status, body);
    }

    expect(failureLines()).toEqual(expected);
    expect(input('login-password').value).toBe('Jixiao@2025');
  });

  it('should explain that the session expired when sent here for that reason, until the next attempt', async () => {
    await open('/login?reason=expired&returnUrl=%2Fprojects');

    expect(text('[role=status]')).toBe('登录已过期，请重新登录');

    await answer(await submit('admin', 'wrong'), 401, {
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误，或账户暂不可用',
    });

    expect(page().querySelector('[role=status]')).toBeNull();
    expect(failureLines()).toEqual(['登录失败', '用户名或密码错误，或账户暂不可用']);
  });

  it.each([
    {
      url: '/login?reason=expired&returnUrl=%2Fprojects%3Fdepartment%3D031%26year%3D2025',
      expected: '/projects?department=031&year=2025',
    },
    { url: '/login', expected: '/' },
    { url: '/login?returnUrl=%2F%2Fevil.example', expected: '/' },
  ])('should open $expected after signing in from $url', async ({ url, expected }) => {
    const user = aSessionUser({ displayName: '区财政局领导', role: 'leader' });
    await open(url);

    await answer(await submit('leader', 'Jixiao@2025'), 200, aTokenResponse({ user }));

    expect(TestBed.inject(Router).url).toBe(expected);
    expect(harness.routeNativeElement?.textContent).toBe('signed-in page');
    expect(TestBed.inject(AuthService).user()).toEqual(user);
  });

  it('should open the change-password page instead of the return URL when an admin chose the password', async () => {
    const user = aSessionUser({ role: 'lead', mustChangePassword: true });
    await open('/login?returnUrl=%2Fprojects');

    await answer(await submit('lead01', 'Reset-Pass-2025'), 200, aTokenResponse({ user }));

    expect(TestBed.inject(Router).url).toBe('/password');
    expect(TestBed.inject(AuthService).mustChangePassword()).toBe(true);
  });

  it("should restart the app in the account's language at the return URL when it differs from this browser's", async () => {
    const user = aSessionUser({ role: 'leader', locale: 'en-US' });
    await open('/login?returnUrl=%2Fprojects');

    await answer(await submit('leader', 'Jixiao@2025'), 200, aTokenResponse({ user }));

    expect(loaded).toEqual(['/projects']);
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en-US');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fprojects');
  });

  it('should offer English in English on the login page', async () => {
    await open();

    const button = page().querySelector('button.locale-switch') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('English');
    expect(button.getAttribute('lang')).toBe('en-US');
    expect(button.getAttribute('aria-label')).toBe('切换界面语言为 English');

    button.click();
    await settle();

    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en-US');
    expect(loaded).toHaveLength(1);
  });

  it('should show that it is signing in and ignore a second submit meanwhile', async () => {
    await open();

    await submit('admin', 'Jixiao@2025');
    (page().querySelector('button[type=submit]') as HTMLButtonElement).click();
    await settle();

    expect(text('button[type=submit]')).toBe('正在登录…');
    httpMock.expectNone(LOGIN_URL);
  });
});
