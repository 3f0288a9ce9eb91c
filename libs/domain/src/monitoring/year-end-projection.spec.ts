import { DomainError } from '../errors/domain.error';
import { parseTarget } from '../target/target-parser';
import type { Target, TargetContext } from '../target/target.types';
import { indicatorStatus } from './indicator-status';
import {
  isProjectedMiss,
  projectBudgetYearEnd,
  projectedYearEndLight,
  projectYearEnd,
  proposedForecast,
  type ProjectionOptions,
  type SeriesPoint,
  type YearEndProjection,
} from './year-end-projection';

const QUANTITY: TargetContext = { level1: '产出指标', level2: '数量指标' };
const TIMELINESS: TargetContext = { level1: '产出指标', level2: '时效指标' };
const SATISFACTION: TargetContext = { level1: '满意度指标', level2: '服务对象满意度指标' };

// A hand-made monthly series: January first, null where the month has no report.
const series = (...values: (number | null)[]): SeriesPoint[] =>
  values.map((value, index) => ({ month: index + 1, value }));

const JUNE: ProjectionOptions = { year: 2025, month: 6 };

function projected(points: SeriesPoint[], target: Target, options: Partial<ProjectionOptions> = {}) {
  const result = projectYearEnd(points, target, { ...JUNE, ...options });
  if (result.projection === null) throw new Error(`expected a projection, got: ${result.reason}`);
  return result.projection;
}

const summary = ({ value, low, high, method, light, likelihood }: YearEndProjection) => ({
  value,
  low,
  high,
  method,
  light,
  likelihood,
});

