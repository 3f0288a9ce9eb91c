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

import { provideZhCnLocale } from '../../../../core/i18n/provide-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { aDepartment, aProject } from '../../testing/project-builders';
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

  /** Cell texts of the project rows, one array per row. */
  function rows(): string[][] {
    return Array.from(page().querySelectorAll('tbody tr.ant-table-row')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim() ?? ''),
    );
  }

  function tableIsLoading(): boolean {
    return page().querySelector('nz-table .ant-spin-spinning') !== null;
  }

  async function answerDepartments(body: ResponseBody): Promise<void> {
    httpMock.expectOne(DEPARTMENTS_URL).flush(body);
    await settle();
  }

  async function answerProjects(code: string, year: number, body: ResponseBody): Promise<void> {
    httpMock.expectOne(projectsUrl(code, year)).flush(body);
    await settle();
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

  it("should list the first department's projects of its latest year with their budgets and total", async () => {
    await open();
    await answerDepartments([
      aDepartment({ code: '031', years: [2024, 2025] }),
      aDepartment({ code: '032' }),
    ]);

    expect(tableIsLoading()).toBe(true);
    expect(text()).not.toContain('暂无项目');

    await answerProjects('031', 2025, [
      aProject({ code: '42011225031T000000113', name: '就业补助资金', category: '专项业务类', budget: 466 }),
      aProject({ code: null, name: '人社局就业管理工作经费', category: null, budget: 1.6 }),
    ]);

    expect(tableIsLoading()).toBe(false);
    expect(rows()).toEqual([
      ['42011225031T000000113', '就业补助资金', '专项业务类', '466.00'],
      ['—', '人社局就业管理工作经费', '—', '1.60'],
    ]);
    expect(page().querySelector('tfoot')?.textContent?.replace(/\s+/g, '')).toBe('合计467.60');
    expect(text()).toContain('武汉市东西湖区人力资源和社会保障局');
    expect(text()).toContain('共 2 个项目');
  });

  it.each([
    { url: '/projects?department=032&year=2024', expected: projectsUrl('032', 2024) },
    { url: '/projects?department=032&year=1999', expected: projectsUrl('032', 2025) },
    { url: '/projects?department=999', expected: projectsUrl('031', 2025) },
  ])('should load $expected when the URL is $url', async ({ url, expected }) => {
    await open(url);
    await answerDepartments([
      aDepartment({ code: '031' }),
      aDepartment({ code: '032', years: [2024, 2025] }),
    ]);

    httpMock.expectOne(expected).flush([aProject()]);
    await settle();

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
    expect(rows()[0]).toContain('就业补助资金');
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
    await open();
    await answerDepartments([
      aDepartment({ code: '031' }),
      aDepartment({ code: '032', name: '区财政局', years: [2024] }),
    ]);
    await answerProjects('031', 2025, [aProject({ name: '就业补助资金' })]);

    const departmentSelect = harness.fixture.debugElement.queryAll(By.directive(NgModel))[0];
    departmentSelect.injector.get(NgModel).viewToModelUpdate('032');
    await settle();

    expect(TestBed.inject(Router).url).toBe('/projects?department=032');
    expect(tableIsLoading()).toBe(true);
    expect(text()).not.toContain('就业补助资金');

    await answerProjects('032', 2024, [aProject({ name: '财政专项' })]);

    expect(text()).toContain('区财政局');
    expect(rows().map((row) => row[1])).toEqual(['财政专项']);
  });
});
