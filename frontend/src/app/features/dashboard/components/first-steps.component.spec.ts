import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { UserRole } from '../../../core/auth/auth.models';
import { aSessionUser, aTokenResponse, givenStoredSession } from '../../../core/auth/testing/auth-builders';
import { FirstStepsComponent } from './first-steps.component';
import { provideZhCnLocale } from '../../../core/i18n/bundled-locale';

describe(FirstStepsComponent.name, () => {
  afterEach(() => sessionStorage.clear());

  function render(role: UserRole, latestReportedPeriod: string | null | undefined): HTMLElement {
    givenStoredSession(aTokenResponse({ user: aSessionUser({ role }) }));
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideZhCnLocale()],
    });
    const fixture = TestBed.createComponent(FirstStepsComponent);
    fixture.componentRef.setInput('latestReportedPeriod', latestReportedPeriod);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('should greet the admin of a department without reports with the three first steps, each a link', () => {
    const element = render('admin', null);
    expect(element.querySelector('h3')?.textContent).toContain('本部门还没有任何填报');
    const links = Array.from(element.querySelectorAll('li a')).map((link) => [
      link.textContent?.trim(),
      link.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['导入预算文件', '/admin/import'],
      ['分配项目负责人', '/admin/assignments'],
      ['开放第一个月', '/admin/periods'],
    ]);
  });

  it.each<[string, UserRole, string | null | undefined]>([
    ['the department has reports', 'admin', '2025-06'],
    ['it is not known (the city view)', 'admin', undefined],
    ['the user is a leader', 'leader', null],
    ['the user is a lead', 'lead', null],
  ])('should show nothing when %s', (_case, role, latest) => {
    expect(render(role, latest).querySelector('.first-steps')).toBeNull();
  });
});
