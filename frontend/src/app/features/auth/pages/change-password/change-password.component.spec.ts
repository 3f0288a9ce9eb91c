import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { AuthService } from '../../../../core/auth/auth.service';
import { passwordChangeGuard } from '../../../../core/auth/password-change.guard';
import {
  aSessionUser,
  aTokenResponse,
  givenStoredSession,
} from '../../../../core/auth/testing/auth-builders';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { CHANGE_PASSWORD_ROUTES } from '../../routes';
import { ChangePasswordComponent } from './change-password.component';

@Component({ selector: 'app-page-stub', template: 'home', changeDetection: ChangeDetectionStrategy.OnPush })
class PageStubComponent {}

describe(ChangePasswordComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'password', children: CHANGE_PASSWORD_ROUTES },
          { path: '', pathMatch: 'full', component: PageStubComponent, canActivate: [passwordChangeGuard] },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
      ],
    });
    givenStoredSession(aTokenResponse({ user: aSessionUser({ mustChangePassword: true }) }));
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpMock.verify();
    sessionStorage.clear();
  });

  async function open(): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/password');
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const text = (selector: string): string =>
    page().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function fill(current: string, next: string, confirm: string): Promise<void> {
    for (const [id, value] of [
      ['current-password', current],
      ['new-password', next],
      ['confirm-password', confirm],
    ]) {
      const input = page().querySelector(`#${id}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    (page().querySelector('button[type=submit]') as HTMLButtonElement).click();
    await settle();
  }

  it('should say why the user is here, change the password and then let them in', async () => {
    await open();
    expect(text('[role=status]')).toContain('请先改为只有您知道的新密码');

    await fill('Reset-Pass-2025', 'Own-Choice-2025', 'Own-Choice-2025');
    const request = httpMock.expectOne('/api/auth/password');
    expect(request.request.body).toEqual({
      currentPassword: 'Reset-Pass-2025',
      newPassword: 'Own-Choice-2025',
    });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(TestBed.inject(AuthService).mustChangePassword()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it("should refuse two different new passwords without calling the API, and show the server's reason", async () => {
    await open();

    await fill('Reset-Pass-2025', 'Own-Choice-2025', 'Own-Choice-2026');
    httpMock.expectNone('/api/auth/password');
    expect(text('[role=alert]')).toContain('两次输入的新密码不一致');

    await fill('Wrong-Pass-2025', 'Own-Choice-2025', 'Own-Choice-2025');
    httpMock.expectOne('/api/auth/password').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '当前密码不正确',
        errors: { currentPassword: 'currentPassword：当前密码不正确' },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(text('[role=alert]')).toContain('当前密码不正确');
    expect(TestBed.inject(Router).url).toBe('/password');
    expect(TestBed.inject(AuthService).mustChangePassword()).toBe(true);
  });
});
