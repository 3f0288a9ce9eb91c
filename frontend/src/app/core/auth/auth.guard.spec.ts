import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { authGuard } from './auth.guard';
import { givenStoredSession } from './testing/auth-builders';

@Component({
  selector: 'app-login-stub',
  template: 'login page',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class LoginStubComponent {}

@Component({
  selector: 'app-projects-stub',
  template: 'project list',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ProjectsStubComponent {}

describe(authGuard.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: LoginStubComponent },
          { path: 'projects', component: ProjectsStubComponent, canActivate: [authGuard] },
        ]),
      ],
    });
  });

  async function open(url: string): Promise<{ url: string; text: string }> {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return {
      url: TestBed.inject(Router).url,
      text: (harness.routeNativeElement as HTMLElement | null)?.textContent ?? '',
    };
  }

  it('should open the page for a signed-in user', async () => {
    givenStoredSession();

    expect(await open('/projects?year=2025')).toEqual({ url: '/projects?year=2025', text: 'project list' });
  });

  it('should send anyone else to the login page with the way back', async () => {
    expect(await open('/projects?year=2025')).toEqual({
      url: '/login?returnUrl=%2Fprojects%3Fyear%3D2025',
      text: 'login page',
    });
  });
});
