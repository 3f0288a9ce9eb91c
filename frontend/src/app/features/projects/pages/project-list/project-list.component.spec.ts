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

import {
  aDepartment,
  aLead,
  aProject,
  someLightCounts,
} from '../../../../core/api/testing/department-builders';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { ProjectListComponent } from './project-list.component';

type ResponseBody = Parameters<TestRequest['flush']>[0];

const DEPARTMENTS_URL = '/api/departments';
const projectsUrl = (code: string, year: number): string => `/api/departments/${code}/years/${year}/projects`;

describe(ProjectListComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'projects', component: ProjectListComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(url = '/projects'): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, ProjectListComponent);
    await settle();
  }

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

  /** Cell texts of the project rows, one array per row. */
  function rows(): string[][] {
    return Array.from(page().querySelectorAll('tbody tr.ant-table-row')).map((row) =>
      Array.from(row.querySelectorAll('td')).map(words),
    );
  }

  const names = (): string[] =>
    Array.from(page().querySelectorAll('tbody .project-name')).map((link) => link.textContent?.trim() ?? '');

  function tableIsLoading(): boolean {
    return page().querySelector('nz-table .ant-spin-spinning') !== null;
  }

  async function answerDepartments(body: ResponseBody): Promise<void> {
    httpMock.expectOne(DEPARTMENTS_URL).flush(body);
    await settle();
  }

  async function answerProjects(
    code: string,
    year: number,
    body: ResponseBody,
    asOf?: string,
  ): Promise<void> {
    httpMock
      .expectOne(
        (request) => request.url === projectsUrl(code, year) && request.params.get('asOf') === (asOf ?? null),
      )
      .flush(body);
    await settle();
  }

  /** The NgModel of the control with this class (department-select, month-select, search …). */
  function model(className: string): NgModel {
    const control = harness.fixture.debugElement
      .queryAll(By.directive(NgModel))
      .find((element) => (element.nativeElement as HTMLElement).classList.contains(className));
    if (!control) throw new Error(`no control .${className}`);
    return control.injector.get(NgModel);
  }

  it('should show a loading state while the departments load', async () => {
    await open();

    expect(text()).toContain('正在加载部门…');
    expect(page().querySelector('nz-table')).toBeNull();
    httpMock.expectOne(DEPARTMENTS_URL);
  });

  it('should ask for a budget import when there are no departments', async () => {
    await open();
    await answerDepartments([]);

    expect(page().querySelector('nz-empty')?.textContent).toContain('暂无部门数据，请先导入部门预算');
    expect(page().querySelector('nz-table')).toBeNull();
  });

  it("should list the first department's projects of its latest year with budget, leads, lights, execution and last report", async () => {
    await open();
    await answerDepartments([
      aDepartment({ code: '031', years: [2024, 2025] }),
      aDepartment({ code: '032' }),
    ]);

    expect(tableIsLoading()).toBe(true);
    expect(text()).not.toContain('暂无项目');

    await answerProjects('031', 2025, [
      aProject({
        code: '42011225031T000000107',
        name: '人社局就业资金工作经费',
        category: '本级支出项目',
        budget: 3128,
        leads: [aLead({ displayName: '项目负责人3' }), aLead({ displayName: '王五' })],
        lightSummary: someLightCounts({ red: 1, yellow: 4, green: 6, blue: 2 }),
        projectLight: 'red',
        lastReport: { period: '2025-06', status: 'submitted', updatedAt: '2025-07-02T00:00:00Z' },
        budgetExecution: {
          period: '2025-06',
          budgetYuan: 31280000,
          executedYuan: 14858000,
          rate: 47.5,
          pace: 50,
          light: 'green',
          lightReason: '预算执行进度值 95.0 达到 80（绿灯）',
          explanation: '预算执行进度值 = 47.5 ÷ 50 × 100 = 95.0；80 ≤ 95.0 < 120 → 绿灯',
        },
      }),
      aProject({
        code: null,
        name: '往来资金',
        category: null,
        budget: 1.6,
        lightSummary: someLightCounts(),
        projectLight: null,
      }),
    ]);

    expect(tableIsLoading()).toBe(false);
    expect(rows()).toEqual([
      [
        '人社局就业资金工作经费 42011225031T000000107',
        '本级支出项目',
        '项目负责人3、王五',
        '3,128.00',
        '红灯',
        '红 1 黄 4 绿 6 蓝 2 灰 0 待定 0',
        '47.5%',
        '2025 年 6 月 已提交',
      ],
      [
        '往来资金 无编码',
        '—',
        '未分配',
        '1.60',
        '不监控',
        '红 0 黄 0 绿 0 蓝 0 灰 0 待定 0',
        '未填报',
        '尚无填报',
      ],
    ]);
    expect(page().querySelector('tfoot')?.textContent?.replace(/\s+/g, '')).toBe('合计3,129.60');
    expect(page().querySelector('.project-name')?.getAttribute('href')).toMatch(/^\/projects\/[0-9a-f-]+$/);
    expect(text()).toContain('武汉市东西湖区人力资源和社会保障局');
    expect(text()).toContain('共 2 个项目');
  });

  it.each([
    { url: '/projects?department=032&year=2024', code: '032', year: 2024, asOf: undefined },
    { url: '/projects?department=032&year=1999', code: '032', year: 2025, asOf: undefined },
    { url: '/projects?department=999', code: '031', year: 2025, asOf: undefined },
    { url: '/projects?asOf=2025-06', code: '031', year: 2025, asOf: '2025-06' },
    { url: '/projects?year=2025&asOf=2024-06', code: '031', year: 2025, asOf: undefined },
  ])('should load $code/$year as of $asOf when the URL is $url', async ({ url, code, year, asOf }) => {
    await open(url);
    await answerDepartments([
      aDepartment({ code: '031' }),
      aDepartment({ code: '032', years: [2024, 2025] }),
    ]);

    await answerProjects(code, year, [aProject()], asOf);

    expect(rows()).toHaveLength(1);
  });

  it('should load the chosen month and link the projects to their detail at that month', async () => {
    await open();
    await answerDepartments([aDepartment()]);
    await answerProjects('031', 2025, [aProject()]);

    model('month-select').viewToModelUpdate(6);
    await settle();

    expect(TestBed.inject(Router).url).toBe('/projects?asOf=2025-06');
    await answerProjects('031', 2025, [aProject({ name: '党建' })], '2025-06');
    expect(page().querySelector('.project-name')?.getAttribute('href')).toMatch(/\?asOf=2025-06$/);
  });

  it('should open at the year being monitored, not a next year still in preparation (结转)', async () => {
    await open();
    await answerDepartments([aDepartment({ years: [2025, 2026], currentYear: 2025 })]);
    await answerProjects('031', 2025, [aProject()]);

    expect(rows()).toHaveLength(1);
  });

  it('should say so when the selected year has no projects', async () => {
    await open();
    await answerDepartments([aDepartment()]);
    await answerProjects('031', 2025, []);

    expect(rows()).toEqual([]);
    expect(page().querySelector('nz-table')?.textContent).toContain('该部门 2025 年暂无项目');
    expect(page().querySelector('tfoot')).toBeNull();
  });

  it('should say so without asking for projects when the department has no budget year', async () => {
    await open();
    await answerDepartments([aDepartment({ years: [] })]);

    expect(page().querySelector('nz-empty')?.textContent).toContain('该部门暂无年度预算数据');
    httpMock.expectNone((request) => request.url.includes('/projects'));
  });

  it('should show the API message and load again on retry when the departments fail', async () => {
    await open();
    httpMock
      .expectOne(DEPARTMENTS_URL)
      .flush(
        { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: '数据库暂不可用' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    await settle();

    expect(text()).toContain('部门数据加载失败');
    expect(text()).toContain('数据库暂不可用');

    (page().querySelector('nz-result button') as HTMLButtonElement).click();
    await settle();
    await answerDepartments([aDepartment()]);
    await answerProjects('031', 2025, [aProject({ name: '就业补助资金' })]);

    expect(text()).not.toContain('部门数据加载失败');
    expect(names()).toEqual(['就业补助资金']);
  });

  it('should show an error and load again on retry when the projects fail', async () => {
    await open();
    await answerDepartments([aDepartment()]);
    httpMock.expectOne(projectsUrl('031', 2025)).error(new ProgressEvent('error'));
    await settle();

    expect(text()).toContain('项目数据加载失败');
    expect(text()).toContain('无法连接服务器，请检查网络后重试');
    expect(page().querySelector('nz-table')).toBeNull();

    (page().querySelector('nz-result button') as HTMLButtonElement).click();
    await settle();
    await answerProjects('031', 2025, [aProject()]);

    expect(text()).not.toContain('项目数据加载失败');
    expect(rows()).toHaveLength(1);
  });

  it("should put the chosen department in the URL and never show the previous department's rows", async () => {
    await open('/projects?light=red');
    await answerDepartments([
      aDepartment({ code: '031' }),
      aDepartment({ code: '032', name: '区财政局', years: [2024] }),
    ]);
    await answerProjects('031', 2025, [aProject({ name: '就业补助资金', projectLight: 'red' })]);

    model('department-select').viewToModelUpdate('032');
    await settle();

    // The filters belonged to the previous department's list.
    expect(TestBed.inject(Router).url).toBe('/projects?department=032');
    expect(tableIsLoading()).toBe(true);
    expect(text()).not.toContain('就业补助资金');

    await answerProjects('032', 2024, [aProject({ name: '财政专项' })]);

    expect(text()).toContain('区财政局');
    expect(names()).toEqual(['财政专项']);
  });

  describe('filters', () => {
    const lead3 = aLead({ username: 'lead03', displayName: '项目负责人3' });
    const lead4 = aLead({ username: 'lead04', displayName: '项目负责人4' });
    const projects = [
      aProject({
        code: '42011225031T000000107',
        name: '就业资金',
        category: '本级支出项目',
        projectLight: 'red',
        leads: [lead3],
      }),
      aProject({
        code: '42011225031T000000109',
        name: '劳动维权',
        category: '本级支出项目',
        projectLight: 'yellow',
        leads: [lead4],
      }),
      aProject({
        code: '42011225031Y000000100',
        name: '信息化建设',
        category: '其他运转类',
        projectLight: 'grey',
        leads: [],
      }),
      aProject({
        code: null,
        name: '往来资金',
        category: '本级支出项目',
        projectLight: null,
        leads: [lead3],
      }),
    ];

    it.each([
      { query: 'q=维权', shown: ['劳动维权'] },
      { query: 'q=y000000100', shown: ['信息化建设'] },
      { query: 'light=red', shown: ['就业资金'] },
      { query: 'light=none', shown: ['往来资金'] },
      { query: 'category=其他运转类', shown: ['信息化建设'] },
      { query: 'lead=lead03', shown: ['就业资金', '往来资金'] },
      { query: 'lead=lead03&light=red', shown: ['就业资金'] },
      { query: 'q=没有', shown: [] },
    ])('should show $shown for ?$query', async ({ query, shown }) => {
      await open(`/projects?${query}`);
      await answerDepartments([aDepartment()]);
      await answerProjects('031', 2025, projects);

      expect(names()).toEqual(shown);
      expect(text()).toContain(`筛选出 ${shown.length} 个，共 4 个项目`);
      if (shown.length === 0) {
        expect(page().querySelector('nz-table')?.textContent).toContain('没有符合筛选条件的项目');
      }
    });

    it('should put typed search words in the URL and clear every filter at once', async () => {
      await open('/projects?light=red');
      await answerDepartments([aDepartment()]);
      await answerProjects('031', 2025, projects);

      model('search').viewToModelUpdate('就业');
      await settle();

      expect(TestBed.inject(Router).url).toBe('/projects?light=red&q=%E5%B0%B1%E4%B8%9A');
      expect(names()).toEqual(['就业资金']);

      (
        Array.from(page().querySelectorAll('button')).find((button) =>
          button.textContent?.includes('清除筛选'),
        ) as HTMLButtonElement
      ).click();
      await settle();

      expect(TestBed.inject(Router).url).toBe('/projects');
      expect(names()).toHaveLength(4);
      expect(text()).toContain('共 4 个项目');
    });

    it('should offer the categories and leads of the listed projects', async () => {
      await open();
      await answerDepartments([aDepartment()]);
      await answerProjects('031', 2025, projects);

      const component = harness.fixture.debugElement.query(By.directive(ProjectListComponent))
        .componentInstance as unknown as { categories(): string[]; leads(): { username: string }[] };
      // In pinyin order: 本 (ben) before 其 (qi).
      expect(component.categories()).toEqual(['本级支出项目', '其他运转类']);
      expect(component.leads().map((lead) => lead.username)).toEqual(['lead03', 'lead04']);
    });
  });
});