describe(projectYearEnd.name, () => {
  const people120 = parseTarget('≥120人', QUANTITY);

  it('should project a steady count at its pace when the trend agrees', () => {
    const projection = projected(series(10, 20, 30, 40, 50, 60), people120);
    expect(summary(projection)).toEqual({
      value: 120,
      low: 120,
      high: 120,
      method: 'pace',
      light: 'green',
      likelihood: '确定能',
    });
    expect(projection.explanation).toBe(
      '按1–6月平均进度 10/月 推算：60 + 10 × 6 = 120，年末约 120（区间 120–120）；' +
        '目标 ≥120人，预计绿灯（年末判定：进度值 = 120 ÷ (120 × 12/12) × 100 = 100.0；80 ≤ 100.0 < 120 → 绿灯）；' +
        '近期趋势与全年平均进度的推算相差不超过目标的 10%，采用全年平均进度；其他方法：近期趋势 120',
    );
  });

  it('should pace a late start from its first active month when the idle months would dilute it', () => {
    const projection = projected(series(0, 0, 0, 10, 20, 30), people120);
    expect(summary(projection)).toMatchObject({ value: 90, method: 'pace', light: 'yellow' });
    expect(projection.explanation).toContain('按4–6月平均进度 10/月 推算：30 + 10 × 6 = 90');
  });

  it("should follow last year's monthly profile when one exists, since the season makes a slow start normal", () => {
    const lastYear = [5, 10, 15, 20, 25, 30, 45, 60, 75, 90, 105, 120];
    const projection = projected(series(5, 10, 15, 20, 25, 30), people120, { lastYear });
    expect(summary(projection)).toEqual({
      value: 120,
      low: 60,
      high: 120,
      method: 'profile',
      light: 'green',
      likelihood: '有可能',
    });
    expect(projection.explanation).toContain(
      '按上年同期进度（上年1–6月完成全年的 25%）推算：30 ÷ 25% = 120，年末约 120（区间 60–120）',
    );
    expect(projection.explanation).toContain('有上年逐月数据，按上年同期进度推算，可反映季节性');
  });

  it('should ignore a profile whose month or year end is missing or zero', () => {
    const gaps = [null, 0].map(
      (june) =>
        projected(series(5, 10, 15, 20, 25, 30), people120, {
          lastYear: [1, 1, 1, 1, 1, june, 1, 1, 1, 1, 1, 1],
        }).method,
    );
    expect(gaps).toEqual(['pace', 'pace']);
    expect(projected(series(5, 10), people120, { month: 2, lastYear: [5, 10] }).method).toBe('pace');
  });

  it('should take the recent trend when a flat series departs from the pace, and say it is red', () => {
    const projection = projected(series(50, 50, 50, 50, 50, 50), parseTarget('≥100人', QUANTITY));
    expect(summary(projection)).toEqual({
      value: 50,
      low: 50,
      high: 100,
      method: 'trend',
      light: 'red',
      likelihood: '有可能',
    });
    expect(projection.explanation).toContain('按近3月（4–6月）平均增量 0/月 推算：50 + 0 × 6 = 50');
    expect(projection.explanation).toContain(
      '近3月趋势与全年平均进度的推算相差超过目标的 10%，进度已变化，采用近期趋势',
    );
  });

  it('should flag a count whose pace is fine today but whose trend is falling', () => {
    const target = parseTarget('≥200人', QUANTITY);
    const points = series(35, 70, 95, 105, 108, 110);
    const today = indicatorStatus(target, { actual: { value: 110, unit: '人', raw: '110' } }, JUNE);
    const projection = projected(points, target);
    expect(today.light).toBe('green');
    expect(summary(projection)).toEqual({
      value: 140,
      low: 140,
      high: 220,
      method: 'trend',
      light: 'yellow',
      likelihood: '有可能',
    });
    expect(isProjectedMiss(projection)).toBe(true);
  });

  it('should project an overshooting count blue, never a miss', () => {
    const projection = projected(series(30, 60, 90, 120, 150, 180), parseTarget('≥100人', QUANTITY));
    expect(summary(projection)).toMatchObject({ value: 360, light: 'blue', likelihood: '确定能' });
    expect(isProjectedMiss(projection)).toBe(false);
  });

  it('should hold the rate when the year-to-date total went down, rather than project a fall', () => {
    const projection = projected(series(30, 60, 90, 80, 70, 60), people120);
    expect(projection.explanation).toContain('平均增量 0/月');
    expect(summary(projection)).toMatchObject({
      value: 60,
      method: 'trend',
      light: 'red',
      likelihood: '有可能',
    });
  });

  it('should project nothing done as zero', () => {
    expect(summary(projected(series(0, 0, 0), people120, { month: 3 }))).toMatchObject({
      value: 0,
      method: 'pace',
      light: 'red',
      likelihood: '完全不可能',
    });
  });

  it('should take the pace when the series is too short or broken for a trend', () => {
    const one = projected(series(10), people120, { month: 1 });
    expect(one.explanation).toContain('连续填报不足 3 个月，无法判断趋势，采用全年平均进度');
    expect(one.explanation).not.toContain('其他方法');
    expect(projected(series(10, 20, null, 40, 50, 60), people120).method).toBe('pace');
  });

  it('should read only the months up to the one asked for', () => {
    const points = [...series(10, 20, 30), { month: 9, value: 999 }, { month: 0, value: 999 }];
    expect(projected(points, people120, { month: 3 }).value).toBe(120);
  });

  it('should widen the range with the lead’s own 全年预计', () => {
    const projection = projected(series(10, 20, 30, 40, 50, 60), people120, { forecast: 100 });
    expect(summary(projection)).toMatchObject({ value: 120, low: 100, high: 120, method: 'pace' });
    expect(projection.explanation).toContain('其他方法：近期趋势 120，填报人全年预计 100');
  });

  it('should use the lead’s 全年预计 when the series has no number yet, and nothing when neither exists', () => {
    expect(summary(projected(series(null, null), people120, { forecast: 130 }))).toMatchObject({
      value: 130,
      method: 'forecast',
      light: 'green',
    });
    expect(projectYearEnd(series(null), people120, { ...JUNE, forecast: null })).toEqual({
      projection: null,
      reason: '尚无数值填报，无法推算年末值',
    });
  });

  it('should apply the indicator’s own thresholds to the year-end light', () => {
    const points = series(10, 20, 30, 40, 50, 60);
    expect(projected(points, parseTarget('≥150人', QUANTITY)).light).toBe('green');
    expect(projected(points, parseTarget('≥150人', QUANTITY), { thresholds: { greenFrom: 90 } }).light).toBe(
      'yellow',
    );
  });

  describe('反向 and levels', () => {
    const hours = parseTarget('≤48小时', TIMELINESS);

    it('should project a rising 反向 level on its trend and find it over the ceiling', () => {
      const projection = projected(series(40, 42, 44, 46, 47, 48), hours);
      expect(summary(projection)).toEqual({
        value: 56,
        low: 48,
        high: 56,
        method: 'trend',
        light: 'red',
        likelihood: '有可能',
      });
      expect(projection.explanation).toContain('按近3月（4–6月）平均变化 1.33/月 推算：48 + (1.33) × 6 = 56');
    });

    it('should hold a steady level at its latest value, a percentage never beyond 100', () => {
      const rate = parseTarget('≥90%', SATISFACTION);
      const projection = projected(series(92, 94, 96, 98), rate, { month: 4 });
      expect(summary(projection)).toMatchObject({ value: 98, high: 100, method: 'pace', light: 'green' });
      expect(projection.explanation).toContain('按4月最新水平 98 保持至年末');
      expect(projected(series(95, 96), rate, { month: 2 }).explanation).not.toContain('其他方法');
    });

    it("should move a level as last year's did from the month to December", () => {
      const rate = parseTarget('≥90%', SATISFACTION);
      const lastYear = [80, 80, 80, 80, 80, 80, 82, 84, 86, 88, 90, 90];
      const projection = projected(series(84, 84, 84, 84, 84, 84), rate, { lastYear });
      expect(summary(projection)).toMatchObject({ value: 94.5, method: 'profile', light: 'green' });
      expect(projection.explanation).toContain('按上年6月至年末的变化（80 → 90）推算：84 × 90 ÷ 80 = 94.5');
      const zero = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 90];
      expect(projected(series(84, 84, 84, 84, 84, 84), rate, { lastYear: zero }).method).toBe('pace');
    });

    it('should project a range target against its lower end', () => {
      const range = parseTarget('1-2次', QUANTITY);
      expect(projected(series(1, 1, 1, 1, 1, 1), range).value).toBeGreaterThan(0);
    });
  });

  describe('indicators without a numeric projection say why', () => {
    it.each<[string, Target, string]>([
      ['定性', parseTarget('有所提升', SATISFACTION), '定性指标按达成情况评定，不作数值预测'],
      ['a deadline', parseTarget('2025年底完成', TIMELINESS), '时限指标按完成日期判定，不作数值预测'],
      ['several parts', parseTarget('≥1 场、≥90人', QUANTITY), '多项要求的指标逐项判定，不作数值预测'],
      [
        '稳步增长 without a base',
        parseTarget('稳步增长', QUANTITY),
        '缺少可比较的基准值（如上年值），不作数值预测',
      ],
      ['an unreadable target', parseTarget('见附件', QUANTITY), '指标值无法识别，不作数值预测'],
    ])('should give %s no projection', (_, target, reason) => {
      expect(projectYearEnd(series(1, 2, 3), target, JUNE)).toEqual({ projection: null, reason });
    });

    it('should give a missing target no projection', () => {
      expect(projectYearEnd(series(1), null, JUNE).projection).toBeNull();
    });
  });

  it('should refuse a month outside 1–12', () => {
    expect(() => projectYearEnd([], people120, { year: 2025, month: 13 })).toThrow(DomainError);
  });
});

