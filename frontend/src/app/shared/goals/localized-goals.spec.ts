import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { provideLocale, provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../core/icons/provide-app-icons';
import { GoalTreeComponent } from './goal-tree.component';
import type { Goal, IndicatorNode } from './goal.models';
import { localizeGoals, localizeMonths } from './localized-goals';
import { aGoal, aHistoryPoint, aLatestReport, aTarget, anIndicator } from './testing/goal-builders';

// 220 of ≥ 500 人 by June, as the API stores and serves it (in Chinese).
function reported(overrides: Partial<IndicatorNode> = {}): IndicatorNode {
  const target = aTarget({ raw: '≥500人', value: 500, unit: '人', confidence: 'explicit', note: '按年累计' });
  return anIndicator({
    targetRaw: '≥500人',
    target,
    latestReport: aLatestReport({
      period: '2025-06',
      actualRaw: '220人',
      actualValue: 220,
      forecastRaw: null,
    }),
    light: 'green',
    lightReason: '进度值 88.0 达到 80（绿灯）',
    explanation: '进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；80 ≤ 88.0 < 120 → 绿灯',
    ...overrides,
  });
}

const only = (goals: readonly Goal[]): IndicatorNode => goals[0].indicators[0].children[0].indicators[0];

describe(localizeGoals.name, () => {
  it('should leave a Chinese screen with what the API composed', () => {
    const goals = [aGoal([reported()])];
    expect(localizeGoals(goals, '2025-06', 'zh-CN')).toBe(goals);
  });

  it('should compose the light in English from the structured data', () => {
    const indicator = only(localizeGoals([aGoal([reported()])], '2025-06', 'en-US'));
    expect(indicator.explanation).toBe(
      'Progress = 220 ÷ (500 × 6/12) × 100 = 88.0; 80 ≤ 88.0 < 120 → green light',
    );
    expect(indicator.lightReason).toBe('Progress 88.0 reaches 80 (green light)');
  });

  it('should keep the served sentence where the browser would reach another light', () => {
    const indicator = only(localizeGoals([aGoal([reported({ light: 'red' })])], '2025-06', 'en-US'));
    expect(indicator.explanation).toBe('进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；80 ≤ 88.0 < 120 → 绿灯');
  });

  it('should explain a month without a report in English', () => {
    const indicator = only(
      localizeGoals(
        [aGoal([anIndicator({ latestReport: aLatestReport({ period: '2025-05' }) })])],
        '2025-06',
        'en-US',
      ),
    );
    expect(indicator.explanation).toBe('2025-06 not reported → grey light (not reported)');
    expect(indicator.lightReason).toBe('本期未填报（已逾期）');
  });

  it('should explain the year-end projection in English when it is the one the API made', () => {
    const history = [100, 200, 300, 400, 500, 600].map((value, index) =>
      aHistoryPoint({
        period: `2025-0${index + 1}`,
        actualRaw: `${value}人`,
        actualValue: value,
        light: 'green',
      }),
    );
    const projection = {
      value: 1200,
      low: 1200,
      high: 1200,
      method: 'pace' as const,
      light: 'blue' as const,
      likelihood: '确定能' as const,
      proposedForecast: '1200人',
      explanation: '按1–6月平均进度 100/月 推算：600 + 100 × 6 = 1200',
    };
    const base = reported({
      target: aTarget({ raw: '≥1000人', value: 1000, unit: '人', confidence: 'explicit' }),
      latestReport: aLatestReport({
        period: '2025-06',
        actualRaw: '600人',
        actualValue: 600,
        forecastRaw: null,
      }),
      light: 'blue',
      history,
    });
    const english = only(localizeGoals([aGoal([{ ...base, projection }])], '2025-06', 'en-US'));
    expect(english.projection?.explanation).toMatch(/^From the average pace of months 1–6, 100\/month/);
    const other = only(
      localizeGoals([aGoal([{ ...base, projection: { ...projection, value: 1300 } }])], '2025-06', 'en-US'),
    );
    expect(other.projection?.explanation).toBe(projection.explanation);
  });

  it("should compose the stored report's warnings in English, keeping which ones it has", () => {
    const target = aTarget({ raw: '≥80人', value: 80, unit: '人', confidence: 'explicit', note: '按年累计' });
    const stored = [
      {
        code: 'unit-scale' as const,
        message: '完成值“1.2万”按“万/千/亿”计为 12000人，而目标为 80人，请确认单位',
      },
    ];
    const indicator = only(
      localizeGoals(
        [
          aGoal([
            anIndicator({
              target,
              light: 'blue',
              latestReport: aLatestReport({ actualRaw: '1.2万', forecastRaw: null, warnings: stored }),
              previousReport: { period: '2025-05', actualRaw: '多', actualValue: null },
            }),
          ]),
        ],
        '2025-06',
        'en-US',
      ),
    );
    expect(indicator.latestReport?.warnings).toEqual([
      {
        code: 'unit-scale',
        message:
          'The actual “1.2万” reads 12000人 with 万/千/亿, while the target is 80人; please check the unit',
      },
    ]);
    expect(indicator.latestReport?.explanation).toMatch(/→ blue light$/);
  });

  it('should compare with the previous report when it reads', () => {
    const target = aTarget({ raw: '≥80人', value: 80, unit: '人', confidence: 'explicit' });
    const stored = [
      { code: 'cumulative-decrease' as const, message: '累计完成值 30人 低于 5 月填报的 40人' },
    ];
    const indicator = only(
      localizeGoals(
        [
          aGoal([
            anIndicator({
              target,
              light: 'yellow',
              latestReport: aLatestReport({ actualRaw: '30人', forecastRaw: null, warnings: stored }),
              previousReport: { period: '2025-05', actualRaw: '40人', actualValue: 40 },
            }),
          ]),
        ],
        '2025-06',
        'en-US',
      ),
    );
    expect(indicator.latestReport?.warnings[0].message).toBe(
      "The cumulative actual 30人 is below month 5's 40人; a cumulative figure cannot go down, please check",
    );
  });

  it('should leave indicators without a light or a month as they are', () => {
    const unmonitored = anIndicator({ monitored: false, light: null });
    expect(only(localizeGoals([aGoal([unmonitored])], null, 'en-US'))).toBe(unmonitored);
  });
});

describe(`${GoalTreeComponent.name} in English`, () => {
  let fixture: ComponentFixture<GoalTreeComponent>;

  async function render(locale: 'zh-CN' | 'en-US'): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [locale === 'zh-CN' ? provideZhCnLocale() : provideLocale(locale), provideAppIcons()],
    });
    fixture = TestBed.createComponent(GoalTreeComponent);
    fixture.componentRef.setInput('goals', [aGoal([reported()])]);
    fixture.componentRef.setInput('term', 'annual');
    fixture.componentRef.setInput('asOf', '2025-06');
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('should show an English user the light explained in English', async () => {
    const badge = (await render('en-US')).querySelector('.col-light .badge') as HTMLElement;
    expect(badge.getAttribute('aria-label')).toContain(
      'Progress = 220 ÷ (500 × 6/12) × 100 = 88.0; 80 ≤ 88.0 < 120 → green light',
    );
    expect(badge.getAttribute('aria-label')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('should show a Chinese user the explanation the API composed', async () => {
    const badge = (await render('zh-CN')).querySelector('.col-light .badge') as HTMLElement;
    expect(badge.getAttribute('aria-label')).toContain(
      '进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；80 ≤ 88.0 < 120 → 绿灯',
    );
  });
});

describe(localizeMonths.name, () => {
  const reading = {
    target: aTarget({ raw: '≥500人', value: 500, unit: '人', confidence: 'explicit' }),
    thresholds: null,
  };
  const month = (overrides: object) => ({
    period: '2025-06',
    reported: true,
    actualRaw: '220人',
    forecastRaw: null,
    likelihood: null,
    light: 'green',
    lightReason: '进度值 88.0 达到 80（绿灯）',
    explanation: '进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；80 ≤ 88.0 < 120 → 绿灯',
    ...overrides,
  });

  it('should explain each month of the drawer in English, where the light is the stored one', () => {
    const [june, may, april] = localizeMonths(
      [
        month({}),
        month({ period: '2025-05', reported: false, actualRaw: null, light: 'grey' }),
        month({ light: 'red' }),
      ],
      reading,
      'en-US',
    );
    expect(june.explanation).toBe(
      'Progress = 220 ÷ (500 × 6/12) × 100 = 88.0; 80 ≤ 88.0 < 120 → green light',
    );
    expect(may.explanation).toBe('2025-05 not reported → grey light (not reported)');
    expect(april.explanation).toBe('进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；80 ≤ 88.0 < 120 → 绿灯');
  });

  it('should leave Chinese screens and months without a reading as served', () => {
    const months = [month({})];
    expect(localizeMonths(months, reading, 'zh-CN')).toBe(months);
    expect(localizeMonths(months, null, 'en-US')).toBe(months);
  });
});
