import { PrinterOutline } from '@ant-design/icons-angular/icons';
import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NgModel } from '@angular/forms';
import { By } from '@angular/platform-browser';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { PieSeriesOption } from 'echarts/charts';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';

import { aDepartment, aProject, someLightCounts } from '../../../../core/api/testing/department-builders';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import {
  aCityDashboard,
  aDepartmentDashboard,
  aDepartmentRollup,
  aFlaggedIndicator,
  aFlaggedPage,
  anOverdueReport,
  aProjectBudget,
} from '../../testing/dashboard-builders';
import { DashboardComponent } from './dashboard.component';

type ResponseBody = Parameters<TestRequest['flush']>[0];

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankComponent {}

/** What a chart was given: its accessible label and the options it was drawn with. */
interface DrawnChart {
  readonly label: string | null;
  readonly options: { series?: unknown; yAxis?: unknown }[];
}

/** Stands in for echarts: ngx-echarts calls `init` on the element, then `setOption`. */
function fakeEcharts(drawn: DrawnChart[]) {
  return {
    init: (element: HTMLElement) => {
      const chart: DrawnChart = { label: element.getAttribute('aria-label'), options: [] };
      drawn.push(chart);
      return {
        setOption: (options: DrawnChart['options'][number]) => chart.options.push(options),
        resize: () => undefined,
        isDisposed: () => false,
        dispose: () => undefined,
        on: () => undefined,
        off: () => undefined,
        showLoading: () => undefined,
        hideLoading: () => undefined,
      };
    },
  };
}