describe(projectedYearEndLight.name, () => {
  const cases: [string, SeriesPoint[], Target | null, Partial<ProjectionOptions>][] = [
    ['a steady count', series(10, 20, 30, 40, 50, 60), parseTarget('≥120人', QUANTITY), {}],
    ['a count falling behind', series(10, 20, 30, 30, 30, 30), parseTarget('≥120人', QUANTITY), {}],
    ['a late start', series(0, 0, 0, 0, 10, 20), parseTarget('≥120人', QUANTITY), {}],
    [
      'own thresholds',
      series(10, 20, 30, 40, 50, 60),
      parseTarget('≥150人', QUANTITY),
      { thresholds: { greenFrom: 90 } },
    ],
    ['a 反向 level', series(40, 42, 44, 46, 47, 48), parseTarget('≤48小时', TIMELINESS), {}],
    ['a percentage', series(92, 94, 96, 98), parseTarget('≥90%', SATISFACTION), { month: 4 }],
    [
      'last year’s profile',
      series(84, 84, 84, 84, 84, 84),
      parseTarget('≥90%', SATISFACTION),
      { lastYear: [80, 80, 80, 80, 80, 80, 82, 84, 86, 88, 90, 90] },
    ],
    ['a range', series(1, 1, 1, 1, 1, 1), parseTarget('1-2次', QUANTITY), {}],
    ['the lead’s forecast only', series(null, null), parseTarget('≥120人', QUANTITY), { forecast: 60 }],
    ['nothing reported', series(null, null), parseTarget('≥120人', QUANTITY), {}],
    ['定性', series(1, 2, 3), parseTarget('有所提升', SATISFACTION), {}],
    ['no target', series(1), null, {}],
  ];

  it.each(cases)('should give %s the light of projectYearEnd’s projection', (_, points, target, options) => {
    const full = projectYearEnd(points, target, { ...JUNE, ...options }).projection;
    expect(projectedYearEndLight(points, target, { ...JUNE, ...options })).toBe(full?.light ?? null);
  });

  it('should see misses among the cases, so the agreement is not only on nulls and greens', () => {
    const lights = cases.map(([, points, target, options]) =>
      projectedYearEndLight(points, target, { ...JUNE, ...options }),
    );
    expect(lights).toEqual(expect.arrayContaining(['red', 'green', null]));
  });

  it('should refuse a month outside 1–12', () => {
    expect(() => projectedYearEndLight([], null, { year: 2025, month: 0 })).toThrow(DomainError);
  });
});

