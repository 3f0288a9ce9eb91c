import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { appRoutes } from './app.routes';
import { AuthService } from './core/auth/auth.service';
import { aSessionUser, aTokenResponse, givenStoredSession } from './core/auth/testing/auth-builders';
import { provideZhCnLocale } from './core/i18n/provide-locale';
import { provideAppIcons } from './core/icons/provide-app-icons';
import { AppTitleStrategy } from './core/routing/app-title.strategy';

describe('appRoutes', () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        { provide: TitleStrategy, useClass: AppTitleStrategy },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  /** Opens a URL, signed in as the given user unless `user` is null. */
  async function go(
    url: string,
    user: ReturnType<typeof aSessionUser> | null = aSessionUser(),
  ): Promise<HTMLElement> {
    if (user) {
      givenStoredSession(aTokenResponse({ accessToken: 'a-1', user }));
    }
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
    harness.detectChanges();
    return harness.fixture.nativeElement as HTMLElement;
  }

  it('should frame every screen with the product name and the six menu entries', async () => {
    const root = await go('/dashboard');

    expect(root.querySelector('nz-header')?.textContent).toContain('绩效目标管理');
    expect(root.querySelector('nz-header')?.textContent).toContain('Jixiao');
    const entries = Array.from(root.querySelectorAll('[nz-menu-item] a')).map((link) => [
      link.textContent?.trim(),
      link.getAttribute('href'),
    ]);
    expect(entries).toEqual([
      ['首页', '/dashboard'],
      ['项目', '/projects'],
      ['部门整体', '/department'],
      ['填报', '/progress'],
      ['审核', '/approvals'],
      ['管理', '/admin'],
    ]);
  });

  it.each([
    { url: '/dashboard', page: '首页' },
    { url: '/department', page: '部门整体' },
    { url: '/progress', page: '填报' },
    { url: '/approvals', page: '审核' },
    { url: '/admin', page: '管理' },
  ])('should show the under-construction page titled $page at $url', async ({ url, page }) => {
    const root = await go(url);

    expect(root.querySelector('nz-result')?.textContent).toContain(`“${page}”页面正在建设中`);
    expect(TestBed.inject(Title).getTitle()).toBe(`${page} · 绩效目标管理`);
    expect(root.querySelector('[nz-menu-item].ant-menu-item-selected')?.textContent?.trim()).toBe(page);
  });

  it.each(['/', '/no-such-page'])('should open the project list at %s', async (url) => {
    await go(url);

    expect(TestBed.inject(Router).url).toBe('/projects');
    expect(TestBed.inject(Title).getTitle()).toBe('项目 · 绩效目标管理');
    httpMock.expectOne('/api/departments');
  });

  it.each([
    { role: 'admin' as const, label: '绩效管理员' },
    { role: 'leader' as const, label: '部门领导' },
    { role: 'lead' as const, label: '项目负责人' },
    { role: 'auditor' as const, label: '审计员' },
  ])("should show the user's name and the role $role as $label in the header", async ({ role, label }) => {
    const root = await go('/dashboard', aSessionUser({ displayName: '张明', role }));

    expect(root.querySelector('.user-name')?.textContent?.trim()).toBe('张明');
    expect(root.querySelector('.user-role')?.textContent?.trim()).toBe(label);
    expect(root.querySelector('.logout')?.textContent?.trim()).toBe('退出登录');
  });

  it('should end the session on the server and open the login page on 退出登录', async () => {
    const root = await go('/dashboard');

    (root.querySelector('.logout') as HTMLButtonElement).click();
    const logout = httpMock.expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/login');
    expect(TestBed.inject(AuthService).isLoggedIn()).toBe(false);
    expect(TestBed.inject(Title).getTitle()).toBe('登录 · 绩效目标管理');
  });

  it.each([
    { url: '/projects?year=2025', expected: '/login?returnUrl=%2Fprojects%3Fyear%3D2025' },
    { url: '/admin', expected: '/login?returnUrl=%2Fadmin' },
    // The shell's redirect to the landing page applies before the guard.
    { url: '/', expected: '/login?returnUrl=%2Fprojects' },
  ])('should show the login page outside the shell when signed out at $url', async ({ url, expected }) => {
    const root = await go(url, null);

    expect(TestBed.inject(Router).url).toBe(expected);
    expect(root.querySelector('nz-header')).toBeNull();
    expect(root.querySelector('form')).not.toBeNull();
    httpMock.expectNone('/api/departments');
  });
});
