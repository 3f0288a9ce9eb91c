import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NgModel } from '@angular/forms';
import { By } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { NzModalService } from 'ng-zorro-antd/modal';
import { of } from 'rxjs';

import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import type { IndicatorNode, PeriodLock, ProjectMonitoring } from '../../monitoring.models';
import { aHistoryPoint } from '../../../../shared/goals/testing/goal-builders';
import {
  aLatestReport,
  aPeriodState,
  aProjectMonitoring,
  aReportRow,
  anIndicator,
} from '../../testing/monitoring-builders';
import { ReportEntryComponent } from './report-entry.component';

type ResponseBody = Parameters<TestRequest['flush']>[0];

const PROJECT_ID = '11111111-1111-4111-8111-111111111111';
const PERIOD = '2025-06';
const projectUrl = `/api/projects/${PROJECT_ID}`;
const locksUrl = '/api/departments/031/years/2025/locks';
const reportUrl = (indicatorId: string): string => `/api/indicators/${indicatorId}/reports/${PERIOD}`;

describe(ReportEntryComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'reports/:projectId/:period', component: ReportEntryComponent }]),
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

  /** Opens the month and answers the project, its locks and the evidence lists of reported rows. */
  async function open(
    project: ProjectMonitoring = aProjectMonitoring(),
    locks: PeriodLock[] = [],
  ): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/reports/${PROJECT_ID}/${PERIOD}`, ReportEntryComponent);
    await settle();
    const request = httpMock.expectOne((req) => req.url === projectUrl);
    expect(request.request.params.get('asOf')).toBe(PERIOD);
    request.flush(project);
    httpMock.expectOne(locksUrl).flush(locks);
    for (const pending of httpMock.match((req) => req.url.endsWith('/evidence'))) {
      pending.flush([]);
    }
    await settle();
  }

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  function text(): string {
    return page().textContent?.replace(/\s+/g, ' ') ?? '';
  }

  function cell(row: number, column: string): HTMLInputElement {
    const element = page().querySelector<HTMLInputElement>(`[data-row="${row}"][data-cell="${column}"]`);
    if (!element) throw new Error(`no cell ${column} in row ${row}`);
    return element;
  }

  async function type(row: number, column: string, value: string): Promise<void> {
    const input = cell(row, column);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    await settle();
  }

  /** The light name and reason shown in a row's 预警灯 column. */
  function lightOf(row: number): string {
    const lights = page().querySelectorAll('.entry-row .col-light');
    return lights[row]?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    return event;
  }

  function button(selector: string): HTMLButtonElement {
    const element = page().querySelector<HTMLButtonElement>(selector);
    if (!element) throw new Error(`no button ${selector}`);
    return element;
  }

  async function save(): Promise<void> {
    button('button.save').click();
    await settle();
  }

  function twoIndicators(): [IndicatorNode, IndicatorNode] {
    return [
      anIndicator({ name: '开展“三会一课”、主题党日活动', targetRaw: '≥12 次' }),
      anIndicator({ name: '党员学习内容覆盖率', targetRaw: '100%', level2: '质量指标' }),
    ];
  }

  it('should show a loading state, then one row per annual indicator with its target', async () => {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/reports/${PROJECT_ID}/${PERIOD}`, ReportEntryComponent);
    await settle();
    expect(text()).toContain('正在加载本期填报…');

    httpMock
      .expectOne((req) => req.url === projectUrl)
      .flush(aProjectMonitoring({ indicators: twoIndicators() }));
    httpMock.expectOne(locksUrl).flush([]);
    await settle();

    const names = Array.from(page().querySelectorAll('.entry-row .indicator-name')).map((name) =>
      name.textContent?.trim(),
    );
    expect(names).toEqual(['开展“三会一课”、主题党日活动', '党员学习内容覆盖率']);
    expect(text()).toContain('党建 · 2025 年 6 月');
    expect(text()).toContain('指标值：≥12 次');
    expect(text()).not.toContain('长期指标');
  });

  it('should open another month picked in the month select', async () => {
    await open();
    const select = harness.fixture.debugElement.query(By.css('nz-select.month-select'));
    expect(select.injector.get(NgModel).value).toBe(6);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    select.injector.get(NgModel).viewToModelUpdate(3);

    expect(navigate).toHaveBeenCalledWith(['/reports', PROJECT_ID, '2025-03']);
  });

  it('should turn the light red as the lead types a count behind pace, and green when on pace', async () => {
    await open(aProjectMonitoring({ indicators: twoIndicators() }));
    expect(lightOf(0)).toContain('灰灯');

    await type(0, 'actual', '3次');
    // June: 3 of 12 is 50 % of the pace 6 → red.
    expect(lightOf(0)).toContain('红灯');
    expect(lightOf(0)).toContain('进度值 50.0 低于 60');

    await type(0, 'actual', '6次');
    expect(lightOf(0)).toContain('绿灯');

    await type(0, 'likelihood', '完全不可能');
    expect(lightOf(0)).toContain('红灯');
    expect(lightOf(0)).toContain('完全不可能');
  });

  it('should say next to the field when a value cannot be compared with the target', async () => {
    await open();

    await type(0, 'actual', '5 人');

    expect(cell(0, 'actual').getAttribute('aria-invalid')).toBe('true');
    expect(page().querySelector('.col-actual .field-error')?.textContent).toContain('无法换算');
    expect(lightOf(0)).toContain('无法判断');
  });

  describe('a target with several requirements', () => {
    const training = (): IndicatorNode[] => [
      anIndicator({ name: '举办失业保险相关政策培训、培训人次。', targetRaw: '≥1 场、 ≥90 人' }),
      anIndicator({ name: '开展“三会一课”、主题党日活动', targetRaw: '≥12 次' }),
    ];
    const rowText = (row: number): string =>
      page().querySelectorAll('.entry-row')[row]?.textContent?.replace(/\s+/g, ' ') ?? '';

    it('should hint the shape of the value on a several-part target, and only there', async () => {
      await open(aProjectMonitoring({ indicators: training() }));

      expect(rowText(0)).toContain('按项填写：场次、人数');
      expect(rowText(1)).not.toContain('按项填写');
      expect(cell(0, 'actual').getAttribute('aria-describedby')).toBe(
        page().querySelector('.parts-hint')?.getAttribute('id'),
      );
    });

    it('should say next to the field when one value is typed for two parts, and read the usual spellings alike', async () => {
      await open(aProjectMonitoring({ indicators: training() }));

      await type(0, 'actual', '1');
      expect(page().querySelector('.col-actual .field-error')?.textContent).toContain('该指标有 2 项要求');
      expect(lightOf(0)).toContain('无法判断');

      for (const spelling of ['1 场、90 人', '1场,90人', '１场，９０人']) {
        await type(0, 'actual', spelling);
        expect(page().querySelector('.col-actual .field-error')).toBeNull();
        expect(lightOf(0)).toContain('蓝灯');
      }

      await type(0, 'forecast', '2');
      expect(page().querySelector('.col-forecast .field-error')?.textContent).toContain('该指标有 2 项要求');
      expect(page().querySelector('.col-actual .field-error')).toBeNull();
    });
  });

  describe('keyboard', () => {
    beforeEach(async () => open(aProjectMonitoring({ indicators: twoIndicators() })));

    it('should move to the next cell of the row on Tab and back on Shift+Tab', () => {
      const actual = cell(0, 'actual');
      actual.focus();

      const event = press(actual, 'Tab');
      expect(event.defaultPrevented).toBe(true);
      expect(document.activeElement).toBe(cell(0, 'forecast'));

      press(cell(0, 'forecast'), 'Tab', { shiftKey: true });
      expect(document.activeElement).toBe(actual);
    });

    it("should go on to the next row's first cell on Tab from a row's last cell", async () => {
      const toggle = cell(0, 'details');
      toggle.focus();
      press(toggle, 'Tab');
      expect(document.activeElement).toBe(cell(1, 'actual'));

      // With its deviation fields open, a row ends with its upload button.
      toggle.click();
      await settle();
      const upload = cell(0, 'upload');
      upload.focus();
      press(upload, 'Tab');
      expect(document.activeElement).toBe(cell(1, 'actual'));
    });

    it('should move down the column on Enter and up on Shift+Enter', () => {
      cell(0, 'forecast').focus();

      press(cell(0, 'forecast'), 'Enter');
      expect(document.activeElement).toBe(cell(1, 'forecast'));

      press(cell(1, 'forecast'), 'Enter', { shiftKey: true });
      expect(document.activeElement).toBe(cell(0, 'forecast'));

      cell(0, 'likelihood').focus();
      press(cell(0, 'likelihood'), 'Enter');
      expect(document.activeElement).toBe(cell(1, 'likelihood'));
    });

    it('should leave Enter to the IME while it composes, and Shift+Enter to a text area', async () => {
      cell(0, 'details').click();
      await settle();
      cell(0, 'actual').focus();
      const composing = press(cell(0, 'actual'), 'Enter', { isComposing: true });
      expect(composing.defaultPrevented).toBe(false);
      expect(document.activeElement).toBe(cell(0, 'actual'));

      cell(0, 'reasonText').focus();
      const newline = press(cell(0, 'reasonText'), 'Enter', { shiftKey: true });
      expect(newline.defaultPrevented).toBe(false);
      expect(document.activeElement).toBe(cell(0, 'reasonText'));
    });
  });

  it('should PUT only the changed rows, each with its version, and take the new version', async () => {
    const [first, second] = twoIndicators();
    const reported = { ...second, latestReport: aLatestReport({ actualRaw: '100%', version: 4 }) };
    await open(aProjectMonitoring({ indicators: [first, reported] }));

    await type(0, 'actual', '3次');
    await type(0, 'reasonText', '场地改造');
    cell(0, 'reason-0').click();
    await settle();
    await type(1, 'actual', '98%');
    await save();

    const puts = httpMock.match((req) => req.method === 'PUT');
    expect(puts.map((put) => put.request.url)).toEqual([reportUrl(first.id), reportUrl(second.id)]);
    expect(puts[0].request.body).toEqual({
      version: 0,
      actual: '3次',
      reasons: ['经费保障'],
      reasonText: '场地改造',
    });
    expect(puts[1].request.body).toMatchObject({ version: 4, actual: '98%' });
    puts[0].flush(
      aReportRow({
        indicatorId: first.id,
        actualRaw: '3次',
        reasons: ['经费保障'],
        reasonText: '场地改造',
        version: 1,
      }),
    );
    puts[1].flush(aReportRow({ indicatorId: second.id, actualRaw: '98%', version: 5 }));
    await settle();

    expect(text()).toContain('所有修改已保存');

    await type(1, 'actual', '99%');
    await save();
    const again = httpMock.expectOne(reportUrl(second.id));
    expect(again.request.body).toMatchObject({ version: 5, actual: '99%' });
    again.flush(aReportRow({ indicatorId: second.id, actualRaw: '99%', version: 6 }));
    await settle();
  });

  it('should show field errors of a 400 next to the field, without the field name prefix', async () => {
    await open();
    await type(0, 'actual', '3次');
    await save();

    httpMock.expectOne(reportUrl(firstIndicatorId())).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '请求数据有误：forecast',
        errors: { forecast: 'forecast：预计完成值过长（最多 200 字）' },
      } satisfies ResponseBody,
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    const error = page().querySelector('.col-forecast .field-error');
    expect(error?.textContent?.trim()).toBe('预计完成值过长（最多 200 字）');
    expect(cell(0, 'forecast').getAttribute('aria-invalid')).toBe('true');
    expect(cell(0, 'actual').value).toBe('3次');
  });

  describe('when someone else saved the row first (409)', () => {
    let indicator: IndicatorNode;

    beforeEach(async () => {
      indicator = anIndicator({ latestReport: aLatestReport({ actualRaw: '6次', version: 2 }) });
      await open(aProjectMonitoring({ indicators: [indicator] }));
      await type(0, 'actual', '3次');
      await type(0, 'correctiveAction', '下月补开两次');
      await save();
      httpMock.expectOne(reportUrl(indicator.id)).flush(
        {
          statusCode: 409,
          code: 'VERSION_CONFLICT',
          message: '该指标本期的填报已被他人修改，请查看最新内容后再保存',
          details: {
            current: aReportRow({
              indicatorId: indicator.id,
              actualRaw: '8次',
              correctiveAction: null,
              version: 3,
            }),
          },
        },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();
    });

    it('should show what changed, theirs against mine', () => {
      const conflict = page().querySelector('.conflict');
      expect(conflict?.textContent).toContain('他人已修改这一行');
      const lines = Array.from(conflict?.querySelectorAll('.conflict-table tbody tr') ?? []).map((line) =>
        Array.from(line.children).map((child) => child.textContent?.trim()),
      );
      expect(lines).toEqual([
        ['截至本期完成值', '8次', '3次'],
        ['纠偏措施', '（空）', '下月补开两次'],
      ]);
    });

    it('should keep what was typed and save against the new version after reloading the row', async () => {
      button('.conflict button.keep-mine').click();
      await settle();

      expect(page().querySelector('.conflict')).toBeNull();
      expect(cell(0, 'actual').value).toBe('3次');
      expect(cell(0, 'correctiveAction').value).toBe('下月补开两次');
      expect(lightOf(0)).toContain('红灯');

      await save();
      const retry = httpMock.expectOne(reportUrl(indicator.id));
      expect(retry.request.body).toMatchObject({
        version: 3,
        actual: '3次',
        correctiveAction: '下月补开两次',
      });
      retry.flush(aReportRow({ indicatorId: indicator.id, actualRaw: '3次', version: 4 }));
      await settle();
    });

    it('should show the stored row when the lead takes theirs', async () => {
      button('.conflict button.take-theirs').click();
      await settle();

      expect(cell(0, 'actual').value).toBe('8次');
      // 8 of 12 by June is ahead of pace and the stored row gives no reason: its deviation fields close.
      expect(page().querySelector('[data-cell=correctiveAction]')).toBeNull();
      expect(text()).toContain('所有修改已保存');
    });
  });

  it('should make the grid read-only with the reason when a save meets a lock (423)', async () => {
    await open();
    await type(0, 'actual', '3次');
    await save();

    httpMock.expectOne(reportUrl(firstIndicatorId())).flush(
      {
        statusCode: 423,
        code: 'LOCKED',
        message: '2025-06 期间已被绩效管理员锁定，不能修改（原因：半年监控）',
        details: { locked: true, reason: '半年监控' },
      },
      { status: 423, statusText: 'Locked' },
    );
    await settle();

    expect(page().querySelector('.read-only')?.textContent).toContain(
      '已被绩效管理员锁定，不能修改（原因：半年监控）',
    );
    expect(cell(0, 'actual').disabled).toBe(true);
    expect(cell(0, 'actual').value).toBe('3次');
    expect(page().querySelector('button.save')).toBeNull();
  });

  it.each([
    { status: 'submitted' as const, expected: '本期已提交，等待领导审核' },
    { status: 'approved' as const, expected: '本期已审核通过并锁定' },
  ])('should open read-only when the month is $status', async ({ status, expected }) => {
    await open(aProjectMonitoring({ reportPeriods: [aPeriodState({ status, version: 2 })] }));

    expect(page().querySelector('.read-only')?.textContent).toContain(expected);
    expect(cell(0, 'actual').disabled).toBe(true);
  });

  it("should open read-only when the admin locked the department's month", async () => {
    await open(aProjectMonitoring(), [
      { period: PERIOD, reason: '半年监控', lockedAt: '2025-07-11T00:00:00Z', lockedBy: 'admin' },
    ]);

    expect(page().querySelector('.read-only')?.textContent).toContain('原因：半年监控');
    expect(cell(0, 'actual').disabled).toBe(true);
  });

  it('should show why a returned month came back', async () => {
    await open(
      aProjectMonitoring({
        reportPeriods: [aPeriodState({ status: 'returned', returnReason: '请补充佐证材料', version: 3 })],
      }),
    );

    expect(page().querySelector('.returned')?.textContent).toContain('退回原因：请补充佐证材料');
    expect(cell(0, 'actual').disabled).toBe(false);
  });

  describe('budget execution', () => {
    it('should light the pace as the lead types and save it in yuan', async () => {
      await open();
      const executed = page().querySelector<HTMLInputElement>('#budget-executed') as HTMLInputElement;

      executed.value = '4,000';
      executed.dispatchEvent(new Event('input'));
      await settle();
      // June: 4000 of 16000 is 25 % against a pace of 50 % → 50 → red.
      expect(page().querySelector('.budget')?.textContent).toContain('红灯');

      executed.value = '8000';
      executed.dispatchEvent(new Event('input'));
      await settle();
      expect(page().querySelector('.budget')?.textContent).toContain('绿灯');

      await save();
      const put = httpMock.expectOne(`/api/projects/${PROJECT_ID}/budget-execution/${PERIOD}`);
      expect(put.request.body).toEqual({ version: 0, executed: 8000 });
      put.flush({ id: 'b1', period: PERIOD, executedYuan: 8000, note: null, version: 1 });
      await settle();
      expect(text()).toContain('所有修改已保存');
    });

    it('should refuse an amount that is not yuan', async () => {
      await open();
      const executed = page().querySelector<HTMLInputElement>('#budget-executed') as HTMLInputElement;
      executed.value = '八千';
      executed.dispatchEvent(new Event('input'));
      await settle();

      await save();

      httpMock.expectNone((req) => req.method === 'PUT');
      expect(page().querySelector('#budget-executed-error')?.textContent).toContain(
        '请填写金额，如 350万、350 万元 或 3,500,000（元',
      );
    });

    it('should take 350万 as typed, send it in yuan and show the stored amount in 万元', async () => {
      await open(
        aProjectMonitoring({
          budgetExecution: {
            budgetYuan: 16000000,
            projection: null,
            periods: [{ period: PERIOD, executedYuan: 2000000, note: null, version: 1 } as never],
          },
        }),
      );
      const executed = page().querySelector<HTMLInputElement>('#budget-executed') as HTMLInputElement;
      expect(executed.value).toBe('200万');
      expect(page().querySelector('.budget')?.textContent).toContain('1,600 万元');

      executed.value = '350 万元';
      executed.dispatchEvent(new Event('input'));
      await settle();
      await save();
      const put = httpMock.expectOne(`/api/projects/${PROJECT_ID}/budget-execution/${PERIOD}`);
      expect(put.request.body).toEqual({ version: 1, executed: 3500000 });
      put.flush({ id: 'b1', period: PERIOD, executedYuan: 3500000, note: null, version: 2 });
      await settle();
      expect(executed.value).toBe('350万');
      expect(text()).toContain('所有修改已保存');
    });
  });

  describe('warnings', () => {
    /** ≥12 次 a year, reported up to May; the month being entered is June. */
    function withMay(value: string): IndicatorNode {
      return anIndicator({
        history: [
          aHistoryPoint({ period: '2025-04', actualRaw: '3次', actualValue: 3, light: 'green' }),
          aHistoryPoint({ period: '2025-05', actualRaw: value, actualValue: 5, light: 'green' }),
          aHistoryPoint({ period: '2025-06' }),
        ],
      });
    }

    it('should keep 上次填报 in view while typing, and warn of a cumulative fall before saving', async () => {
      await open(aProjectMonitoring({ indicators: [withMay('5次')] }));
      expect(text()).toContain('上次填报（2025 年 5 月）：5次');

      await type(0, 'actual', '4');
      expect(text()).toContain('上次填报（2025 年 5 月）：5次');
      const warning = page().querySelector('.row-warning');
      expect(warning?.getAttribute('data-warning')).toBe('cumulative-decrease');
      expect(warning?.textContent).toContain('累计完成值 4次 低于 5 月填报的 5次');

      await type(0, 'actual', '6');
      expect(page().querySelector('.row-warning')).toBeNull();
    });

    it('should show the warnings stored with the month on their rows after a reload', async () => {
      const indicator = withMay('5次');
      await open(
        aProjectMonitoring({
          indicators: [
            {
              ...indicator,
              latestReport: aLatestReport({
                actualRaw: '1.2万',
                warnings: [{ code: 'unit-scale', message: '完成值“1.2万”按“万/千/亿”计为 12000次' }],
              }),
            },
          ],
        }),
      );
      expect(page().querySelector('.entry-row.has-warning .row-warning')?.textContent).toContain(
        '完成值“1.2万”按“万/千/亿”计为 12000次',
      );
      // The month's own report does not hide the previous month's hint.
      expect(text()).toContain('上次填报（2025 年 5 月）：5次');
    });

    it('should turn the status tag into 草稿 and show the saved warnings as soon as a first save answers', async () => {
      await open();
      expect(page().querySelector('.status')?.textContent).toContain('未填报');

      await type(0, 'actual', '1.2万');
      await save();
      httpMock.expectOne(reportUrl(firstIndicatorId())).flush(
        aReportRow({
          actualRaw: '1.2万',
          status: 'draft',
          warnings: [{ code: 'unit-scale', message: '请确认单位' }],
        }),
      );
      await settle();

      expect(page().querySelector('.status')?.textContent).toContain('草稿');
      expect(page().querySelector('.row-warning')?.textContent).toContain('请确认单位');
    });
  });

  describe('submit', () => {
    /** Confirms the submit dialog at once (the page's own NzModalService, from its imports). */
    function confirmDialogs(): jest.SpyInstance {
      const modal = harness.fixture.debugElement
        .query(By.directive(ReportEntryComponent))
        .injector.get(NzModalService);
      return jest.spyOn(modal, 'confirm').mockImplementation((options) => {
        void (options?.nzOnOk as () => void)();
        return { afterClose: of(undefined) } as never;
      });
    }

    const budgetEntered = {
      budgetYuan: 16000,
      projection: null,
      periods: [{ period: PERIOD, executedYuan: 8000, note: null, version: 1 } as never],
    };

    it('should mark the rows not filled in, scroll to the first and neither save nor submit', async () => {
      const [first, second] = twoIndicators();
      await open(aProjectMonitoring({ indicators: [first, second] }));
      await type(1, 'actual', '7次'); // a typed row that a failed submit must not save
      const dialog = confirmDialogs();
      const scroll = jest.fn();
      cell(0, 'actual').scrollIntoView = scroll;

      button('button.submit').click();
      await settle();

      httpMock.expectNone(() => true);
      expect(dialog).not.toHaveBeenCalled();
      expect(scroll).toHaveBeenCalledWith({ block: 'center' });
      expect(document.activeElement).toBe(cell(0, 'actual'));
      const missing = page().querySelectorAll('.entry-row.has-error .row-missing');
      expect(missing).toHaveLength(1);
      expect(page().querySelector('.submit-errors')?.textContent).toContain('未提交也未保存');
      expect(page().querySelector('.submit-errors')?.textContent).toContain('1 项指标本期尚未填写完成值');
      expect(page().querySelector('#budget-executed-error')?.textContent).toContain('尚未填写执行数');
      expect(text()).not.toContain('所有修改已保存');

      await type(0, 'actual', '6次');
      expect(page().querySelector('.row-missing')).toBeNull();
    });

    it('should ask to acknowledge the warnings in the confirm dialog and send acknowledgeWarnings', async () => {
      const indicator = anIndicator({
        latestReport: aLatestReport({
          version: 1,
          warnings: [{ code: 'far-above-expected', message: '完成值超过应完成值的 3 倍' }],
        }),
      });
      await open(
        aProjectMonitoring({
          indicators: [indicator],
          budgetExecution: budgetEntered,
          reportPeriods: [aPeriodState({ status: 'draft', version: 2 })],
        }),
      );
      const dialog = confirmDialogs();

      button('button.submit').click();
      await settle();

      const options = dialog.mock.calls[0][0];
      expect(options.nzContent).toContain('有 1 项指标的填报提醒尚未确认');
      expect(options.nzOkText).toBe('已核对，确认提交');
      const submit = httpMock.expectOne(`/api/projects/${PROJECT_ID}/periods/${PERIOD}/submit`);
      expect(submit.request.body).toEqual({ version: 2, acknowledgeWarnings: true });
      submit.flush({ id: 'p1', period: PERIOD, status: 'submitted', returnReason: null, version: 3 });
      await settle();
      expect(page().querySelector('.read-only')?.textContent).toContain('本期已提交');
    });

    it('should save what changed, then submit with the month version and turn read-only', async () => {
      const indicator = anIndicator({ latestReport: aLatestReport({ version: 1 }) });
      await open(
        aProjectMonitoring({
          indicators: [indicator],
          budgetExecution: budgetEntered,
          reportPeriods: [aPeriodState({ status: 'returned', version: 3, returnReason: '补充' })],
        }),
      );
      await type(0, 'actual', '7次');
      const dialog = confirmDialogs();

      button('button.submit').click();
      await settle();
      httpMock.expectOne(reportUrl(indicator.id)).flush(aReportRow({ actualRaw: '7次', version: 2 }));
      await settle();
      const submit = httpMock.expectOne(`/api/projects/${PROJECT_ID}/periods/${PERIOD}/submit`);
      expect(submit.request.body).toEqual({ version: 3 });
      expect(dialog.mock.calls[0][0].nzContent).toBe('提交后本期不能再修改（除非领导退回），确定提交吗？');
      submit.flush({ id: 'p1', period: PERIOD, status: 'submitted', returnReason: null, version: 4 });
      await settle();

      expect(page().querySelector('.read-only')?.textContent).toContain('本期已提交');
      expect(cell(0, 'actual').disabled).toBe(true);
    });

    it('should list what the API still refuses the month for', async () => {
      const indicator = anIndicator({ latestReport: aLatestReport({ version: 1 }) });
      await open(aProjectMonitoring({ indicators: [indicator], budgetExecution: budgetEntered }));
      confirmDialogs();

      button('button.submit').click();
      await settle();
      httpMock.expectOne(`/api/projects/${PROJECT_ID}/periods/${PERIOD}/submit`).flush(
        {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: '本期填报尚不完整，不能提交',
          errors: {
            budgetExecution: 'budgetExecution：本期预算执行数尚未填报',
            [`warnings.${indicator.id}`]: `warnings.${indicator.id}：指标：累计完成值低于上月`,
          },
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();

      const alert = page().querySelector('.submit-errors')?.textContent ?? '';
      expect(alert).toContain('本期填报尚不完整，不能提交');
      expect(alert).toContain('本期预算执行数尚未填报');
      expect(alert).toContain('指标：累计完成值低于上月');
      expect(alert).not.toContain('warnings.');
      expect(cell(0, 'actual').disabled).toBe(false);
    });
  });

  describe('deviation fields', () => {
    const detailsOf = (row: number): HTMLElement | null =>
      page().querySelector(`[data-row="${row}"][data-cell=reasonText]`);

    it('should show them on a row whose light asks for them, and on one that holds some', async () => {
      const [count, rate] = twoIndicators();
      const explained = {
        ...rate,
        latestReport: aLatestReport({ actualRaw: '100%', reasonText: '抽查全覆盖', version: 2 }),
      };
      await open(aProjectMonitoring({ indicators: [count, explained] }));

      expect(detailsOf(0)).toBeNull();
      expect((detailsOf(1) as HTMLTextAreaElement).value).toBe('抽查全覆盖');
      expect(page().querySelectorAll('tr.details-row')).toHaveLength(1);

      // June: 3 of 12 is red, 6 of 12 green.
      await type(0, 'actual', '3次');
      expect(detailsOf(0)).not.toBeNull();
      expect(page().querySelector('.entry-row .details-required')?.textContent).toContain('请说明偏差原因');
      await type(0, 'actual', '6次');
      expect(detailsOf(0)).toBeNull();
    });

    it('should open and close them on a row on track when the lead asks, and keep them open once filled', async () => {
      await open();

      const toggle = cell(0, 'details');
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      toggle.click();
      await settle();
      expect(detailsOf(0)).not.toBeNull();
      expect(cell(0, 'details').getAttribute('aria-expanded')).toBe('true');
      await type(0, 'correctiveAction', '下月补开两次');
      // Holding something, the row keeps its fields and no longer offers to close them.
      expect(page().querySelector('[data-row="0"][data-cell=details]')).toBeNull();
      await type(0, 'correctiveAction', '');
      cell(0, 'details').click();
      await settle();
      expect(detailsOf(0)).toBeNull();
    });

    it('should offer no toggle on a read-only month', async () => {
      await open(aProjectMonitoring({ reportPeriods: [aPeriodState({ status: 'submitted' })] }));

      expect(page().querySelector('[data-cell=details]')).toBeNull();
      expect(page().querySelector('tr.details-row')).toBeNull();
    });
  });

  describe('paste from Excel', () => {
    function paste(target: HTMLElement, data: string): Event {
      const event = new Event('paste', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'clipboardData', {
        value: { getData: (type: string) => (type === 'text/plain' ? data : '') },
      });
      target.dispatchEvent(event);
      return event;
    }

    const threeRows = (): IndicatorNode[] => [...twoIndicators(), anIndicator({ name: '第三项' })];

    it('should fill the rows from the focused one as a highlighted preview with its problems, then put back on cancel', async () => {
      await open(aProjectMonitoring({ indicators: threeRows() }));

      const event = paste(cell(0, 'actual'), '6次\t12次\r\n98%\t\r\n进行中\t\r\n多余\r\n');
      await settle();

      expect(event.defaultPrevented).toBe(true);
      expect([cell(0, 'actual').value, cell(0, 'forecast').value]).toEqual(['6次', '12次']);
      expect(cell(1, 'actual').value).toBe('98%');
      expect(cell(2, 'actual').value).toBe('进行中');
      const rows = page().querySelectorAll('.entry-row');
      expect(rows[0]?.querySelector('.col-actual')?.classList).toContain('pasted-ok');
      expect(rows[2]?.querySelector('.col-actual')?.classList).toContain('pasted-error');
      const preview = page().querySelector('app-entry-preview')?.textContent?.replace(/\s+/g, ' ') ?? '';
      expect(preview).toContain('已填入 4 项（3 行）');
      expect(preview).toContain('1 项无法保存');
      expect(preview).toContain('第三项 · 截至本期完成值：请填写数值，如 105 或 105次');
      expect(preview).toContain('超出指标行数的 1 行未填入');
      expect(lightOf(0)).toContain('绿灯');
      expect(button('button.save').disabled).toBe(true);
      expect(text()).toContain('请先确认或取消预览中的填入');

      button('button.cancel-preview').click();
      await settle();
      expect(page().querySelector('app-entry-preview')).toBeNull();
      expect([cell(0, 'actual').value, cell(0, 'forecast').value, cell(2, 'actual').value]).toEqual([
        '',
        '',
        '',
      ]);
      expect(page().querySelector('.pasted')).toBeNull();
      expect(text()).toContain('所有修改已保存');
    });

    it('should save the pasted values once the lead confirms them', async () => {
      const [first, second] = twoIndicators();
      await open(aProjectMonitoring({ indicators: [first, second] }));

      paste(cell(0, 'actual'), '6次\n98%\n');
      await settle();
      button('button.confirm-preview').click();
      await settle();

      expect(page().querySelector('.pasted')).toBeNull();
      expect(text()).toContain('2 项未保存');
      await save();
      httpMock
        .expectOne(reportUrl(first.id))
        .flush(aReportRow({ indicatorId: first.id, actualRaw: '6次', version: 1 }));
      const put = httpMock.expectOne(reportUrl(second.id));
      expect(put.request.body).toMatchObject({ version: 0, actual: '98%' });
      put.flush(aReportRow({ indicatorId: second.id, actualRaw: '98%', version: 1 }));
      await settle();
      expect(text()).toContain('所有修改已保存');
    });

    it('should leave a single value to the input', async () => {
      await open();

      expect(paste(cell(0, 'actual'), '6次').defaultPrevented).toBe(false);
      await settle();
      expect(page().querySelector('app-entry-preview')).toBeNull();
    });
  });

  describe('same as last month', () => {
    /** ≥12 次 a year, 5 by May; June not reported yet, so the latest report is May's. */
    function reportedInMay(name: string): IndicatorNode {
      return anIndicator({
        name,
        history: [
          aHistoryPoint({ period: '2025-05', actualRaw: '5次', actualValue: 5, light: 'green' }),
          aHistoryPoint({ period: '2025-06' }),
        ],
        latestReport: aLatestReport({
          period: '2025-05',
          actualRaw: '5次',
          forecastRaw: '12次',
          likelihood: '确定能',
        }),
      });
    }

    it("should copy a row's previous report, a cumulative count meaning nothing was added this month", async () => {
      await open(aProjectMonitoring({ indicators: [reportedInMay('党日活动')] }));

      const copy = cell(0, 'same-as-last');
      expect(copy.getAttribute('aria-label')).toBe(
        '“党日活动”同上月：沿用2025 年 5 月的完成值 5次（累计值不变，即本月无新增）',
      );
      copy.click();
      await settle();

      expect([cell(0, 'actual').value, cell(0, 'forecast').value, cell(0, 'likelihood').value]).toEqual([
        '5次',
        '12次',
        '确定能',
      ]);
      expect(page().querySelector('[data-cell=same-as-last]')).toBeNull();
      expect(text()).toContain('1 项未保存');
    });

    it('should fill every row not reported yet as a preview to confirm', async () => {
      await open(
        aProjectMonitoring({
          indicators: [reportedInMay('甲'), reportedInMay('乙'), anIndicator({ name: '丙' })],
        }),
      );
      await type(1, 'actual', '7次');

      button('button.same-as-last-all').click();
      await settle();

      expect(page().querySelector('app-entry-preview')?.textContent).toContain('已按上次填报填入 1 行');
      expect([cell(0, 'actual').value, cell(1, 'actual').value, cell(2, 'actual').value]).toEqual([
        '5次',
        '7次',
        '',
      ]);
      button('button.confirm-preview').click();
      await settle();
      expect(page().querySelector('app-entry-preview')).toBeNull();
      expect(cell(0, 'actual').value).toBe('5次');
    });
  });

  function firstIndicatorId(): string {
    return (page().querySelector('.entry-row') as HTMLElement).dataset['indicator'] as string;
  }
});
