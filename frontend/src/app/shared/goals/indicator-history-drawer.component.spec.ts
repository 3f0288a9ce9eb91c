import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import type { IndicatorHistory, IndicatorHistoryMonth } from '../../core/api/indicators.api';
import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../core/icons/provide-app-icons';
import { GoalTreeComponent } from './goal-tree.component';
import { IndicatorHistoryDrawerComponent } from './indicator-history-drawer.component';
import { aGoal, anIndicator } from './testing/goal-builders';

function aMonth(overrides: Partial<IndicatorHistoryMonth> = {}): IndicatorHistoryMonth {
  return {
    period: '2025-01',
    status: null,
    returnReason: null,
    dueDate: '2025-02-10',
    overdue: false,
    reported: false,
    actualRaw: null,
    actualValue: null,
    forecastRaw: null,
    likelihood: null,
    light: 'grey',
    lightReason: null,
    explanation: '',
    progress: null,
    reasons: [],
    reasonText: null,
    correctiveAction: null,
    evidence: null,
    files: [],
    updatedAt: null,
    ...overrides,
  };
}

const HISTORY: IndicatorHistory = {
  indicator: {
    id: 'i-1',
    name: '劳动监察日常巡查次数',
    level1: '产出指标',
    level2: '数量指标',
    targetRaw: '≥120次',
    projectId: 'p-1',
    projectName: '人社局劳动维权工作经费',
    department: { code: '031', name: '武汉市东西湖区人力资源和社会保障局' },
    year: 2025,
  },
  months: [
    aMonth({
      period: '2025-05',
      status: 'approved',
      reported: true,
      actualRaw: '50次',
      actualValue: 50,
      light: 'green',
    }),
    aMonth({
      period: '2025-06',
      status: 'approved',
      reported: true,
      actualRaw: '30次',
      actualValue: 30,
      light: 'red',
      lightReason: '进度值 50.0，低于 60',
      reasons: ['经费保障'],
      reasonText: '资金拨付滞后',
      correctiveAction: '加快资金拨付进度',
      files: [
        {
          id: 'f-1',
          fileName: '6月工作台账.txt',
          mimeType: 'text/plain',
          sizeBytes: 12,
          sha256: '0'.repeat(64),
          createdAt: '2025-07-01T00:00:00Z',
        },
      ],
    }),
    aMonth({ period: '2025-07', overdue: true }),
  ],
  targetHistory: [],
};

describe(IndicatorHistoryDrawerComponent.name, () => {
  let fixture: ComponentFixture<GoalTreeComponent>;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideZhCnLocale(), provideAppIcons(), provideHttpClient(), provideHttpClientTesting()],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(GoalTreeComponent);
    fixture.componentRef.setInput('goals', [
      aGoal([anIndicator({ id: 'i-1', name: '劳动监察日常巡查次数' })]),
    ]);
    fixture.componentRef.setInput('term', 'annual');
    fixture.componentRef.setInput('asOf', '2025-06');
  });

  afterEach(() => httpMock.verify());

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const drawer = (): HTMLElement | null => document.querySelector('.indicator-history .ant-drawer-body');

  it('should create the drawer on the first opening only (its overlay makes a large page lay out again)', async () => {
    fixture.componentRef.setInput('drillDown', true);
    await settle();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('app-indicator-history-drawer')).toBeNull();
    expect(document.querySelector('.indicator-history')).toBeNull();

    (page.querySelector('button.history-link') as HTMLButtonElement).click();
    await settle();
    httpMock.expectOne((req) => req.url === '/api/indicators/i-1/history').flush(HISTORY);
    await settle();

    expect(page.querySelector('app-indicator-history-drawer')).not.toBeNull();
    expect(drawer()).not.toBeNull();
  });

  it('should open the indicator’s months from its row, latest first up to the page’s month, with reason, action and evidence', async () => {
    fixture.componentRef.setInput('drillDown', true);
    await settle();
    const link = (fixture.nativeElement as HTMLElement).querySelector(
      'button.history-link',
    ) as HTMLButtonElement;
    expect(link.getAttribute('aria-label')).toBe('查看“劳动监察日常巡查次数”的逐月记录');

    link.click();
    await settle();
    const request = httpMock.expectOne((req) => req.url === '/api/indicators/i-1/history');
    expect(request.request.params.get('year')).toBe('2025');
    request.flush(HISTORY);
    await settle();

    const body = drawer() as HTMLElement;
    expect(document.querySelector('.indicator-history .ant-drawer-title')?.textContent).toContain(
      '劳动监察日常巡查次数 · 逐月记录',
    );
    const months = Array.from(body.querySelectorAll('li.month')).map((li) => li.getAttribute('data-period'));
    // July is after the page's month: left out.
    expect(months).toEqual(['2025-06', '2025-05']);
    // The year's line, drawn larger than in the tree's rows: two months 36 px apart.
    expect(body.querySelector('app-sparkline svg')?.getAttribute('width')).toBe('44');
    const june = body.querySelector('[data-period="2025-06"]') as HTMLElement;
    expect(june.textContent).toContain('30次');
    expect(june.textContent).toContain('红灯');
    expect(june.textContent).toContain('已审核通过');
    expect(june.querySelector('.reasons')?.textContent).toContain('经费保障');
    expect(june.querySelector('.reason-text')?.textContent).toContain('资金拨付滞后');
    expect(june.querySelector('.corrective-action')?.textContent).toContain('加快资金拨付进度');

    const created = jest.fn((_blob: Blob) => 'blob:1');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const saved = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('6月工作台账.txt');
    });
    (june.querySelector('button.file') as HTMLButtonElement).click();
    httpMock.expectOne('/api/evidence/f-1').flush(new Blob(['台账']));
    expect(created).toHaveBeenCalledTimes(1);
    expect(saved).toHaveBeenCalledTimes(1);
    saved.mockRestore();
  });

  it('should leave the rows plain without drillDown, and long-term trees too', async () => {
    await settle();
    expect((fixture.nativeElement as HTMLElement).querySelector('button.history-link')).toBeNull();
    fixture.componentRef.setInput('drillDown', true);
    fixture.componentRef.setInput('term', 'long');
    fixture.componentRef.setInput('goals', [aGoal(undefined, { term: 'long' })]);
    await settle();
    expect((fixture.nativeElement as HTMLElement).querySelector('button.history-link')).toBeNull();
  });
});
