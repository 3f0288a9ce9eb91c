import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { UserRole } from './auth.models';
import { roleGuard } from './role.guard';
import { aSessionUser, aTokenResponse, givenStoredSession } from './testing/auth-builders';

@Component({
  selector: 'app-test-page',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class PageComponent {}

describe('roleGuard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: PageComponent },
          { path: 'reviews', component: PageComponent, canActivate: [roleGuard('leader')] },
          { path: 'admin', component: PageComponent, canActivate: [roleGuard('admin', 'auditor')] },
        ]),
      ],
    });
  });

  it.each([
    { role: 'leader' as UserRole, url: '/reviews', expected: '/reviews' },
    { role: 'lead' as UserRole, url: '/reviews', expected: '/' },
    { role: 'auditor' as UserRole, url: '/admin', expected: '/admin' },
    { role: 'leader' as UserRole, url: '/admin', expected: '/' },
  ])('should leave a $role who opens $url at $expected', async ({ role, url, expected }) => {
    givenStoredSession(aTokenResponse({ user: aSessionUser({ role }) }));
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl(url);

    expect(TestBed.inject(Router).url).toBe(expected);
  });

  it('should send a visitor without a session to the home page', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/reviews');

    expect(TestBed.inject(Router).url).toBe('/');
  });
});