describe(projectBudgetYearEnd.name, () => {
  it('should project execution at its pace to a year-end execution rate with its budget light', () => {
    const projection = projectBudgetYearEnd(series(50, 100, 150, 200, 250, 300), 1000, JUNE);
    expect(projection).toMatchObject({ value: 600, rate: 60, method: 'pace', light: 'yellow' });
    expect(projection?.explanation).toContain('按1–6月平均进度 50/月 推算：300 + 50 × 6 = 600');
    expect(projection?.explanation).toContain(
      '当年预算 1000，预计黄灯（年末判定：预算执行进度值 = 600 ÷ (1000 × 12/12) × 100 = 60.0',
    );
  });

  it('should give no budget projection without a budget or an execution', () => {
    expect(projectBudgetYearEnd(series(50), 0, JUNE)).toBeNull();
    expect(projectBudgetYearEnd(series(null), 1000, JUNE)).toBeNull();
  });
});

describe(proposedForecast.name, () => {
  it('should write the proposal as a lead types it, with the target’s unit when it has one', () => {
    const projection = projected(series(10, 20, 30, 40, 50, 60), parseTarget('≥120人', QUANTITY));
    expect(proposedForecast(projection, parseTarget('≥120人', QUANTITY))).toBe('120人');
    expect(proposedForecast(projection, { ...parseTarget('≥120人', QUANTITY), unit: undefined })).toBe('120');
  });
});

describe(isProjectedMiss.name, () => {
  it.each([
    [null, false],
    [{ light: 'red' as const }, true],
    [{ light: 'yellow' as const }, true],
    [{ light: 'green' as const }, false],
  ])('should say %j is a projected miss: %s', (projection, miss) => {
    expect(isProjectedMiss(projection)).toBe(miss);
  });
});
