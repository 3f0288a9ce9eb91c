import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../core/icons/provide-app-icons';
import { GoalTreeComponent } from './goal-tree.component';
import type { Goal } from './goal.models';
import { aGoal, aHistoryPoint, aLatestReport, aTarget, anIndicator } from './testing/goal-builders';

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
});
