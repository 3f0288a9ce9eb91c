import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../core/icons/provide-app-icons';
import { ESTIMATED_HEIGHT, GoalTreeComponent, VIRTUAL_FROM } from './goal-tree.component';
import type { Goal } from './goal.models';
import { aGoal, aHistoryPoint, aLatestReport, aTarget, anIndicator } from './testing/goal-builders';
import { VirtualRows } from './virtual-rows';

describe(GoalTreeComponent.name, () => {
  let fixture: ComponentFixture<GoalTreeComponent>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideZhCnLocale(), provideAppIcons()] });
    fixture = TestBed.createComponent(GoalTreeComponent);
  });

  async function render(inputs: {
    goals: Goal[];
    term: 'annual' | 'long';
    asOf?: string;
    highlight?: string;
  }) {
    fixture.componentRef.setInput('goals', inputs.goals);
    fixture.componentRef.setInput('term', inputs.term);
    fixture.componentRef.setInput('asOf', inputs.asOf ?? null);
    fixture.componentRef.setInput('highlight', inputs.highlight ?? null);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;

  function words(element: Element): string {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const part = node.textContent?.trim();
      if (part) parts.push(part);
    }
    return parts.join(' ');
  }

  const headers = (): string[] => Array.from(root().querySelectorAll('thead th')).map(words);
  const bodyRows = (): string[][] =>
    Array.from(root().querySelectorAll('tbody tr')).map((row) => Array.from(row.children).map(words));

  it('should show an annual goal as 二级 heading rows and an indicator row with target, reading, prior years, latest report, light and months', async () => {
    const indicator = anIndicator({
      id: 'i-1',
      name: '日常招聘活动',
      targetRaw: '12场',
      prev2: '12 场',
      prev1: '10 场',
      latestReport: aLatestReport({
        period: '2025-05',
        actualRaw: '5场',
        forecastRaw: '12场',
        likelihood: '确定能',
        status: 'submitted',
      }),
      light: 'green',
      lightReason: '进度值 100.0 达到 80（绿灯）',
      explanation: '进度值 = 5 ÷ (12 × 5/12) × 100 = 100.0；80 ≤ 100.0 < 120 → 绿灯',
      history: [
        aHistoryPoint({ period: '2025-05', actualRaw: '5场', actualValue: 5, light: 'green' }),
        aHistoryPoint({ period: '2025-06' }),
      ],
    });
    await render({
      goals: [
        aGoal([indicator], { label: '年度绩效目标 1', title: '举办招聘会 12 场' }),
        aGoal([], { term: 'long', label: '长期目标 1' }),
      ],
      term: 'annual',
      asOf: '2025-06',
    });

    expect(Array.from(root().querySelectorAll('h4')).map(words)).toEqual(['年度绩效目标 1']);
    expect(words(root().querySelector('.goal-title') as Element)).toBe('举办招聘会 12 场');
    expect(headers()).toEqual([
      '三级指标',
      '指标值（原文）',
      '理解为',
      '前年',
      '上年',
      '截至本期完成',
      '全年预计',
      '预警',
      '年末预测',
      '月度走势',
    ]);
    const [group, row] = bodyRows();
    expect(group).toEqual(['产出指标 › 数量指标']);
    expect(row.slice(0, 8)).toEqual([
      '日常招聘活动',
      '12场',
      '不低于 12 场（按年累计） 推断',
      '12 场',
      '10 场',
      '5场 5 月填报 已提交',
      '12场 确定能',
      '绿灯 进度值 = 5 ÷ (12 × 5/12) × 100 = 100.0；80 ≤ 100.0 < 120 → 绿灯',
    ]);
    // No projection in this row's data: the cell says none applies.
    expect(row[8]).toBe('不作数值预测');
    expect(root().querySelector('tr.indicator')?.id).toBe('indicator-i-1');
    expect(root().querySelector('app-sparkline svg')?.getAttribute('aria-label')).toBe(
      '月度走势：5 月 5场（绿灯）；6 月 未填报（灰灯）',
    );
  });

  it('should show a report of the month without the month, and an indicator without a report as 未填报', async () => {
    await render({
      goals: [
        aGoal([
          anIndicator({
            name: '甲',
            latestReport: aLatestReport({ period: '2025-06', actualRaw: '6场', status: 'draft' }),
          }),
          anIndicator({ name: '乙', latestReport: null, light: 'grey' }),
        ]),
      ],
      term: 'annual',
      asOf: '2025-06',
    });

    const [, first, second] = bodyRows();
    expect(first[5]).toBe('6场 草稿');
    expect(second[5]).toBe('未填报');
    expect(second[6]).toBe('—');
  });

  it.each([
    { confidence: 'explicit' as const, label: '明确', hint: '原文写明了比较方式和数值' },
    { confidence: 'inferred' as const, label: '推断', hint: '原文未写全，按指标类别推断，请核对' },
    { confidence: 'unparsed' as const, label: '未能识别', hint: '原文无法识别，需管理员核对' },
  ])('should show how sure the reading is: $label', async ({ confidence, label, hint }) => {
    await render({
      goals: [aGoal([anIndicator({ confidence, target: aTarget({ confidence, note: undefined }) })])],
      term: 'annual',
    });

    const tag = root().querySelector('.confidence') as HTMLElement;
    expect(tag.textContent?.trim()).toBe(label);
    expect(tag.classList).toContain(`confidence-${confidence}`);
    expect(tag.getAttribute('aria-label')).toBe(`解读把握：${label}：${hint}`);
  });

  it("should give the parser's note as the reason of an inferred reading", async () => {
    await render({ goals: [aGoal([anIndicator()])], term: 'annual' });

    expect(root().querySelector('.confidence')?.getAttribute('aria-label')).toBe(
      '解读把握：推断：未写比较符，数量指标下按“不低于”理解，按年累计',
    );
  });

  it('should show long-term goals with the 确定依据 instead of the monitoring columns', async () => {
    await render({
      goals: [
        aGoal([anIndicator({ name: '城镇新增就业人数', basis: '历史数据', monitored: false, light: null })], {
          term: 'long',
          label: '长期目标 1',
        }),
      ],
      term: 'long',
    });

    expect(headers()).toEqual(['三级指标', '指标值（原文）', '理解为', '指标值确定依据']);
    expect(bodyRows()[1]).toEqual(['城镇新增就业人数', '12 场', '不低于 12 场（按年累计） 推断', '历史数据']);
  });

  it('should mark the linked indicator', async () => {
    await render({
      goals: [aGoal([anIndicator({ id: 'a' }), anIndicator({ id: 'b' })])],
      term: 'annual',
      highlight: 'b',
    });

    expect(Array.from(root().querySelectorAll('tr.highlight')).map((row) => row.id)).toEqual(['indicator-b']);
  });

  it.each([
    { term: 'annual' as const, empty: '暂无年度绩效目标' },
    { term: 'long' as const, empty: '暂无长期绩效目标' },
  ])('should say so when there is no $term goal', async ({ term, empty }) => {
    await render({ goals: [], term });

    expect(root().textContent).toContain(empty);
  });

  it('should say so when a goal has no indicator', async () => {
    await render({ goals: [aGoal([], { indicators: [] })], term: 'annual' });

    expect(root().textContent).toContain('该目标没有指标');
    expect(root().querySelector('table')).toBeNull();
  });

  describe('a large tree', () => {
    /** `count` indicators under one 二级 heading: count + 1 rows. */
    const manyIndicators = (count: number) =>
      Array.from({ length: count }, (_, i) => anIndicator({ id: `i-${i}`, name: `指标（${i + 1}）` }));
    const indicatorRows = (): string[] =>
      Array.from(root().querySelectorAll('tr.indicator')).map((row) => row.id);

    /** The viewport measures and draws its rows in a microtask and an animation frame after the first render. */
    async function settle(): Promise<void> {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await fixture.whenStable();
        fixture.detectChanges();
      }
    }

    // jsdom's own scroll position, which the last case replaces.
    const scrollY = Object.getOwnPropertyDescriptor(window, 'scrollY');
    const scrollTo = Object.getOwnPropertyDescriptor(window, 'scrollTo');
    afterEach(() => {
      if (scrollY) Object.defineProperty(window, 'scrollY', scrollY);
      if (scrollTo) Object.defineProperty(window, 'scrollTo', scrollTo);
      delete (document.documentElement as Partial<HTMLElement>).scrollTop;
    });

    it('should draw every row of a tree smaller than the threshold, without a virtual viewport', async () => {
      await render({ goals: [aGoal(manyIndicators(VIRTUAL_FROM - 2))], term: 'annual' });
      await settle();

      expect(root().querySelector('cdk-virtual-scroll-viewport')).toBeNull();
      expect(indicatorRows()).toHaveLength(VIRTUAL_FROM - 2);
    }, 20_000);

    it('should draw only the rows of a screen and around of a 2,000-row tree, in a box as tall as all rows', async () => {
      await render({ goals: [aGoal(manyIndicators(2000))], term: 'annual' });
      await settle();

      const viewport = root().querySelector('cdk-virtual-scroll-viewport');
      expect(viewport).not.toBeNull();
      const drawn = indicatorRows();
      // jsdom's window is 768 px high: a screen and the buffers around it, from the first row.
      expect(drawn.length).toBeGreaterThan(768 / ESTIMATED_HEIGHT.indicator);
      expect(drawn.length).toBeLessThan(60);
      expect(drawn[0]).toBe('indicator-i-0');
      expect(words(root().querySelector('tr.group') as Element)).toBe('产出指标 › 数量指标');
      expect((viewport?.querySelector('.cdk-virtual-scroll-spacer') as HTMLElement).style.height).toBe(
        `${ESTIMATED_HEIGHT.group + 2000 * ESTIMATED_HEIGHT.indicator}px`,
      );
    });

    it('should draw a small goal whole next to a large one', async () => {
      await render({
        goals: [aGoal(manyIndicators(VIRTUAL_FROM)), aGoal([anIndicator({ id: 'small' })])],
        term: 'annual',
      });
      await settle();

      expect(root().querySelectorAll('cdk-virtual-scroll-viewport')).toHaveLength(1);
      expect(root().querySelector('#indicator-small')).not.toBeNull();
    });

    it('should draw every row for printing, and only those in view again after', async () => {
      await render({ goals: [aGoal(manyIndicators(VIRTUAL_FROM + 50))], term: 'annual' });
      await settle();
      expect(indicatorRows().length).toBeLessThan(60);

      window.dispatchEvent(new Event('beforeprint'));
      // Synchronously: the browser lays out the printed page right after the event.
      expect(root().querySelector('cdk-virtual-scroll-viewport')).toBeNull();
      expect(indicatorRows()).toHaveLength(VIRTUAL_FROM + 50);

      window.dispatchEvent(new Event('afterprint'));
      await settle();
      expect(indicatorRows().length).toBeLessThan(60);
    }, 20_000);

    it('should scroll the page to a row far down, whose drawing tells who looks for it', async () => {
      await render({ goals: [aGoal(manyIndicators(2000))], term: 'annual' });
      await settle();
      const virtualRows = TestBed.inject(VirtualRows);
      const scrolls: number[] = [];
      // jsdom has no layout: the page scrolls where asked, and says so.
      window.scrollTo = ((options: ScrollToOptions) => {
        scrolls.push(options.top ?? 0);
        Object.defineProperty(window, 'scrollY', { configurable: true, value: options.top });
        Object.defineProperty(document.documentElement, 'scrollTop', {
          configurable: true,
          value: options.top,
        });
        document.dispatchEvent(new Event('scroll'));
      }) as typeof window.scrollTo;
      const drawnBefore = virtualRows.drawn();

      expect(virtualRows.reveal('nowhere')).toBe(false);
      expect(virtualRows.reveal('i-1500')).toBe(true);
      // Row 1501 (after the heading), centred in jsdom's 768 px window.
      expect(scrolls).toEqual([ESTIMATED_HEIGHT.group + 1500 * ESTIMATED_HEIGHT.indicator - 384]);
      await settle();

      expect(root().querySelector('#indicator-i-1500')).not.toBeNull();
      expect(root().querySelector('#indicator-i-0')).toBeNull();
      expect(virtualRows.drawn()).toBeGreaterThan(drawnBefore);
    });
  });
});
