import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { UserRole } from '../../core/auth/auth.models';
import { aSessionUser, aTokenResponse, givenStoredSession } from '../../core/auth/testing/auth-builders';
import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../core/icons/provide-app-icons';
import { RemindersButtonComponent } from './reminders-button.component';
import { RemindersStore } from './reminders.store';
import { aTask, aTaskList } from './testing/task-builders';

const TASKS_URL = '/api/me/tasks';

/** A page with the header's button on it, as the shell has. */
@Component({
  selector: 'app-test-page',
  imports: [RemindersButtonComponent],
  template: '<app-reminders-button />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class PageWithButtonComponent {}

@Component({
  selector: 'app-test-other',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class OtherPageComponent {}

describe(RemindersButtonComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  function signInAs(role: UserRole): void {
    givenStoredSession(aTokenResponse({ user: aSessionUser({ role }) }));
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'home', component: PageWithButtonComponent },
          { path: 'other', component: OtherPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/home');
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  function root(): HTMLElement {
    return harness.fixture.nativeElement as HTMLElement;
  }

  function bell(): HTMLButtonElement {
    return root().querySelector('button.bell') as HTMLButtonElement;
  }

  it("should show the number of the lead's tasks on the bell", async () => {
    signInAs('lead');
    await open();

    httpMock
      .expectOne(TASKS_URL)
      .flush(
        aTaskList([
          aTask({ kind: 'report-overdue', period: '2025-05' }),
          aTask({ kind: 'report-returned', period: '2025-04', returnReason: '请补充佐证材料' }),
          aTask({ kind: 'report-due', period: '2025-06' }),
        ]),
      );
    await settle();

    expect(root().querySelector('.count')?.textContent?.trim()).toBe('3');
    expect(bell().getAttribute('aria-label')).toBe('待办，共 3 项');
    expect(root().querySelector('#reminders-panel')).toBeNull();
  });

  it('should list the tasks, returned first, with links to the month to fill in', async () => {
    signInAs('lead');
    await open();
    httpMock
      .expectOne(TASKS_URL)
      .flush(
        aTaskList([
          aTask({ kind: 'report-overdue', period: '2025-05' }),
          aTask({ kind: 'report-returned', period: '2025-04', returnReason: '请补充佐证材料' }),
        ]),
      );
    await settle();

    bell().click();
    await settle();

    const items = Array.from(root().querySelectorAll('#reminders-panel .task'));
    expect(items.map((item) => item.querySelector('.kind')?.textContent?.trim())).toEqual([
      '已退回',
      '已逾期',
    ]);
    expect(items[0].textContent).toContain('退回原因：请补充佐证材料');
    expect(items[0].getAttribute('href')).toBe('/reports/11111111-1111-4111-8111-111111111111/2025-04');
    expect(bell().getAttribute('aria-expanded')).toBe('true');
  });

  it("should link a leader's approvals to the review screen", async () => {
    signInAs('leader');
    await open();
    httpMock.expectOne(TASKS_URL).flush(aTaskList([aTask({ kind: 'review', period: '2025-06' })]));
    await settle();

    bell().click();
    await settle();

    expect(root().querySelector('#reminders-panel .task')?.getAttribute('href')).toBe(
      '/reviews/11111111-1111-4111-8111-111111111111/2025-06',
    );
    expect(root().querySelector('#reminders-panel .kind')?.textContent?.trim()).toBe('待审核');
  });

  it('should fetch the count again after a navigation', async () => {
    signInAs('lead');
    await open();
    httpMock.expectOne(TASKS_URL).flush(aTaskList([aTask(), aTask({ period: '2025-05' })]));
    await settle();
    expect(root().querySelector('.count')?.textContent?.trim()).toBe('2');

    await TestBed.inject(Router).navigateByUrl('/other');
    await TestBed.inject(Router).navigateByUrl('/home');
    await settle();
    const refreshes = httpMock.match(TASKS_URL);
    refreshes[refreshes.length - 1].flush(aTaskList([aTask()]));
    await settle();

    expect(root().querySelector('.count')?.textContent?.trim()).toBe('1');
  });

  it('should keep the last count when a refresh fails', async () => {
    signInAs('lead');
    await open();
    httpMock.expectOne(TASKS_URL).flush(aTaskList([aTask()]));
    await settle();

    TestBed.inject(RemindersStore).refresh();
    httpMock.expectOne(TASKS_URL).error(new ProgressEvent('error'));
    await settle();

    expect(root().querySelector('.count')?.textContent?.trim()).toBe('1');
  });

  it('should show no badge and ask nothing for roles without tasks', async () => {
    signInAs('auditor');
    await open();

    httpMock.expectNone(TASKS_URL);
    expect(bell()).toBeNull();
  });
});
