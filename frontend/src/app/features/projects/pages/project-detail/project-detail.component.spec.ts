import { ArrowLeftOutline, DownloadOutline, PrinterOutline } from '@ant-design/icons-angular/icons';
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
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

import { someLightCounts } from '../../../../core/api/testing/department-builders';
import {
  aSessionUser,
  aTokenResponse,
  givenStoredSession,
} from '../../../../core/auth/testing/auth-builders';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { aGoal, aLatestReport, anIndicator } from '../../../../shared/goals/testing/goal-builders';
import { aProjectDetail } from '../../testing/project-builders';
import { ProjectDetailComponent } from './project-detail.component';

type ResponseBody = Parameters<TestRequest['flush']>[0];

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankComponent {}

const ID = '00000000-0000-4000-8000-000000000113';
const LEAD_ID = '00000000-0000-4000-8000-000000000901';

describe(ProjectDetailComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'projects/:id', component: ProjectDetailComponent },
          { path: 'projects', component: BlankComponent },
          { path: 'reports/:projectId/:period', component: BlankComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
        provideNzIconsPatch([ArrowLeftOutline, DownloadOutline, PrinterOutline]),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(
    url = `/projects/${ID}`,
    role: 'lead' | 'leader' | 'admin' = 'leader',
    userId = LEAD_ID,
  ): Promise<void> {
    givenStoredSession(aTokenResponse({ user: aSessionUser({ id: userId, role }) }));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, ProjectDetailComponent);
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  async function answer(body: ResponseBody, asOf: string | null = null): Promise<void> {
    httpMock
      .expectOne((request) => request.url === `/api/projects/${ID}` && request.params.get('asOf') === asOf)
      .flush(body);
    await settle();
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

  /** dt → dd of the header. */
  function facts(): Record<string, string> {
    return Object.fromEntries(
      Array.from(page().querySelectorAll('.fact')).map((fact) => [
        words(fact.querySelector('dt')),
        words(fact.querySelector('dd')),
      ]),
    );
  }

  const activePane = (): Element | null => page().querySelector('.ant-tabs-tabpane-active');

  async function selectTab(label: string): Promise<void> {
    const tab = Array.from(page().querySelectorAll('[role=tab]')).find((candidate) =>
      candidate.textContent?.includes(label),
    ) as HTMLElement;
    tab.click();
    await settle();
  }

  it('should show a loading state, then the 表12 header with lights and budget execution', async () => {
    await open();
    expect(page().textContent).toContain('正在加载项目…');

    await answer(
      aProjectDetail({
        lightSummary: someLightCounts({ red: 1, green: 6 }),
        projectLight: 'red',
        budgetExecution: {
          budgetYuan: 16000,
          projection: {
            value: 14400,
            low: 14400,
            high: 14400,
            rate: 90,
            method: 'pace',
            light: 'green',
            explanation:
              '按1–5月平均进度 1200/月 推算：6000 + 1200 × 7 = 14400，年末约 14400（区间 14400–14400）',
          },
          periods: [
            {
              period: '2025-05',
              executedYuan: 6000,
              rate: 37.5,
              pace: 41.67,
              light: 'green',
              lightReason: '预算执行进度值 90.0 达到 80（绿灯）',
              explanation: '预算执行进度值 = 6000 ÷ (16000 × 5/12) × 100 = 90.0；80 ≤ 90.0 < 120 → 绿灯',
              note: null,
              version: 1,
              updatedAt: '2025-06-05T00:00:00Z',
            },
          ],
        },
      }),
    );

    expect(words(page().querySelector('h2'))).toBe('党建');
    expect(page().querySelector('.back a')?.getAttribute('href')).toBe(
      '/projects?department=031&year=2025&asOf=2025-06',
    );
    expect(words(page().querySelector('.subtitle'))).toBe(
      '42011225031T000000113 · 武汉市东西湖区人力资源和社会保障局 · 2025 年度',
    );
    expect(facts()).toEqual(
      expect.objectContaining({
        项目编码: '42011225031T000000113',
        项目负责人: '杨杰',
        负责人账户: '项目负责人1',
        '当年预算（万元）': '1.60',
        起止年度: '2025–2025 年',
        主管部门: '东西湖区人社局',
        单位地址: '东西湖区两馆一中心 （430000）',
        立项依据: '为贯彻落实党的二十届三中全会精神，特申请党建经费。',
        实施方案: '1. 宣传典型和表彰先进； 2. 开展教育培训和活动。',
      }),
    );
    const strip = words(page().querySelector('.status-strip'));
    expect(strip).toContain('项目预警 红灯');
    expect(strip).toContain('年度指标预警（共 7 项）');
    expect(strip).toContain('执行率 37.5% / 时间进度 41.7% （5 月）');
    const budgetProjection = page().querySelector('#budget-projection');
    expect(words(budgetProjection)).toBe('预算执行年末预测 预计年末执行率 90%');
    expect(budgetProjection?.querySelector('.badge')?.getAttribute('aria-label')).toMatch(
      /^绿灯：按1–5月平均进度/,
    );
  });

  it.each([
    [true, '已归档'],
    [false, null],
  ])('should tag the title 已归档 only when the project is archived (%s)', async (archived, tag) => {
    await open();
    await answer(aProjectDetail({ archived, archivedAt: archived ? '2025-07-01T08:00:00Z' : null }));
    const shown = page().querySelector('h2.title .archived-tag');
    expect(shown?.textContent?.trim() ?? null).toBe(tag);
  });

  it('should ask for the month in the URL and load another month when picked', async () => {
    await open(`/projects/${ID}?asOf=2025-03`);
    await answer(aProjectDetail({ asOf: '2025-03' }), '2025-03');

    const month = harness.fixture.debugElement
      .queryAll(By.directive(NgModel))
      .find((element) => (element.nativeElement as HTMLElement).classList.contains('month-select'));
    expect(month?.injector.get(NgModel).model).toBe(3);
    month?.injector.get(NgModel).viewToModelUpdate(5);
    await settle();

    expect(TestBed.inject(Router).url).toBe(`/projects/${ID}?asOf=2025-05`);
    await answer(aProjectDetail({ asOf: '2025-05' }), '2025-05');
    expect(words(page().querySelector('.status-strip'))).toContain('2025 年 5 月');
  });

  it('should offer the monitoring form (执行监控表) of the month shown, in Excel and Word', async () => {
    await open(`/projects/${ID}?asOf=2025-03`);
    await answer(aProjectDetail({ asOf: '2025-03' }), '2025-03');

    const xlsx = page().querySelector('[data-action="monitoring-form-xlsx"]') as HTMLButtonElement;
    const docx = page().querySelector('[data-action="monitoring-form-docx"]') as HTMLButtonElement;
    expect([words(xlsx), words(docx)]).toEqual(['执行监控表（Excel）', '执行监控表（Word）']);
    // jsdom has no object URLs and does not follow links: record the file the browser would save.
    URL.createObjectURL = jest.fn(() => 'blob:1');
    URL.revokeObjectURL = jest.fn();
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    docx.click();
    httpMock.expectOne(`/api/projects/${ID}/monitoring/2025-03.docx`).flush(new Blob(['x']));
    click.mockRestore();
    expect(saved).toEqual(['monitoring-2025-03.docx']);
  });

  it('should show the annual tree first and the long-term tree on its tab, with their indicator counts', async () => {
    await open();
    await answer(
      aProjectDetail({
        goals: [
          aGoal([anIndicator({ name: '日常招聘活动' }), anIndicator({ name: '就业培训人次' })]),
          aGoal([anIndicator({ name: '城镇新增就业人数', monitored: false, light: null })], { term: 'long' }),
        ],
      }),
    );

    const tabs = Array.from(page().querySelectorAll('[role=tab]')).map(words);
    expect(tabs).toEqual(['年度目标（2）', '长期目标（1）', '预算明细', '监控记录']);
    expect(words(activePane())).toContain('日常招聘活动');
    expect(words(activePane())).not.toContain('城镇新增就业人数');

    await selectTab('长期目标');

    expect(words(activePane())).toContain('城镇新增就业人数');
    expect(words(activePane())).toContain('指标值确定依据');
  });

  it("should open the linked indicator's tab and mark its row", async () => {
    await open(`/projects/${ID}?asOf=2025-06#indicator-long-1`);
    await answer(
      aProjectDetail({
        goals: [
          aGoal([anIndicator({ id: 'annual-1' })]),
          aGoal([anIndicator({ id: 'long-1', name: '扶持创业', monitored: false, light: null })], {
            term: 'long',
          }),
        ],
      }),
      '2025-06',
    );

    expect(words(page().querySelector('[role=tab][aria-selected=true]'))).toBe('长期目标（1）');
    expect(activePane()?.querySelector('tr.highlight')?.id).toBe('indicator-long-1');
  });

  it('should show the spending, funding and procurement tables, and a spending total that differs from the budget', async () => {
    await open();
    await answer(aProjectDetail());

    await selectTab('预算明细');

    const pane = activePane() as Element;
    const spending = Array.from(pane.querySelectorAll('nz-table')[0].querySelectorAll('tbody tr')).map(
      (row) => Array.from(row.querySelectorAll('td')).map(words),
    );
    expect(spending).toEqual([
      ['各类学习书籍购买', '各类党建理论书籍', '2080102 一般行政管理事务', '0.40', '80 名党员，人均 50 元'],
      [
        '老干支部支委工作补贴',
        '—',
        '2080102 一般行政管理事务',
        '1.20',
        '每月 500 元 备注：东老干〔2018〕12号',
      ],
    ]);
    expect(words(pane.querySelector('tfoot'))).toBe('合计 1.60');
    expect(pane.querySelector('.finding')).toBeNull();
    expect(words(pane)).toContain('一般公共预算财政拨款 1.60');
    expect(words(pane)).toContain('无采购事项');
  });

  it('should point out 支出明细 that do not add up to the 当年预算', async () => {
    await open();
    await answer(aProjectDetail({ currentBudget: 2 }));

    await selectTab('预算明细');

    expect(words(activePane()?.querySelector('.finding') ?? null)).toBe(
      '支出明细合计 1.60 万元，与当年预算 2.00 万元相差 -0.40 万元，请核对源文件。',
    );
  });

  it('should list the monitoring periods latest first with their state and the budget execution', async () => {
    await open();
    await answer(
      aProjectDetail({
        reportPeriods: [
          {
            period: '2025-05',
            status: 'returned',
            dueDate: '2025-06-10',
            overdue: true,
            submittedAt: null,
            reviewedAt: null,
            returnReason: '完成值与佐证不符',
            version: 2,
          },
          {
            period: '2025-06',
            status: null,
            dueDate: '2025-07-10',
            overdue: false,
            submittedAt: null,
            reviewedAt: null,
            returnReason: null,
            version: null,
          },
        ],
        budgetExecution: {
          budgetYuan: 16000,
          projection: null,
          periods: [
            {
              period: '2025-05',
              executedYuan: 6000,
              rate: 37.5,
              pace: 41.67,
              light: 'green',
              lightReason: '预算执行进度值 90.0 达到 80（绿灯）',
              explanation: '预算执行进度值 = 6000 ÷ (16000 × 5/12) × 100 = 90.0；80 ≤ 90.0 < 120 → 绿灯',
              note: null,
              version: 1,
              updatedAt: '2025-06-05T00:00:00Z',
            },
          ],
        },
      }),
    );

    await selectTab('监控记录');

    const rows = Array.from(activePane()?.querySelectorAll('tbody tr') ?? []).map((row) =>
      Array.from(row.querySelectorAll('td')).map(words),
    );
    expect(rows).toEqual([
      ['2025 年 6 月', '未填报', '2025-07-10', '—', '—', '—', '未填报', '—'],
      [
        '2025 年 5 月',
        '已退回 已逾期',
        '2025-06-10',
        '—',
        '—',
        '完成值与佐证不符',
        '6,000.00',
        '37.5% / 41.7%',
      ],
    ]);
  });

  it.each([
    { role: 'lead' as const, userId: LEAD_ID, shown: true },
    { role: 'lead' as const, userId: '00000000-0000-4000-8000-000000000999', shown: false },
    { role: 'leader' as const, userId: LEAD_ID, shown: false },
  ])(
    'should offer 填报 of the month to an assigned lead only ($role, shown: $shown)',
    async ({ role, userId, shown }) => {
      await open(`/projects/${ID}`, role, userId);
      await answer(aProjectDetail({ asOf: '2025-06' }));

      const link = page().querySelector(`a[href="/reports/${ID}/2025-06"]`);
      expect(link !== null).toBe(shown);
      if (link) expect(words(link)).toBe('填报 6 月');
    },
  );

  it.each([
    {
      role: 'admin' as const,
      userId: '00000000-0000-4000-8000-000000000001',
      status: 'approved',
      shown: true,
    },
    { role: 'lead' as const, userId: LEAD_ID, status: 'draft', shown: true },
    // An approved tree changes through 调整 for its lead (§17); a submitted one waits for the leader.
    { role: 'lead' as const, userId: LEAD_ID, status: 'approved', shown: false },
    { role: 'lead' as const, userId: LEAD_ID, status: 'submitted', shown: false },
    { role: 'lead' as const, userId: '00000000-0000-4000-8000-000000000999', status: 'draft', shown: false },
    { role: 'leader' as const, userId: LEAD_ID, status: 'draft', shown: false },
  ] as const)(
    'should offer the tree editor to the admin and the assigned lead of a draft only ($role, $status, shown: $shown)',
    async ({ role, userId, status, shown }) => {
      await open(`/projects/${ID}`, role, userId);
      const detail = aProjectDetail({ asOf: '2025-06' });
      await answer({ ...detail, tree: { ...detail.tree, status } });

      const toggle = Array.from(page().querySelectorAll('button')).find((b) => words(b) === '编辑指标树');
      expect(toggle !== undefined).toBe(shown);
      expect(page().querySelector('app-tree-editor')).toBeNull();
      if (!toggle) return;
      toggle.click();
      await settle();
      expect(page().querySelector('app-tree-editor')).not.toBeNull();
      expect(toggle.getAttribute('aria-pressed')).toBe('true');
    },
  );

  it('should keep the page while the editor reloads the project after a save', async () => {
    await open(`/projects/${ID}`, 'admin', '00000000-0000-4000-8000-000000000001');
    await answer(aProjectDetail({ asOf: '2025-06', goals: [aGoal([anIndicator({ name: '旧指标' })])] }));
    (
      Array.from(page().querySelectorAll('button')).find(
        (b) => words(b) === '编辑指标树',
      ) as HTMLButtonElement
    ).click();
    await settle();
    const editor = harness.fixture.debugElement.query(By.css('app-tree-editor'));
    (editor.componentInstance as { changed: { emit(): void } }).changed.emit();
    await settle();
    expect(page().querySelector('app-tree-editor')).not.toBeNull();
    await answer(
      aProjectDetail({ asOf: '2025-06', goals: [aGoal([anIndicator({ name: '新指标' })])] }),
      '2025-06',
    );
    expect(words(page().querySelector('app-tree-editor'))).toContain('新指标');
  });

  it('should show the latest report of an indicator in its tree', async () => {
    await open();
    await answer(
      aProjectDetail({
        goals: [
          aGoal([anIndicator({ name: '日常招聘活动', latestReport: aLatestReport({ actualRaw: '7场' }) })]),
        ],
      }),
    );

    expect(words(activePane())).toContain('日常招聘活动');
    expect(words(activePane())).toContain('7场 草稿');
  });

  it("should show the API's message and load again on retry when the project cannot be loaded", async () => {
    await open();
    httpMock
      .expectOne(`/api/projects/${ID}`)
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: '项目不存在' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();

    expect(words(page().querySelector('nz-result'))).toContain('项目加载失败');
    expect(words(page().querySelector('nz-result'))).toContain('项目不存在');

    (page().querySelector('nz-result button') as HTMLButtonElement).click();
    await settle();
    await answer(aProjectDetail());

    expect(page().querySelector('nz-result')).toBeNull();
    expect(words(page().querySelector('h2'))).toBe('党建');
  });
});
