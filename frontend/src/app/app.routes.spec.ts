import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { appRoutes } from './app.routes';
import { provideZhCnLocale } from './core/i18n/provide-locale';
import { provideAppIcons } from './core/icons/provide-app-icons';
import { AppTitleStrategy } from './core/routing/app-title.strategy';

describe('appRoutes', () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
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
    harness = await RouterTestingHarness.create();
  });

  async function go(url: string): Promise<HTMLElement> {
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
});
