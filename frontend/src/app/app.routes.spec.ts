import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { appRoutes } from './app.routes';
import { AuthService } from './core/auth/auth.service';
import { aSessionUser, aTokenResponse, givenStoredSession } from './core/auth/testing/auth-builders';
import { provideZhCnLocale } from './core/i18n/bundled-locale';
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

  afterEach(() => {
    // The landing page (the dashboard) starts by loading the departments; its own spec answers them. So do
    // the reminders of the roles that have tasks (an admin: the 部门整体 reports).
    httpMock.match('/api/departments');
    httpMock.match('/api/me/tasks');
    httpMock.match('/api/notifications');
    httpMock.verify();
  });

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

  function menu(root: HTMLElement): (string | null | undefined)[][] {
    return Array.from(root.querySelectorAll('[nz-menu-item] a')).map((link) => [
      link.textContent?.trim(),
      link.getAttribute('href'),
    ]);
  }

  it('should frame every screen with the product name and the menu entries of every role', async () => {
    const root = await go('/dashboard');

    expect(root.querySelector('nz-header')?.textContent).toContain('绩效目标管理');
    expect(root.querySelector('nz-header')?.textContent).toContain('Jixiao');
    expect(menu(root).slice(0, 4)).toEqual([
      ['首页', '/dashboard'],
      ['项目', '/projects'],
      ['部门整体', '/overall'],
      ['绩效自评', '/self-evaluation'],
    ]);
  });

  it.each([
    { role: 'lead' as const, shown: [['填报', '/reports']] },
    { role: 'leader' as const, shown: [['审核', '/reviews']] },
    {
      role: 'admin' as const,
      shown: [
        ['填报', '/reports'],
        ['管理', '/admin'],
      ],
    },
    { role: 'auditor' as const, shown: [['管理', '/admin']] },
  ])('should show a $role only the role entries $shown', async ({ role, shown }) => {
    const root = await go('/dashboard', aSessionUser({ role }));
    httpMock.match('/api/me/tasks').forEach((request) => request.flush({ tasks: [], counts: {} }));

    expect(menu(root).slice(4)).toEqual(shown);
  });

  it.each([
    { role: 'auditor' as const, url: '/reports' },
    { role: 'lead' as const, url: '/reviews' },
    { role: 'leader' as const, url: '/reports' },
  ])("should keep a $role out of $url, which is not their role's screen", async ({ role, url }) => {
    await go(url, aSessionUser({ role }));
    // Whatever the landing page and the reminders ask for is not this test's concern.
    httpMock.match(() => true);

    expect(TestBed.inject(Router).url).not.toBe(url);
  });

  it('should let an admin into 填报, where the department-wide goals (部门整体) are reported', async () => {
    await go('/reports', aSessionUser({ role: 'admin' }));
    httpMock.match(() => true);

    expect(TestBed.inject(Router).url).toBe('/reports');
  });

  it.each([
    {
      role: 'admin' as const,
      tabs: [
        '用户',
        '项目负责人',
        '导入',
        '年度与项目',
        '期间锁定与监控轮次',
        '审计日志',
        '指标值更正',
        '目标质量审查',
        '监控规则',
      ],
    },
    { role: 'auditor' as const, tabs: ['用户', '期间锁定与监控轮次', '审计日志', '目标质量审查'] },
  ])('should open the users tab of 管理 at /admin for the $role', async ({ role, tabs }) => {
    const root = await go('/admin', aSessionUser({ role }));
    httpMock.expectOne('/api/users').flush([]);
    httpMock.expectOne('/api/departments').flush([]);
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(TestBed.inject(Router).url).toBe('/admin/users');
    expect(TestBed.inject(Title).getTitle()).toBe('用户 · 绩效目标管理');
    expect(root.querySelector('.sider [nz-menu-item].ant-menu-item-selected')?.textContent?.trim()).toBe(
      '管理',
    );
    expect(
      Array.from(root.querySelectorAll('app-admin-layout [nz-menu-item] a')).map((a) =>
        a.textContent?.trim(),
      ),
    ).toEqual(tabs);
  });

  it.each(['/', '/no-such-page'])('should open the dashboard at %s', async (url) => {
    await go(url);

    expect(TestBed.inject(Router).url).toBe('/dashboard');
    expect(TestBed.inject(Title).getTitle()).toBe('首页 · 绩效目标管理');
    httpMock.expectOne('/api/departments');
  });

  it('should land a lead on 我的项目 under the 填报 menu entry', async () => {
    const root = await go('/', aSessionUser({ role: 'lead', username: 'lead01' }));
    httpMock.match('/api/me/tasks');
    httpMock.match('/api/notifications');
    httpMock.expectOne('/api/me/projects');

    expect(TestBed.inject(Router).url).toBe('/reports');
    expect(TestBed.inject(Title).getTitle()).toBe('我的项目 · 绩效目标管理');
    expect(root.querySelector('[nz-menu-item].ant-menu-item-selected')?.textContent?.trim()).toBe('填报');
  });

  it('should land a leader on the dashboard', async () => {
    await go('/', aSessionUser({ role: 'leader', username: 'leader' }));
    httpMock.match('/api/me/tasks');
    httpMock.match('/api/notifications');

    expect(TestBed.inject(Router).url).toBe('/dashboard');
  });

  it.each([
    { url: '/dashboard', page: '首页', heading: '监控看板' },
    { url: '/projects', page: '项目', heading: '项目' },
    { url: '/overall', page: '部门整体', heading: '部门整体' },
  ])('should open the $page page at $url with its menu entry selected', async ({ url, page, heading }) => {
    const root = await go(url);

    expect(root.querySelector('h2')?.textContent?.trim()).toBe(heading);
    expect(TestBed.inject(Title).getTitle()).toBe(`${page} · 绩效目标管理`);
    expect(root.querySelector('[nz-menu-item].ant-menu-item-selected')?.textContent?.trim()).toBe(page);
    httpMock.expectOne('/api/departments');
  });

  it('should open a project detail at /projects/:id under the 项目 menu entry', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const root = await go(`/projects/${id}`);

    httpMock.expectOne(`/api/projects/${id}`);
    expect(TestBed.inject(Title).getTitle()).toBe('项目详情 · 绩效目标管理');
    expect(root.querySelector('[nz-menu-item].ant-menu-item-selected')?.textContent?.trim()).toBe('项目');
  });

  it.each([
    { role: 'admin' as const, label: '绩效管理员' },
    { role: 'leader' as const, label: '部门领导' },
    { role: 'lead' as const, label: '项目负责人' },
    { role: 'auditor' as const, label: '审计员' },
  ])("should show the user's name and the role $role as $label in the header", async ({ role, label }) => {
    const root = await go('/dashboard', aSessionUser({ displayName: '张明', role }));
    // Leads and leaders have reminders; their answer is not this test's concern.
    httpMock.match('/api/me/tasks');
    httpMock.match('/api/notifications');

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
    // 管理 opens its first tab before the guard runs.
    { url: '/admin', expected: '/login?returnUrl=%2Fadmin%2Fusers' },
    // The shell's redirect to the landing page applies before the guard.
    { url: '/', expected: '/login?returnUrl=%2Fdashboard' },
  ])('should show the login page outside the shell when signed out at $url', async ({ url, expected }) => {
    const root = await go(url, null);

    expect(TestBed.inject(Router).url).toBe(expected);
    expect(root.querySelector('nz-header')).toBeNull();
    expect(root.querySelector('form')).not.toBeNull();
    httpMock.expectNone('/api/departments');
  });

  it.each(['/dashboard', '/admin/users', '/projects'])(
    'should keep a user who must change the password on the change-password page instead of %s',
    async (url) => {
      const root = await go(url, aSessionUser({ mustChangePassword: true }));

      expect(TestBed.inject(Router).url).toBe('/password');
      expect(root.querySelector('nz-header')).toBeNull();
      expect(root.querySelector('#new-password')).not.toBeNull();
      httpMock.expectNone('/api/departments');
    },
  );
});
