import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { NzModalService } from 'ng-zorro-antd/modal';

import { aDepartmentYear } from '../../../../core/api/testing/department-builders';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import type { ProjectMonitoring } from '../../../reports/monitoring.models';
import {
  aLatestReport,
  aPeriodState,
  aProjectMonitoring,
  anIndicator,
} from '../../../reports/testing/monitoring-builders';
import { ReviewDetailComponent } from './review-detail.component';

const PROJECT_ID = '11111111-1111-4111-8111-111111111111';
const PERIOD = '2025-06';
const returnUrl = `/api/projects/${PROJECT_ID}/periods/${PERIOD}/return`;

@Component({
  selector: 'app-test-inbox',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class InboxStubComponent {}

describe(ReviewDetailComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'reviews', component: InboxStubComponent },
          { path: 'reviews/:projectId/:period', component: ReviewDetailComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpMock.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((element) => element.remove());
  });

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  function submitted(overrides: Partial<ProjectMonitoring> = {}): ProjectMonitoring {
    return aProjectMonitoring({
      indicators: [
        anIndicator({
          name: '开展“三会一课”、主题党日活动',
          latestReport: aLatestReport({ actualRaw: '3次', light: 'red', status: 'submitted' }),
          light: 'red',
          lightReason: '进度值 50.0 低于 60（红灯）',
        }),
        anIndicator({ name: '党员学习内容覆盖率', targetRaw: '100%', level2: '质量指标', light: 'grey' }),
      ],
      reportPeriods: [aPeriodState({ status: 'submitted', version: 2, submittedAt: '2025-07-05T02:00:00Z' })],
      ...overrides,
    });
  }

  async function open(project: ProjectMonitoring = submitted()): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/reviews/${PROJECT_ID}/${PERIOD}`, ReviewDetailComponent);
    await settle();
    httpMock.expectOne((req) => req.url === `/api/projects/${PROJECT_ID}`).flush(project);
    for (const pending of httpMock.match((req) => req.url.endsWith('/evidence'))) pending.flush([]);
    await settle();
  }

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  /** The return dialog renders in the overlay container, outside the page. */
  function dialog(): HTMLElement | null {
    return document.querySelector('.ant-modal');
  }

  async function clickDialogButton(text: string): Promise<void> {
    const button = Array.from(dialog()?.querySelectorAll('button') ?? []).find(
      (candidate) => candidate.textContent?.replace(/\s+/g, '') === text,
    );
    if (!button) throw new Error(`no dialog button ${text}`);
    button.click();
    await settle();
  }

  async function typeReason(reason: string): Promise<void> {
    const textarea = document.querySelector('#return-reason') as HTMLTextAreaElement;
    textarea.value = reason;
    textarea.dispatchEvent(new Event('input'));
    await settle();
  }

  async function openReturnDialog(): Promise<void> {
    (page().querySelector('button.return') as HTMLButtonElement).click();
    await settle();
  }

  it('should show the submitted rows read-only with their lights and the flag count', async () => {
    await open();

    expect(page().querySelector('input, textarea:not(#return-reason)')).toBeNull();
    const rows = Array.from(page().querySelectorAll('tbody tr'));
    expect(rows[0].textContent).toContain('3次');
    expect(rows[0].textContent).toContain('红灯');
    expect(rows[0].textContent).toContain('进度值 50.0 低于 60');
    expect(rows[1].textContent).toContain('本期未填报');
    expect(page().querySelector('.flagged')?.textContent).toContain('1 项指标亮红灯或黄灯');
  });

  it('should not send a return without a reason', async () => {
    await open();
    await openReturnDialog();

    await typeReason('   ');
    await clickDialogButton('退回');

    httpMock.expectNone(returnUrl);
    expect(document.querySelector('#return-reason-error')?.textContent).toContain('请填写退回原因');
    expect(document.querySelector('#return-reason')?.getAttribute('aria-invalid')).toBe('true');
    expect(dialog()).not.toBeNull();
  });

  it('should return the month with the reason and the version, then go back to the inbox', async () => {
    await open();
    await openReturnDialog();

    await typeReason('  三会一课进度落后，请说明原因  ');
    await clickDialogButton('退回');

    const request = httpMock.expectOne(returnUrl);
    expect(request.request.body).toEqual({ reason: '三会一课进度落后，请说明原因', version: 2 });
    request.flush({
      id: 'p1',
      period: PERIOD,
      status: 'returned',
      returnReason: '三会一课进度落后，请说明原因',
      version: 3,
    });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/reviews');
  });

  it("should show the API's field message when it refuses the reason", async () => {
    await open();
    await openReturnDialog();
    await typeReason('x');
    await clickDialogButton('退回');

    httpMock.expectOne(returnUrl).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '请求数据有误：reason',
        errors: { reason: 'reason：请填写原因' },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(document.querySelector('#return-reason-error')?.textContent?.trim()).toBe('请填写原因');
  });

  it('should approve with the version after confirming', async () => {
    await open();
    const modal = harness.fixture.debugElement
      .query(By.directive(ReviewDetailComponent))
      .injector.get(NzModalService);
    jest.spyOn(modal, 'confirm').mockImplementation((options) => {
      void (options?.nzOnOk as () => void)();
      return null as never;
    });

    (page().querySelector('button.approve') as HTMLButtonElement).click();
    await settle();

    const request = httpMock.expectOne(`/api/projects/${PROJECT_ID}/periods/${PERIOD}/approve`);
    expect(request.request.body).toEqual({ version: 2 });
    request.flush({ id: 'p1', period: PERIOD, status: 'approved', returnReason: null, version: 3 });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/reviews');
  });

  it("should show the previous month's actual, the change and the cumulative-decrease warning on the row", async () => {
    await open(
      aProjectMonitoring({
        reportPeriods: [aPeriodState({ status: 'submitted', version: 2 })],
        indicators: [
          anIndicator({
            name: '劳动监察日常巡查次数',
            latestReport: aLatestReport({
              actualRaw: '90',
              actualValue: 90,
              status: 'submitted',
              warnings: [
                {
                  code: 'cumulative-decrease',
                  message: '累计完成值 90 低于 5 月填报的 105，累计数不应减少，请核对',
                },
              ],
            }),
            previousReport: { period: '2025-05', actualRaw: '105', actualValue: 105 },
            change: -15,
          }),
          anIndicator({ name: '党员学习内容覆盖率', targetRaw: '100%', level2: '质量指标', light: 'grey' }),
        ],
      }),
    );

    const headers = Array.from(page().querySelectorAll('thead th')).map((th) => th.textContent?.trim());
    expect(headers).toEqual(expect.arrayContaining(['上期完成值', '较上期']));
    const [first, second] = Array.from(page().querySelectorAll('tbody tr'));
    expect(first.querySelector('[data-cell="previous"]')?.textContent).toContain('105');
    expect(first.querySelector('[data-cell="previous"]')?.textContent).toContain('5 月');
    const change = first.querySelector('[data-cell="change"]');
    expect(change?.textContent?.trim()).toBe('−15');
    expect(change?.classList).toContain('change-down');
    expect(first.querySelector('.row-warning')?.textContent).toContain('累计数不应减少');
    expect(second.querySelector('[data-cell="previous"]')?.textContent?.trim()).toBe('—');
    expect(second.querySelector('[data-cell="change"]')?.textContent?.trim()).toBe('—');
  });

  it('should compose the return reason from the picked common reasons and the text', async () => {
    await open();
    await openReturnDialog();

    const options = Array.from(document.querySelectorAll('.return-reasons label'));
    expect(options.map((option) => option.textContent?.trim())).toEqual([
      '完成值与佐证材料不一致',
      '偏差原因说明不充分',
      '缺少佐证材料',
      '完成值填报有误',
      '其他',
    ]);
    for (const index of [2, 0]) {
      (options[index].querySelector('input') as HTMLInputElement).click();
      await settle();
    }
    await typeReason('请补充 6 月签到表');
    await clickDialogButton('退回');

    const request = httpMock.expectOne(returnUrl);
    expect(request.request.body).toEqual({
      reason: '完成值与佐证材料不一致；缺少佐证材料：请补充 6 月签到表',
      version: 2,
    });
    request.flush({ id: 'p1', period: PERIOD, status: 'returned', returnReason: 'x', version: 3 });
    await settle();
  });

  it('should take a picked common reason alone but ask for words when only 其他 is picked', async () => {
    await open();
    await openReturnDialog();
    const options = Array.from(document.querySelectorAll('.return-reasons label'));

    (options[4].querySelector('input') as HTMLInputElement).click();
    await settle();
    await clickDialogButton('退回');
    httpMock.expectNone(returnUrl);
    expect(document.querySelector('#return-reason-error')?.textContent).toContain('请填写退回原因');

    (options[1].querySelector('input') as HTMLInputElement).click();
    await settle();
    await clickDialogButton('退回');
    expect(httpMock.expectOne(returnUrl).request.body).toEqual({ reason: '偏差原因说明不充分', version: 2 });
  });

  it('should offer no decision when the month is not submitted', async () => {
    await open(submitted({ reportPeriods: [aPeriodState({ status: 'approved', version: 3 })] }));

    expect(page().querySelector('button.approve')).toBeNull();
    expect(page().querySelector('button.return')).toBeNull();
    expect(page().textContent).toContain('本期状态为“已审核通过”，当前无需审核');
  });
});

/** 部门整体 in the same review page (route data `overall`): the department-wide goals' month. */
describe(`${ReviewDetailComponent.name} (部门整体)`, () => {
  const yearUrl = '/api/departments/031/years/2025';
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'reviews', component: InboxStubComponent },
          {
            path: 'reviews/overall/:code/:period',
            component: ReviewDetailComponent,
            data: { overall: true },
          },
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

  it('should show the submitted department-wide month without a budget line and approve it on its route', async () => {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/reviews/overall/031/${PERIOD}`, ReviewDetailComponent);
    await settle();
    const project = aProjectMonitoring({
      indicators: [
        anIndicator({ name: '部门整体工作完成率', latestReport: aLatestReport({ actualRaw: '96%' }) }),
      ],
    });
    httpMock
      .expectOne((req) => req.url === yearUrl)
      .flush(
        aDepartmentYear({
          department: { code: '031', name: '人社局' },
          goals: project.goals,
          reportPeriods: [aPeriodState({ status: 'submitted', version: 5 })],
        }),
      );
    for (const pending of httpMock.match((req) => req.url.endsWith('/evidence'))) pending.flush([]);
    await settle();
    const page = harness.routeNativeElement as HTMLElement;

    expect(page.querySelector('.page-title')?.textContent).toContain('人社局 · 部门整体');
    expect(page.textContent).toContain('部门整体工作完成率');
    expect(page.textContent).not.toContain('预算执行');

    const modal = harness.fixture.debugElement
      .query(By.directive(ReviewDetailComponent))
      .injector.get(NzModalService);
    jest.spyOn(modal, 'confirm').mockImplementation((options) => {
      void (options?.nzOnOk as () => void)();
      return null as never;
    });
    (page.querySelector('button.approve') as HTMLButtonElement).click();
    await settle();

    const request = httpMock.expectOne(`${yearUrl}/periods/${PERIOD}/approve`);
    expect(request.request.body).toEqual({ version: 5 });
    request.flush({
      id: 'p1',
      projectId: null,
      period: PERIOD,
      status: 'approved',
      returnReason: null,
      version: 6,
    });
    await settle();
    httpMock.match('/api/me/tasks');
    expect(TestBed.inject(Router).url).toBe('/reviews');
  });
});
