import { DownloadOutline, PrinterOutline } from '@ant-design/icons-angular/icons';
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
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

import {
  aDepartment,
  aDepartmentYear,
  someLightCounts,
} from '../../../../core/api/testing/department-builders';
import {
  aSessionUser,
  aTokenResponse,
  givenStoredSession,
} from '../../../../core/auth/testing/auth-builders';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { aGoal, anIndicator } from '../../../../shared/goals/testing/goal-builders';
import { OverallComponent } from './overall.component';

type ResponseBody = Parameters<TestRequest['flush']>[0];

const OVERVIEW = {
  moneyUnit: '万元',
  overall: {
    functions: '(1) 全面落实积极的就业政策，扩大和稳定就业',
    annualTasks: '1：维护就业稳定，减少失业率',
    funds: {
      income: [
        {
          item: '财政拨款',
          amount: 8198.82,
          share: 67.21,
          history: [
            { year: 2023, amount: 14638.21 },
            { year: 2024, amount: 8371.59 },
          ],
        },
      ],
      expenditure: [],
    },
  },
};

describe(OverallComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'overall', component: OverallComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
        provideNzIconsPatch([DownloadOutline, PrinterOutline]),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(url = '/overall'): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, OverallComponent);
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  function words(element: Element | null): string {
    if (!element) return '';
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const part = node.textContent?.trim();
      if (part) parts.push(part);
    }
    return parts.join(' ');
  }

  const activePane = (): Element | null => page().querySelector('.ant-tabs-tabpane-active');

  async function answerDepartments(body: ResponseBody = [aDepartment()]): Promise<void> {
    httpMock.expectOne('/api/departments').flush(body);
    await settle();
  }

  async function answerYear(
    body: ResponseBody,
    url = '/api/departments/031/years/2025',
    asOf: string | null = null,
  ) {
    httpMock.expectOne((request) => request.url === url && request.params.get('asOf') === asOf).flush(body);
    await settle();
  }

  it.each([
    { role: 'admin' as const, reporter: null, link: '/reports/overall/031/2025-06' },
    { role: 'lead' as const, reporter: 'me', link: '/reports/overall/031/2025-06' },
    { role: 'lead' as const, reporter: null, link: null },
    { role: 'leader' as const, reporter: null, link: null },
  ])(
    'should offer 填报部门整体 of the month to the reporter only ($role, designated: $reporter)',
    async ({ role, reporter, link }) => {
      const me = aSessionUser({ id: '00000000-0000-4000-8000-000000000077', role });
      givenStoredSession(aTokenResponse({ user: me }));
      await open();
      await answerDepartments();
      await answerYear(
        aDepartmentYear({
          goals: [aGoal([anIndicator({ name: '城镇新增就业人数' })], { label: '年度目标 1' })],
          reporter: reporter ? { id: me.id, username: me.username, displayName: me.displayName } : null,
        }),
      );

      const button = page().querySelector('a.report-overall');
      expect(button?.getAttribute('href') ?? null).toBe(link);
    },
  );

  it.each([
    { role: 'admin' as const, shown: true },
    { role: 'lead' as const, shown: false },
    { role: 'leader' as const, shown: false },
  ])('should offer the department-wide tree editor to the admin only ($role)', async ({ role, shown }) => {
    givenStoredSession(aTokenResponse({ user: aSessionUser({ role }) }));
    await open();
    await answerDepartments();
    await answerYear(aDepartmentYear({ goals: [aGoal([anIndicator({ name: '城镇新增就业人数' })])] }));

    const toggle = Array.from(page().querySelectorAll('button')).find((b) => words(b) === '编辑指标树');
    expect(toggle !== undefined).toBe(shown);
    if (!toggle) return;
    toggle.click();
    await settle();
    expect(words(page().querySelector('app-tree-editor'))).toContain('城镇新增就业人数');
  });

  it("should show the department's functions, tasks, light and the department-wide trees", async () => {
    await open();
    expect(page().textContent).toContain('正在加载部门…');
    await answerDepartments();
    expect(page().textContent).toContain('正在加载部门整体目标…');

    await answerYear(
      aDepartmentYear({
        overview: OVERVIEW,
        light: 'yellow',
        lightCounts: someLightCounts({ yellow: 1, green: 3 }),
        goals: [
          aGoal([anIndicator({ name: '城镇新增就业人数', light: 'yellow' })], {
            label: '年度目标 1',
            title: '维护就业稳定',
          }),
          aGoal([anIndicator({ name: '扶持创业', monitored: false, light: null })], {
            term: 'long',
            label: '长期目标 1',
          }),
        ],
      }),
    );

    expect(words(page().querySelector('.department-name'))).toBe('武汉市东西湖区人力资源和社会保障局');
    expect(words(page().querySelector('.summary-head'))).toContain('截至 2025 年 6 月');
    expect(words(page().querySelector('.status-strip'))).toContain('整体预警 黄灯');
    expect(words(page().querySelector('.status-strip'))).toContain('年度指标预警（共 4 项）');
    expect(words(page().querySelector('.facts'))).toBe(
      '部门职能 (1) 全面落实积极的就业政策，扩大和稳定就业 年度主要任务 1：维护就业稳定，减少失业率',
    );
    expect(Array.from(page().querySelectorAll('[role=tab]')).map(words)).toEqual([
      '年度目标（1）',
      '长期目标（1）',
      '资金构成',
    ]);
    expect(words(activePane())).toContain('年度目标 1');
    expect(words(activePane())).toContain('城镇新增就业人数');
    // One department: no department picker.
    expect(page().querySelector('.department-select')).toBeNull();
  });

  it('should show the funds of 表11 with the two previous years', async () => {
    await open();
    await answerDepartments();
    await answerYear(aDepartmentYear({ overview: OVERVIEW }));

    (
      Array.from(page().querySelectorAll('[role=tab]')).find((tab) =>
        tab.textContent?.includes('资金构成'),
      ) as HTMLElement
    ).click();
    await settle();

    const table = activePane()?.querySelector('nz-table') ?? null;
    expect(Array.from(table?.querySelectorAll('th') ?? []).map(words)).toEqual([
      '项目',
      '2025 年（万元）',
      '占比',
      '2023 年（万元）',
      '2024 年（万元）',
    ]);
    expect(words(table?.querySelector('tbody tr') ?? null)).toBe(
      '财政拨款 8,198.82 67.21% 14,638.21 8,371.59',
    );
    expect(words(activePane())).toContain('源文件未列资金构成');
  });

  it('should load the department, year and month of the URL, and another month when picked', async () => {
    await open('/overall?department=032&year=2024&asOf=2024-09');
    await answerDepartments([
      aDepartment(),
      aDepartment({ code: '032', name: '区财政局', years: [2024, 2025] }),
    ]);
    await answerYear(
      aDepartmentYear({ asOf: '2024-09', year: 2024 }),
      '/api/departments/032/years/2024',
      '2024-09',
    );

    const month = harness.fixture.debugElement
      .queryAll(By.directive(NgModel))
      .find((element) => (element.nativeElement as HTMLElement).classList.contains('month-select'));
    expect(month?.injector.get(NgModel).model).toBe(9);
    month?.injector.get(NgModel).viewToModelUpdate(12);
    await settle();

    expect(TestBed.inject(Router).url).toBe('/overall?department=032&year=2024&asOf=2024-12');
    await answerYear(
      aDepartmentYear({ asOf: '2024-12', year: 2024 }),
      '/api/departments/032/years/2024',
      '2024-12',
    );
    expect(page().querySelector('.department-select')).not.toBeNull();
  });

  it("should open the linked indicator's tab and mark its row", async () => {
    await open('/overall#indicator-long-7');
    await answerDepartments();
    await answerYear(
      aDepartmentYear({
        goals: [
          aGoal([anIndicator()]),
          aGoal([anIndicator({ id: 'long-7', monitored: false, light: null })], { term: 'long' }),
        ],
      }),
    );

    expect(words(page().querySelector('[role=tab][aria-selected=true]'))).toBe('长期目标（1）');
    expect(activePane()?.querySelector('tr.highlight')?.id).toBe('indicator-long-7');
  });

  it('should say so when the department has no budget year', async () => {
    await open();
    await answerDepartments([aDepartment({ years: [] })]);

    expect(words(page().querySelector('nz-empty'))).toContain('该部门暂无年度预算数据');
  });

  it("should show the API's message and load again on retry", async () => {
    await open();
    await answerDepartments();
    httpMock.expectOne('/api/departments/031/years/2025').error(new ProgressEvent('error'));
    await settle();

    expect(words(page().querySelector('nz-result'))).toContain('部门整体目标加载失败');
    expect(words(page().querySelector('nz-result'))).toContain('无法连接服务器，请检查网络后重试');

    (page().querySelector('nz-result button') as HTMLButtonElement).click();
    await settle();
    await answerYear(aDepartmentYear());

    expect(page().querySelector('nz-result')).toBeNull();
  });
});
