import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import {
  aSessionUser,
  aTokenResponse,
  givenStoredSession,
} from '../../../../core/auth/testing/auth-builders';
import { provideZhCnLocale } from '../../../../core/i18n/provide-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { aTask, aTaskList } from '../../../reminders/testing/task-builders';
import { ReportPickerComponent, defaultMonth } from './report-picker.component';

const LEAD_ID = '00000000-0000-4000-8000-000000000042';

@Component({ selector: 'app-test-entry', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class EntryStubComponent {}

describe(ReportPickerComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'reports', component: ReportPickerComponent },
          { path: 'reports/overall/:code/:period', component: EntryStubComponent },
          { path: 'reports/:projectId/:period', component: EntryStubComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    givenStoredSession(
      aTokenResponse({ user: aSessionUser({ id: LEAD_ID, role: 'lead', username: 'lead01' }) }),
    );
  });

  afterEach(() => httpMock.verify());

  /** The department-wide goals' reporter of the department-year: nobody designated unless given. */
  function answerReporter(
    reporter: { id: string; username: string; displayName: string } | null = null,
  ): void {
    httpMock
      .expectOne('/api/departments/031/years/2025/reporter')
      .flush({ departmentCode: '031', year: 2025, reporter });
  }

  /** The reminders' own request, which these tests do not look at. */
  function ignoreTasks(): void {
    httpMock.match('/api/me/tasks');
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  async function open(): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/reports', ReportPickerComponent);
    await settle();
    return harness.routeNativeElement as HTMLElement;
  }

  it("should offer only the lead's own projects and open the chosen month", async () => {
    const page = await open();
    httpMock.expectOne('/api/departments').flush([{ code: '031', name: '人社局', years: [2024, 2025] }]);
    httpMock.expectOne('/api/departments/031/years/2025/projects').flush([
      {
        id: 'p-other',
        code: null,
        name: '信息化建设',
        leads: [{ id: 'someone-else', displayName: '项目负责人10' }],
      },
      { id: 'p-mine', code: null, name: '党建', leads: [{ id: LEAD_ID, displayName: '项目负责人1' }] },
    ]);
    answerReporter();
    await settle();

    expect(page.querySelector('.project-select')?.textContent).toContain('党建');
    expect(page.textContent).not.toContain('信息化建设');
    expect(page.textContent).not.toContain('部门整体');

    (page.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await settle();

    expect(TestBed.inject(Router).url).toBe(
      `/reports/p-mine/2025-${String(defaultMonth(2025)).padStart(2, '0')}`,
    );
    ignoreTasks();
  });

  it('should say so when the lead has no project yet', async () => {
    const page = await open();
    httpMock.expectOne('/api/departments').flush([{ code: '031', name: '人社局', years: [2025] }]);
    httpMock
      .expectOne('/api/departments/031/years/2025/projects')
      .flush([{ id: 'p1', code: null, name: '党建', leads: [] }]);
    answerReporter();
    await settle();

    expect(page.querySelector('nz-empty')?.textContent).toContain('您还没有被分配为任何项目的负责人');
    ignoreTasks();
  });

  it("should offer the designated reporter 部门整体 and open the department-wide goals' month", async () => {
    const page = await open();
    httpMock.expectOne('/api/departments').flush([{ code: '031', name: '人社局', years: [2025] }]);
    httpMock.expectOne('/api/departments/031/years/2025/projects').flush([]);
    answerReporter({ id: LEAD_ID, username: 'lead01', displayName: '项目负责人1' });
    await settle();

    expect(page.querySelector('nz-empty')).toBeNull();
    expect(page.querySelector('.project-select')?.textContent).toContain('部门整体');
    (page.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await settle();

    expect(TestBed.inject(Router).url).toBe(
      `/reports/overall/031/2025-${String(defaultMonth(2025)).padStart(2, '0')}`,
    );
    ignoreTasks();
  });

  it('should link a department-wide task to the department-wide month', async () => {
    const page = await open();
    httpMock
      .expectOne('/api/me/tasks')
      .flush(
        aTaskList([
          aTask({ kind: 'report-overdue', projectId: null, projectName: '部门整体', period: '2025-04' }),
        ]),
      );
    httpMock.expectOne('/api/departments').flush([{ code: '031', name: '人社局', years: [2025] }]);
    httpMock.expectOne('/api/departments/031/years/2025/projects').flush([]);
    answerReporter();
    await settle();

    const link = page.querySelector('.task a');
    expect(link?.textContent).toContain('部门整体');
    expect(link?.getAttribute('href')).toBe('/reports/overall/031/2025-04');
  });

  it('should list the reminders tasks with links to their months', async () => {
    const page = await open();
    httpMock.expectOne('/api/me/tasks').flush(
      aTaskList([
        aTask({
          kind: 'report-returned',
          projectId: 'p-mine',
          period: '2025-05',
          returnReason: '补充佐证',
        }),
      ]),
    );
    httpMock.expectOne('/api/departments').flush([{ code: '031', name: '人社局', years: [2025] }]);
    httpMock.expectOne('/api/departments/031/years/2025/projects').flush([]);
    answerReporter();
    await settle();

    const task = page.querySelector('.task');
    expect(task?.textContent).toContain('已退回');
    expect(task?.textContent).toContain('退回原因：补充佐证');
    expect(task?.querySelector('a')?.getAttribute('href')).toBe('/reports/p-mine/2025-05');
  });
});

describe('defaultMonth', () => {
  it.each([
    { year: 2025, now: '2026-03-15T04:00:00Z', expected: 12 },
    { year: 2026, now: '2026-03-15T04:00:00Z', expected: 3 },
    { year: 2027, now: '2026-03-15T04:00:00Z', expected: 1 },
    // 23:30 UTC on 31 March is already April in Beijing.
    { year: 2026, now: '2026-03-31T23:30:00Z', expected: 4 },
  ])('should be $expected for $year on $now', ({ year, now, expected }) => {
    expect(defaultMonth(year, new Date(now))).toBe(expected);
  });
});