describe(DashboardComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;
  let drawn: DrawnChart[];

  beforeEach(() => {
    drawn = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'dashboard', component: DashboardComponent },
          { path: 'projects/:id', component: BlankComponent },
          { path: 'overall', component: BlankComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
        // What the dashboard route provides: echarts (here a stand-in) and its icons.
        { provide: NGX_ECHARTS_CONFIG, useValue: { echarts: fakeEcharts(drawn) } },
        provideNzIconsPatch([PrinterOutline]),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(url = '/dashboard'): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, DashboardComponent);
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  /** ngx-echarts draws after a timeout and the dynamic echarts load. */
  async function draw(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await settle();
  }

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  function text(selector?: string): string {
    const element = selector ? page().querySelector(selector) : page();
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** The words of an element: its text nodes, trimmed and joined by a space. */
  function words(element: Element): string {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const part = node.textContent?.trim();
      if (part) parts.push(part);
    }
    return parts.join(' ');
  }

  const kpis = (): string[] =>
    Array.from(page().querySelectorAll('.kpi-value')).map((value) => value.textContent?.trim() ?? '');

  const flaggedNames = (): string[] =>
    Array.from(page().querySelectorAll('#flagged a.indicator-link')).map(
      (link) => link.textContent?.trim() ?? '',
    );

  /** The latest chart whose label mentions `titlePart`. */
  function chart(titlePart: string): DrawnChart {
    const found = [...drawn].reverse().find((candidate) => candidate.label?.includes(titlePart));
    if (!found)
      throw new Error(`no chart labelled …${titlePart}…; drawn: ${drawn.map((c) => c.label).join(' | ')}`);
    return found;
  }

  function button(label: string): HTMLButtonElement {
    const found = Array.from(page().querySelectorAll('button')).find((candidate) =>
      candidate.textContent?.includes(label),
    );
    if (!found) throw new Error(`no button ${label}`);
    return found;
  }

  function model(className: string): NgModel {
    const control = harness.fixture.debugElement
      .queryAll(By.directive(NgModel))
      .find((element) => (element.nativeElement as HTMLElement).classList.contains(className));
    if (!control) throw new Error(`no control .${className}`);
    return control.injector.get(NgModel);
  }

  async function answerDepartments(body: ResponseBody = [aDepartment()]): Promise<void> {
    httpMock.expectOne('/api/departments').flush(body);
    await settle();
  }

  /** Answers the department view's two requests (dashboard and project list) for 031/2025. */
  async function answerDepartmentView(
    dashboard: ResponseBody,
    projects: ResponseBody = [],
    asOf: string | null = null,
  ): Promise<void> {
    const withAsOf =
      (url: string) => (request: { url: string; params: { get(name: string): string | null } }) =>
        request.url === url && request.params.get('asOf') === asOf;
    httpMock.expectOne(withAsOf('/api/departments/031/years/2025/dashboard')).flush(dashboard);
    httpMock.expectOne(withAsOf('/api/departments/031/years/2025/projects')).flush(projects);
    await settle();
    await draw();
  }

  it('should show a loading state until the departments and the dashboard are in', async () => {
    await open();
    expect(text()).toContain('正在加载部门…');

    await answerDepartments();
    expect(text()).toContain('正在加载看板…');
    expect(drawn).toEqual([]);

    await answerDepartmentView(aDepartmentDashboard());
    expect(text()).not.toContain('正在加载看板…');
  });

  it('should ask for a budget import when no department can be seen', async () => {
    await open();
    await answerDepartments([]);

    expect(text('nz-empty')).toContain('暂无部门数据，请先导入部门预算');
  });

  it('should count the indicators per light and draw the donut, trend, attainment and budget charts', async () => {
    await open();
    await answerDepartments();
    await answerDepartmentView(
      aDepartmentDashboard({
        overdue: [anOverdueReport(), anOverdueReport()],
        budget: {
          total: {
            budgetYuan: 100,
            executedYuan: 18,
            rate: 18.25,
            pace: 50,
            light: 'red',
            lightReason: '预算执行进度值 36.5 低于 60（红灯）',
            explanation: '预算执行进度值 = 18.25 ÷ 50 × 100 = 36.5；36.5 < 60 → 红灯',
          },
          projects: [
            aProjectBudget({ projectName: '就业资金', rate: 47.5 }),
            aProjectBudget({ projectName: '党建', rate: null }),
          ],
        },
      }),
      [
        aProject({ name: '就业资金', lightSummary: someLightCounts({ red: 1, green: 3 }) }),
        aProject({ name: '往来资金', lightSummary: someLightCounts() }),
      ],
    );

    expect(text('.page-subtitle')).toBe('武汉市东西湖区人力资源和社会保障局 · 截至 2025 年 6 月');
    expect(kpis()).toEqual(['30', '2', '3', '20', '1', '4', '0', '18.3%', '2']);
    expect(text('.kpis')).toContain('时间进度 50.0%');

    const donut = chart('指标预警分布');
    expect(donut.label).toBe(
      '指标预警分布：共 30 项，红灯 2 项，黄灯 3 项，绿灯 20 项，蓝灯 1 项，灰灯 4 项，无法判定 0 项',
    );
    const [pie] = donut.options[0].series as PieSeriesOption[];
    expect((pie.data as { value: number }[]).map((slice) => slice.value)).toEqual([2, 3, 20, 1, 4, 0]);

    expect(chart('月度预警趋势').options).toHaveLength(1);
    // A project without monitored indicators has nothing to attain.
    expect((chart('指标达成情况').options[0].yAxis as { data: string[] }).data).toEqual(['就业资金']);
    expect(chart('预算执行率').label).toBe('预算执行率（时间进度 50.0%）：就业资金 47.5%；党建 未填报');
    expect(document.querySelector('.dual-warnings')).toBeNull();
  });

  it("should list the 双监控 warnings the department-year's rules ask for under the budget chart", async () => {
    await open();
    await answerDepartments();
    const warning = '双监控不一致：目标完成进度 100 与预算执行进度 77.2 相差 22.8 个百分点，超过 10 个百分点';
    await answerDepartmentView(
      aDepartmentDashboard({
        budget: {
          ...aDepartmentDashboard().budget,
          projects: [aProjectBudget({ projectName: '就业资金', dualWarning: warning }), aProjectBudget()],
        },
      }),
      [aProject({ name: '就业资金', lightSummary: someLightCounts({ green: 3 }) })],
    );

    expect(text('.dual-title')).toBe('双监控提醒');
    expect(
      Array.from(document.querySelectorAll('.dual-warnings li')).map((li) => li.textContent?.trim()),
    ).toEqual([`就业资金：${warning}`]);
  });

  it('should list the flagged indicators worst first with their reason, linked to their row', async () => {
    await open();
    await answerDepartments();
    const red = aFlaggedIndicator({ indicatorName: '就业培训人次', projectId: 'p-1', indicatorId: 'i-1' });
    const overall = aFlaggedIndicator({
      indicatorName: '城镇新增就业人数',
      projectId: null,
      projectName: '部门整体',
      indicatorId: 'i-2',
      light: 'yellow',
      lightReason: '进度值 75.0 介于 60 与 80 之间（黄灯）',
    });
    const grey = aFlaggedIndicator({
      indicatorName: '参保人数',
      light: 'grey',
      actualRaw: null,
      progress: null,
      lightReason: '本期未填报（已逾期）',
    });
    await answerDepartmentView(aDepartmentDashboard({ flagged: [red, overall, grey] }));

    expect(flaggedNames()).toEqual(['就业培训人次', '城镇新增就业人数', '参保人数']);
    const rows = Array.from(page().querySelectorAll('#flagged tbody tr.ant-table-row'));
    expect(rows[0].textContent).toContain('红灯');
    expect(rows[0].textContent).toContain('进度值 45.0 低于 60（红灯）');
    expect(rows[0].textContent).toContain('应完成 1,500 人');
    expect(rows[0].textContent).toContain('45.0%');
    expect(rows[2].textContent).toContain('未填报');
    const links = Array.from(page().querySelectorAll('#flagged a.indicator-link')).map((link) =>
      link.getAttribute('href'),
    );
    expect(links).toEqual([
      '/projects/p-1?asOf=2025-06#indicator-i-1',
      '/overall?department=031&year=2025&asOf=2025-06#indicator-i-2',
      expect.stringMatching(/^\/projects\/.+\?asOf=2025-06#indicator-/),
    ]);
  });

  it('should filter the flagged indicators by light', async () => {
    await open();
    await answerDepartments();
    await answerDepartmentView(
      aDepartmentDashboard({
        flagged: [
          aFlaggedIndicator({ indicatorName: '甲', light: 'red' }),
          aFlaggedIndicator({ indicatorName: '乙', light: 'yellow' }),
          aFlaggedIndicator({ indicatorName: '丙', light: 'yellow' }),
          aFlaggedIndicator({ indicatorName: '丁', light: 'grey' }),
        ],
      }),
    );

    expect(text('#flagged .segmented')).toBe(
      '全部 4 红灯 1 项 黄灯 2 项 无法判定 0 项 灰灯 1 项 预计年末未达标 0',
    );
    button('黄灯 2 项').click();
    await settle();

    expect(flaggedNames()).toEqual(['乙', '丙']);
    expect(button('黄灯 2 项').getAttribute('aria-pressed')).toBe('true');
  });

  it('should list the indicators projected to miss, each opening its explanation, and filter the flagged list to them', async () => {
    const explanation =
      '按近3月（4–6月）平均增量 5/月 推算：110 + 5 × 6 = 140，年末约 140（区间 140–220）；目标 ≥200人，预计黄灯';
    const falling = aFlaggedIndicator({
      indicatorId: 'i-falling',
      indicatorName: '戊',
      light: 'green',
      projection: {
        value: 140,
        low: 140,
        high: 220,
        method: 'trend',
        light: 'yellow',
        likelihood: '有可能',
        proposedForecast: '140人',
        explanation,
      },
    });
    await open();
    await answerDepartments();
    await answerDepartmentView(
      aDepartmentDashboard({
        flagged: [aFlaggedIndicator({ indicatorName: '甲', light: 'red' })],
        projectedMiss: 1,
        projectedMisses: [falling],
      }),
    );

    expect(text('#projected-miss h3')).toBe('预计年末未达标（1）');
    const row = page().querySelector('#projected-miss tr[data-indicator="i-falling"]') as HTMLElement;
    const cells = Array.from(row.querySelectorAll('td')).map(
      (cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
    expect(cells[0]).toContain('戊');
    expect(cells[3]).toBe('绿灯');
    expect(cells[4]).toMatch(/^黄灯预计年末 140人区间 140–220 · 按近期趋势 推算过程/);
    const explained = row.querySelector('p.explanation') as HTMLElement;
    expect(explained.hidden).toBe(true);
    (row.querySelector('button[data-action="projection-explanation"]') as HTMLButtonElement).click();
    await settle();
    expect(explained.hidden).toBe(false);
    expect(explained.textContent?.trim()).toBe(explanation);

    button('预计年末未达标 1').click();
    await settle();
    expect(flaggedNames()).toEqual(['戊']);
  });

  it('should list the overdue reports with their state and days late', async () => {
    await open();
    await answerDepartments();
    await answerDepartmentView(
      aDepartmentDashboard({
        overdue: [
          anOverdueReport({ projectName: '信息化建设', status: 'missing', daysOverdue: 20 }),
          anOverdueReport({ projectName: '部门整体', projectId: null, status: 'returned', daysOverdue: 5 }),
        ],
      }),
    );

    const rows = Array.from(page().querySelectorAll('#overdue tbody tr.ant-table-row')).map(words);
    expect(rows).toEqual([
      '信息化建设 2025 年 5 月 未填报 2025-06-10 20 天',
      '部门整体 2025 年 5 月 已退回待修改 2025-06-10 5 天',
    ]);
    expect(text('#overdue h3')).toBe('逾期报告（2）');
  });

  it('should load the chosen month and keep it in the URL', async () => {
    await open();
    await answerDepartments();
    await answerDepartmentView(aDepartmentDashboard({ asOf: '2025-12' }));

    model('month-select').viewToModelUpdate(3);
    await settle();

    expect(TestBed.inject(Router).url).toBe('/dashboard?asOf=2025-03');
    await answerDepartmentView(aDepartmentDashboard({ asOf: '2025-03' }), [], '2025-03');
    expect(text('.page-subtitle')).toContain('截至 2025 年 3 月');
  });

  const flaggedUrl = (query: string): string => `/api/dashboard/flagged?asOf=2025-06&year=2025&${query}`;

  /** Opens the city view of two departments; the flagged list's first page is left to the test. */
  async function openCity(): Promise<void> {
    await open();
    await answerDepartments([aDepartment(), aDepartment({ code: '032', name: '区财政局' })]);
    await answerDepartmentView(aDepartmentDashboard());

    button('全市').click();
    await settle();

    expect(TestBed.inject(Router).url).toBe('/dashboard?view=city');
    httpMock.expectOne('/api/dashboard?year=2025').flush(
      aCityDashboard({
        overdue: 3,
        departments: [
          aDepartmentRollup({ department: { code: '031', name: '区人社局' }, overdue: 3, projectedMiss: 2 }),
          aDepartmentRollup({
            department: { code: '032', name: '区财政局' },
            counts: someLightCounts({ green: 4 }),
            overdue: 0,
          }),
        ],
      }),
    );
    await settle();
  }

  const departmentRows = (): string[] =>
    Array.from(page().querySelectorAll('#departments tbody tr[data-department]')).map(
      (row) => row.getAttribute('data-department') ?? '',
    );

  it('should roll up every readable department in the city view, one row each, with a link to its dashboard', async () => {
    await openCity();
    httpMock.expectOne(flaggedUrl('sort=worst&page=1&pageSize=20')).flush(aFlaggedPage({ items: [] }));
    await settle();
    await draw();

    expect(text('.page-subtitle')).toBe('全市（2 个部门） · 截至 2025 年 6 月');
    expect(page().querySelector('.department-select')).toBeNull();
    expect(text()).toContain('各部门概况');
    expect(text()).toContain('各部门指标达成情况');
    expect((chart('指标达成情况').options[0].yAxis as { data: string[] }).data).toEqual([
      '区人社局',
      '区财政局',
    ]);
    expect(button('全市').getAttribute('aria-pressed')).toBe('true');
    expect(departmentRows()).toEqual(['031', '032']);
    const first = page().querySelector('#departments tr[data-department="031"]') as HTMLElement;
    expect(words(first)).toContain('区人社局');
    expect(first.querySelector('a')?.getAttribute('href')).toBe(
      '/dashboard?department=031&year=2025&asOf=2025-06',
    );
    // The KPI of overdue reports is the city's count; no department-only list is shown.
    expect(kpis().at(-1)).toBe('3');
    expect(page().querySelector('#flagged')).toBeNull();
    expect(page().querySelector('#overdue')).toBeNull();
    expect(text('#city-flagged')).toContain('没有预警指标');
  });

  it('should sort the department table on a column', async () => {
    await openCity();
    httpMock.expectOne(flaggedUrl('sort=worst&page=1&pageSize=20')).flush(aFlaggedPage({ items: [] }));
    await settle();

    const header = Array.from(page().querySelectorAll('#departments th')).find((th) =>
      th.textContent?.includes('预计年末未达标'),
    ) as HTMLElement;
    header.click();
    await settle();
    expect(departmentRows()).toEqual(['032', '031']);
    header.click();
    await settle();
    expect(departmentRows()).toEqual(['031', '032']);
  });

  it('should ask the server for each page and filter of the city flagged list', async () => {
    await openCity();
    const items = [
      aFlaggedIndicator({ indicatorName: '就业培训人次', department: { code: '031', name: '区人社局' } }),
    ];
    httpMock.expectOne(flaggedUrl('sort=worst&page=1&pageSize=20')).flush(aFlaggedPage({ items, total: 45 }));
    await settle();

    expect(text('#city-flagged .panel-title')).toBe('全市预警指标（45）');
    expect(words(page().querySelector('#city-flagged tbody tr') as Element)).toContain(
      '区人社局 · 人社局就业资金工作经费 · 产出指标 › 数量指标',
    );
    // nz-table's pager: 45 rows of 20 → 3 pages; page 2 is asked of the server.
    const next = page().querySelector('#city-flagged li.ant-pagination-item[title="2"] a') as HTMLElement;
    next.click();
    await settle();
    httpMock
      .expectOne(flaggedUrl('sort=worst&page=2&pageSize=20'))
      .flush(aFlaggedPage({ items, total: 45, page: 2 }));
    await settle();

    // A filter goes back to the first page.
    model('city-flagged-light').viewToModelUpdate(['red', 'yellow']);
    await settle();
    httpMock
      .expectOne(flaggedUrl('sort=worst&page=1&pageSize=20&light=red&light=yellow'))
      .flush(aFlaggedPage({ items, total: 1 }));
    await settle();

    model('city-flagged-department').viewToModelUpdate('031');
    await settle();
    httpMock
      .expectOne(flaggedUrl('sort=worst&page=1&pageSize=20&department=031&light=red&light=yellow'))
      .flush(aFlaggedPage({ items, total: 1 }));
    httpMock
      .expectOne('/api/departments/031/years/2025/projects?asOf=2025-06')
      .flush([aProject({ id: 'p-9', name: '就业资金' })]);
    await settle();

    model('city-flagged-project').viewToModelUpdate('p-9');
    await settle();
    httpMock
      .expectOne(
        flaggedUrl('sort=worst&page=1&pageSize=20&department=031&project=p-9&light=red&light=yellow'),
      )
      .flush(aFlaggedPage({ items, total: 1 }));

    model('city-flagged-level1').viewToModelUpdate('产出指标');
    model('city-flagged-sort').viewToModelUpdate('project');
    await settle();
    httpMock
      .expectOne(
        flaggedUrl(
          'sort=project&page=1&pageSize=20&department=031&project=p-9&level1=%E4%BA%A7%E5%87%BA%E6%8C%87%E6%A0%87&light=red&light=yellow',
        ),
      )
      .flush(aFlaggedPage({ items, total: 1 }));
    await settle();
    expect(text('#city-flagged .panel-title')).toBe('全市预警指标（1）');
  });

  it('should say so when the year has no monitored indicator, without charts', async () => {
    await open();
    await answerDepartments();
    await answerDepartmentView(aDepartmentDashboard({ counts: someLightCounts(), trend: [] }));

    expect(text()).toContain('该年度没有需要监控的年度指标');
    expect(page().querySelector('app-chart')).toBeNull();
    expect(text('#flagged')).toContain('没有预警指标');
    expect(text('#overdue')).toContain('没有逾期报告');
  });

  it("should show the API's message and load again on retry when the dashboard fails", async () => {
    await open();
    await answerDepartments();
    httpMock
      .expectOne('/api/departments/031/years/2025/dashboard')
      .flush(
        { statusCode: 403, code: 'FORBIDDEN', message: '无权查看该部门' },
        { status: 403, statusText: 'Forbidden' },
      );
    // Both are needed: the failure of one cancels the other.
    expect(httpMock.expectOne('/api/departments/031/years/2025/projects').cancelled).toBe(true);
    await settle();

    expect(text('nz-result')).toContain('看板数据加载失败');
    expect(text('nz-result')).toContain('无权查看该部门');

    button('重试').click();
    await settle();
    await answerDepartmentView(aDepartmentDashboard());

    expect(page().querySelector('nz-result')).toBeNull();
    expect(kpis()[0]).toBe('30');
  });
});
