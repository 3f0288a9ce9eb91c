import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NgModel } from '@angular/forms';
import { By } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { NzModalService } from 'ng-zorro-antd/modal';
import { of } from 'rxjs';

import type { DepartmentYear } from '../../../../core/api/departments.models';
import { aDepartmentYear } from '../../../../core/api/testing/department-builders';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import type { ReportPeriodState } from '../../monitoring.models';
import {
  aLatestReport,
  aPeriodState,
  aProjectMonitoring,
  aReportRow,
  anIndicator,
} from '../../testing/monitoring-builders';
import { ReportEntryComponent } from './report-entry.component';

const PERIOD = '2025-06';
const yearUrl = '/api/departments/031/years/2025';
const locksUrl = `${yearUrl}/locks`;
const submitUrl = `${yearUrl}/periods/${PERIOD}/submit`;

/** 部门整体 in the project entry page (route data `overall`): the department-wide goals' month. */
describe(`${ReportEntryComponent.name} (部门整体)`, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'reports/overall/:code/:period', component: ReportEntryComponent, data: { overall: true } },
          { path: 'reports/:projectId/:period', component: ReportEntryComponent },
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

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  function text(): string {
    return page().textContent?.replace(/\s+/g, ' ') ?? '';
  }

  /** The department-year as GET /api/departments/:code/years/:year answers it, with the project builder's goals. */
  function aYear(
    indicators = [anIndicator({ name: '部门整体工作完成率', targetRaw: '≥95%' })],
    reportPeriods: ReportPeriodState[] = [],
  ): DepartmentYear {
    return aDepartmentYear({
      department: { code: '031', name: '人社局' },
      goals: aProjectMonitoring({ indicators }).goals,
      reportPeriods,
    });
  }

  async function open(year: DepartmentYear = aYear()): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/reports/overall/031/${PERIOD}`, ReportEntryComponent);
    await settle();
    const request = httpMock.expectOne((req) => req.url === yearUrl);
    expect(request.request.params.get('asOf')).toBe(PERIOD);
    request.flush(year);
    httpMock.expectOne(locksUrl).flush([]);
    for (const pending of httpMock.match((req) => req.url.endsWith('/evidence'))) pending.flush([]);
    await settle();
  }

  it("should open the department-wide goals' month in the same grid, without a budget block", async () => {
    await open();

    expect(text()).toContain('人社局 · 部门整体 · 2025 年 6 月');
    expect(
      Array.from(page().querySelectorAll('.entry-row .indicator-name')).map((n) => n.textContent?.trim()),
    ).toEqual(['部门整体工作完成率']);
    expect(page().querySelector('#budget-executed')).toBeNull();
  });

  it('should save the rows, then submit the month to the department route, and turn read-only', async () => {
    const indicator = anIndicator({ latestReport: aLatestReport({ version: 1 }) });
    await open(aYear([indicator], [aPeriodState({ status: 'draft', version: 2 })]));
    const input = page().querySelector<HTMLInputElement>('[data-row="0"][data-cell="actual"]');
    input!.value = '7次';
    input!.dispatchEvent(new Event('input'));
    await settle();
    const modal = harness.fixture.debugElement
      .query(By.directive(ReportEntryComponent))
      .injector.get(NzModalService);
    jest.spyOn(modal, 'confirm').mockImplementation((options) => {
      void (options?.nzOnOk as () => void)();
      return { afterClose: of(undefined) } as never;
    });

    page().querySelector<HTMLButtonElement>('button.submit')!.click();
    await settle();
    httpMock
      .expectOne(`/api/indicators/${indicator.id}/reports/${PERIOD}`)
      .flush(aReportRow({ actualRaw: '7次', version: 2 }));
    await settle();
    const submit = httpMock.expectOne(submitUrl);
    expect(submit.request.body).toEqual({ version: 2 });
    submit.flush({
      id: 'p1',
      projectId: null,
      period: PERIOD,
      status: 'submitted',
      returnReason: null,
      version: 3,
    });
    await settle();
    httpMock.match('/api/me/tasks');

    expect(page().querySelector('.read-only')?.textContent).toContain('本期已提交');
  });

  it('should stay on 部门整体 when the month changes', async () => {
    await open();
    const select = harness.fixture.debugElement.query(By.css('nz-select.month-select'));
    select.injector.get(NgModel).viewToModelUpdate(5);
    await settle();

    expect(TestBed.inject(Router).url).toBe('/reports/overall/031/2025-05');
    httpMock.expectOne((req) => req.url === yearUrl).flush(aYear());
    httpMock.expectOne(locksUrl).flush([]);
    await settle();
  });
});
