import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { aMyProject, myProjects } from '../../testing/my-projects-builders';
import { LeadHomeComponent } from './lead-home.component';

@Component({ selector: 'app-test-entry', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class EntryStubComponent {}

describe(LeadHomeComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'reports', component: LeadHomeComponent },
          { path: 'reports/overall/:code/:period', component: EntryStubComponent },
          { path: 'reports/:projectId/:period', component: EntryStubComponent },
          { path: 'overall', component: EntryStubComponent },
          { path: 'projects/:id', component: EntryStubComponent },
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

  async function open(answer: ReturnType<typeof myProjects>): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/reports', LeadHomeComponent);
    httpMock.expectOne('/api/me/projects').flush(answer);
    await settle();
    return harness.routeNativeElement as HTMLElement;
  }

  const card = (page: HTMLElement, id: string) => page.querySelector(`[data-project="${id}"]`) as HTMLElement;

  it('should show each project’s month with its state, the return reason and one click to the form', async () => {
    const page = await open(
      myProjects([
        aMyProject({
          projectId: 'p-returned',
          projectName: '就业服务',
          months: [
            {
              period: '2025-06',
              status: 'returned',
              returnReason: '请补充佐证材料',
              overdue: true,
              reportedCount: 7,
              redCount: 2,
            },
          ],
        }),
        aMyProject({
          projectId: 'p-approved',
          projectName: '信息化建设',
          months: [{ period: '2025-06', status: 'approved', reportedCount: 7 }],
        }),
      ]),
    );

    expect(page.querySelector('.page-subtitle')?.textContent).toContain('2025 年 6 月');
    const returned = card(page, 'p-returned');
    expect(returned.querySelector('.current')?.getAttribute('data-state')).toBe('returned');
    expect(returned.querySelector('.current')?.textContent).toContain('已退回');
    expect(returned.querySelector('.current')?.textContent).toContain('已逾期');
    expect(returned.querySelector('.return-reason')?.textContent).toContain('退回原因：请补充佐证材料');
    expect(returned.querySelector('.current')?.textContent).toContain('已填 7/7 项指标');
    expect(returned.querySelector('.current')?.textContent).toContain('2 项红灯');
    const fix = returned.querySelector('a.open-current') as HTMLAnchorElement;
    expect(fix.textContent).toContain('修改 6 月');
    expect(fix.getAttribute('href')).toBe('/reports/p-returned/2025-06');

    const approved = card(page, 'p-approved');
    expect(approved.querySelector('.current')?.textContent).toContain('已审核通过');
    expect(approved.querySelector('a.open-current')?.textContent).toContain('查看 6 月');
    expect(approved.querySelector('.return-reason')).toBeNull();

    // Returned and late months count whichever month they are; this month's state counts per project.
    const summary = page.querySelector('.summary')?.textContent?.replace(/\s+/g, '');
    expect(summary).toContain('1个月退回待修改');
    expect(summary).toContain('1个月逾期');
    expect(summary).toContain('1本月已提交或已通过');
  });

  it('should list every month with its state and open a past approved month', async () => {
    const page = await open(
      myProjects([
        aMyProject({
          months: [
            { period: '2025-03', status: 'approved' },
            { period: '2025-04', status: 'submitted' },
            { period: '2025-05', status: null, overdue: true },
            { period: '2025-08', started: false },
          ],
        }),
      ]),
    );

    const months = page.querySelector('.months') as HTMLElement;
    expect(months.getAttribute('aria-label')).toBe('信息化建设 各月填报状态');
    const march = months.querySelector('[data-period="2025-03"]') as HTMLAnchorElement;
    expect(march.getAttribute('title')).toBe('2025 年 3 月：已审核通过');
    expect(months.querySelector('[data-period="2025-04"]')?.textContent).toContain('已提交');
    const may = months.querySelector('[data-period="2025-05"]') as HTMLElement;
    expect(may.classList).toContain('month-overdue');
    expect(may.getAttribute('title')).toBe('2025 年 5 月：待填报，已逾期');
    // A month that has not begun is shown, not linked.
    expect(months.querySelector('[data-period="2025-08"]')).toBeNull();
    expect(months.textContent).toContain('未开始');

    march.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/reports/p-1/2025-03');
  });

  it('should offer the department-wide goals (部门整体) to their reporter, with their own form and page', async () => {
    const page = await open(
      myProjects([
        aMyProject({
          projectId: null,
          overall: true,
          projectName: '人社局',
          months: [{ period: '2025-06', status: 'draft', reportedCount: 3 }],
        }),
      ]),
    );

    const overall = card(page, 'overall-031');
    expect(overall.querySelector('.project-name')?.textContent).toContain('部门整体 · 人社局');
    expect(overall.querySelector('a.open-current')?.getAttribute('href')).toBe(
      '/reports/overall/031/2025-06',
    );
    expect(overall.querySelector('.project-link')?.textContent).toContain('部门整体详情');
    expect(overall.querySelector('.project-link')?.getAttribute('href')).toBe(
      '/overall?department=031&year=2025&asOf=2025-06',
    );
    (overall.querySelector('[data-period="2025-02"]') as HTMLAnchorElement).click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/reports/overall/031/2025-02');
  });

  it('should say so when the lead has no project yet', async () => {
    const page = await open(myProjects([], { year: null, years: [], currentPeriod: null }));
    expect(page.querySelector('nz-empty')?.textContent).toContain('您还没有被分配项目');
  });

  it('should load another year when the lead picks it', async () => {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/reports', LeadHomeComponent);
    httpMock.expectOne('/api/me/projects').flush(myProjects([aMyProject()], { years: [2025, 2024] }));
    await settle();
    const page = harness.routeNativeElement as HTMLElement;
    expect(page.querySelector('.year-select')).not.toBeNull();

    (page.querySelector('.year-select .ant-select-selector') as HTMLElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    await settle();
    const options = Array.from(document.querySelectorAll('.ant-select-item-option')) as HTMLElement[];
    options.find((option) => option.textContent?.includes('2024 年'))?.click();
    await settle();
    const request = httpMock.expectOne((req) => req.url === '/api/me/projects');
    expect(request.request.params.get('year')).toBe('2024');
    request.flush(myProjects([], { year: 2024, years: [2025, 2024], currentPeriod: null }));
  });
});
