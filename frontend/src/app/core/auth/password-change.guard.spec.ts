import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { passwordChangeGuard } from './password-change.guard';
import { aSessionUser, aTokenResponse, givenStoredSession } from './testing/auth-builders';

@Component({ selector: 'app-page-stub', template: 'page', changeDetection: ChangeDetectionStrategy.OnPush })
class PageStubComponent {}

describe('passwordChangeGuard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'password', component: PageStubComponent },
          { path: 'projects', component: PageStubComponent, canActivate: [passwordChangeGuard] },
        ]),
      ],
    });
  });

  afterEach(() => sessionStorage.clear());

  async function open(url: string): Promise<string> {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return TestBed.inject(Router).url;
  }

  it.each([
    { mustChangePassword: true, expected: '/password' },
    { mustChangePassword: false, expected: '/projects' },
    { mustChangePassword: undefined, expected: '/projects' },
  ])(
    'should lead to $expected when mustChangePassword is $mustChangePassword',
    async ({ mustChangePassword, expected }) => {
      givenStoredSession(aTokenResponse({ user: aSessionUser({ mustChangePassword }) }));
      expect(await open('/projects')).toBe(expected);
    },
  );
});
