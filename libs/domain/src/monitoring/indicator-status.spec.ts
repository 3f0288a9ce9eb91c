import { parseActual } from '../actual/actual-parser';
import type { Likelihood } from '../actual/actual.types';
import { DomainError, UnitMismatchError } from '../errors/domain.error';
import { parseTarget } from '../target/target-parser';
import type { Target, TargetContext } from '../target/target.types';
import { indicatorStatus, isReadable, restateReport } from './indicator-status';
import type { Light, Thresholds } from './light.types';

const QUANTITY: TargetContext = { level1: '产出指标', level2: '数量指标' };

// A monthly report; the actual and the forecast are written as a project lead types them.
function report(month: number, actual?: string, forecast?: string, likelihood?: Likelihood) {
  return {
    month,
    reading: {
      actual: actual === undefined ? undefined : parseActual(actual),
      forecast: forecast === undefined ? undefined : parseActual(forecast),
      likelihood,
    },
  };
}

// Light and reason only, for the rules themselves; explanations are checked below.
function lightFor(target: Target, input: ReturnType<typeof report>, thresholds?: Partial<Thresholds>) {
  const { light, reason } = indicatorStatus(
    target,
    input.reading,
    { year: 2025, month: input.month },
    { thresholds },
  );
  return { light, reason };
}

describe(indicatorStatus.name, () => {
  describe('正向 cumulative: v = actual ÷ (target × m/12) × 100', () => {
    const target = parseTarget('1.2 万人/年', QUANTITY);

    it.each<[string, number, Light, string]>([
      ['3000', 6, 'red', '进度值 50.0 低于 60（红灯）'],
      ['3599', 6, 'red', '进度值 59.9 低于 60（红灯）'],
      ['3600', 6, 'yellow', '进度值 60.0 介于 60 与 80 之间（黄灯）'],
      ['4799', 6, 'yellow', '进度值 79.9 介于 60 与 80 之间（黄灯）'],
      ['4800', 6, 'green', '进度值 80.0 达到 80（绿灯）'],
      ['7199', 6, 'green', '进度值 119.9 达到 80（绿灯）'],
      ['7200', 6, 'blue', '进度值 120.0 达到 120，超进度（蓝灯）'],
      ['1.1万人', 12, 'green', '进度值 91.6 达到 80（绿灯）'],
      ['1000', 1, 'green', '进度值 100.0 达到 80（绿灯）'],
    ])('should show %s persons in month %d as %s', (actual, month, light, reason) => {
      expect(lightFor(target, report(month, actual))).toEqual({ light, reason });
    });

    it('should use thresholds from settings when an indicator overrides them', () => {
      expect(lightFor(target, report(6, '4800'), { greenFrom: 90 }).light).toBe('yellow');
    });
  });

  describe('level indicators compare the latest value with the target itself', () => {
    it.each<[string, string, Light]>([
      ['≥90%', '95%', 'green'],
      ['≥90%', '90%', 'green'],
      ['≥90%', '72%', 'green'],
      ['≥90%', '71.9%', 'yellow'],
      ['≥90%', '54%', 'yellow'],
      ['≥90%', '53.9%', 'red'],
      ['≥50%', '90%', 'green'],
    ])('should show target %s with actual %s as %s regardless of the month', (target, actual, light) => {
      expect(lightFor(parseTarget(target), report(3, actual)).light).toBe(light);
    });

    it('should call the value a completion ratio when the target is a level', () => {
      expect(lightFor(parseTarget('≥90%'), report(3, '45%')).reason).toBe('完成比 50.0 低于 60（红灯）');
    });
  });

  describe('反向 and standards', () => {
    it.each<[string, TargetContext, string, Light, string]>([
      ['≤48 小时', {}, '48小时', 'green', '完成值 48小时 未超过上限 48小时（绿灯）'],
      ['≤48 小时', {}, '3天', 'red', '完成值 72小时 超过上限 48小时（红灯）'],
      ['<5%', {}, '5%', 'red', '完成值 5% 超过上限 5%（红灯）'],
      ['<5%', {}, '4%', 'green', '完成值 4% 未超过上限 5%（绿灯）'],
      [
        '758.22 万元',
        { level1: '成本指标' },
        '700万元',
        'green',
        '完成值 7000000元 未超过上限 7582200元（绿灯）',
      ],
      ['1040 元/月', {}, '1040元/月', 'green', '完成值 1040元/月 符合标准 1040元/月（绿灯）'],
      ['1040 元/月', {}, '1000', 'red', '完成值 1000元/月 不符合标准 1040元/月（红灯）'],
      ['0', {}, '0', 'green', '未发生，零容忍指标（绿灯）'],
      ['0', {}, '1', 'red', '已发生 1，零容忍指标（红灯）'],
    ])('should show %s (%j) with actual %s as %s', (target, context, actual, light, reason) => {
      expect(lightFor(parseTarget(target, context), report(6, actual))).toEqual({ light, reason });
    });
  });

  describe('ranges', () => {
    const target = parseTarget('1-2 次', QUANTITY);

    it.each<[string, number, Light]>([
      ['1次', 6, 'green'],
      ['2次', 6, 'green'],
      ['3次', 6, 'red'],
      ['0次', 6, 'red'],
      ['0.5次', 12, 'red'],
      ['0.5次', 3, 'green'],
    ])('should show %s in month %d as %s', (actual, month, light) => {
      expect(lightFor(target, report(month, actual)).light).toBe(light);
    });

    it('should compare a level range with its lower end when below it', () => {
      expect(lightFor(parseTarget('90%-95%'), report(6, '81%'))).toEqual({
        light: 'green',
        reason: '完成比 90.0 达到 80（绿灯）',
      });
    });
  });

  describe('deadlines', () => {
    const target = parseTarget('2025年底完成');

    it.each<[string, number, Light, string]>([
      ['2025-11-30', 11, 'green', '已于 2025-11-30 完成，截止 2025-12-31（绿灯）'],
      ['2026-01-10', 12, 'red', '于 2026-01-10 完成，晚于截止 2025-12-31（红灯）'],
      ['进行中', 6, 'green', '尚未完成，截止 2025-12-31（绿灯）'],
      ['已完成', 6, 'green', '自评为“达成”（绿灯）'],
    ])('should show %s in month %d as %s', (actual, month, light, reason) => {
      expect(lightFor(target, report(month, actual))).toEqual({ light, reason });
    });

    it('should turn red when the deadline month has passed without completion', () => {
      expect(lightFor(parseTarget('2025年6月底前完成'), report(7, '进行中'))).toEqual({
        light: 'red',
        reason: '已过截止 2025-06-30 仍未完成（红灯）',
      });
    });

    it('should ask for a judgement when the deadline has no year', () => {
      expect(lightFor(parseTarget('年底前完成'), report(6, '2025-06-01')).light).toBe('yellow');
    });
  });

  describe('定性', () => {
    it.each<[string, Light]>([
      ['达成', 'green'],
      ['部分达成', 'yellow'],
      ['未达成', 'red'],
    ])('should show %s as %s', (judgement, light) => {
      expect(lightFor(parseTarget('及时'), report(6, judgement))).toEqual({
        light,
        reason: expect.stringContaining(judgement),
      });
    });

    it.each(['及时'])('should ask for a judgement when %s has a number instead', (target) => {
      expect(lightFor(parseTarget(target), report(6, '95%'))).toEqual({
        light: 'yellow',
        reason: '定性或缺少基准的指标需填写达成情况（达成 / 部分达成 / 未达成）',
      });
    });
  });

  describe('relative targets', () => {
    const target = parseTarget('稳步增长', { ...QUANTITY, previous: '2.5 万人' });

    it.each<[string, Light, string]>([
      ['2.6万人', 'green', '完成比 104.0 达到 80（绿灯）'],
      ['2.4万人', 'yellow', '完成值 24000人 未达到上年值 25000人 的要求（黄灯）'],
      ['2.5万人', 'yellow', '完成值 25000人 未达到上年值 25000人 的要求（黄灯）'],
      ['1万人', 'red', '完成值 10000人 未达到上年值 25000人 的要求（红灯）'],
    ])('should show %s against last year as %s', (actual, light, reason) => {
      expect(lightFor(target, report(12, actual))).toEqual({ light, reason });
    });

    it('should accept an equal value when the target is 不低于上年', () => {
      expect(lightFor(parseTarget('不低于上年', { previous: '80人' }), report(12, '80人')).light).toBe(
        'green',
      );
    });

    it.each<[string, Light]>([
      ['2.6万人', 'yellow'],
      ['达成', 'green'],
    ])(
      'should rely on the judgement when there is no previous value and the report is %s',
      (actual, light) => {
        expect(lightFor(parseTarget('稳步增长'), report(12, actual)).light).toBe(light);
      },
    );
  });

  describe('several requirements', () => {
    const target = parseTarget('≥1 场、≥90人', QUANTITY);

    it.each<[string, Light]>([
      ['1场、90人', 'green'],
      ['1场、30人', 'red'],
      ['部分达成', 'yellow'],
    ])('should show %s as the worst part', (actual, light) => {
      expect(lightFor(target, report(12, actual)).light).toBe(light);
    });

    it('should give the reason of every part when parts are evaluated', () => {
      expect(lightFor(target, report(12, '1场、30人')).reason).toBe(
        '进度值 100.0 达到 80（绿灯）；进度值 33.3 低于 60（红灯）',
      );
    });

    it.each<[string, string | undefined, string]>([
      ['1', undefined, 'actual'],
      ['1场、90人', '2', 'forecast'],
      ['1场、90小时', undefined, 'actual'],
    ])(
      'should refuse %s (forecast %s) on the field that does not fit the parts',
      (actual, forecast, field) => {
        expect(() => lightFor(target, report(12, actual, forecast))).toThrow(
          expect.objectContaining({ field, name: expect.stringMatching(/Error$/) }),
        );
      },
    );
  });

  describe('reports, forecasts and likelihood', () => {
    const target = parseTarget('1.2 万人/年', QUANTITY);

    it('should be grey when the period was not reported', () => {
      expect(indicatorStatus(target, null, { year: 2025, month: 6 })).toEqual({
        light: 'grey',
        reason: '本期未填报（已逾期）',
        progress: null,
        expected: 6000,
        explanation: '2025-06 无填报 → 灰灯（未填报）',
      });
    });

    it('should be red when the lead reports 完全不可能 even with good progress', () => {
      expect(lightFor(target, report(6, '7000', undefined, '完全不可能'))).toEqual({
        light: 'red',
        reason: '填报人判断完全不可能完成目标',
      });
    });

    it.each<[string, string, Light]>([
      ['6000', '1.1万人', 'yellow'],
      ['7200', '1.1万人', 'yellow'],
      ['6000', '1.3万人', 'green'],
      ['3000', '1.1万人', 'red'],
      ['6000', '预计完成', 'green'],
    ])('should apply the forecast rule to actual %s with forecast %s', (actual, forecast, light) => {
      expect(lightFor(target, report(6, actual, forecast, '有可能')).light).toBe(light);
    });

    it('should append the forecast to the reason when the forecast lowers the light', () => {
      expect(lightFor(target, report(6, '6000', '1.1万人')).reason).toBe(
        '进度值 100.0 达到 80（绿灯）；全年预计值达不到目标（至少黄灯）',
      );
    });

    it('should be yellow when a report has no value to compare', () => {
      expect(lightFor(target, report(6))).toEqual({ light: 'yellow', reason: '已填报但没有可比较的完成值' });
      expect(lightFor(target, report(6, '进行中')).light).toBe('yellow');
    });

    it('should throw when the actual is in a unit that cannot convert', () => {
      expect(() => lightFor(target, report(6, '3000人次'))).toThrow(UnitMismatchError);
    });

    it.each([0, 13, 6.5])('should throw when the month is %d', (month) => {
      expect(() => lightFor(target, report(month, '3000'))).toThrow('月份必须是 1 到 12 的整数');
    });

    it('should throw when thresholds skip a light', () => {
      expect(() => lightFor(target, report(6, '3000'), { yellowFrom: 90 })).toThrow(DomainError);
    });
  });
});

describe('indicatorStatus explanations: the formula with the figures filled in', () => {
  const at = (month: number) => ({ year: 2025, month });
  const explain = (
    target: string,
    actual: string,
    month = 6,
    context: TargetContext = QUANTITY,
    forecast?: string,
  ) => indicatorStatus(parseTarget(target, context), report(month, actual, forecast).reading, at(month));

  it.each<[string, string, string, TargetContext, string, Light, number | null, number | null]>([
    // 定量 cumulative
    [
      'cumulative green',
      '500人',
      '220人',
      QUANTITY,
      '进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；80 ≤ 88.0 < 120 → 绿灯',
      'green',
      88,
      250,
    ],
    [
      'cumulative red',
      '500人',
      '100人',
      QUANTITY,
      '进度值 = 100 ÷ (500 × 6/12) × 100 = 40.0；40.0 < 60 → 红灯',
      'red',
      40,
      250,
    ],
    [
      'cumulative yellow',
      '500人',
      '175人',
      QUANTITY,
      '进度值 = 175 ÷ (500 × 6/12) × 100 = 70.0；60 ≤ 70.0 < 80 → 黄灯',
      'yellow',
      70,
      250,
    ],
    [
      'cumulative blue',
      '500人',
      '400人',
      QUANTITY,
      '进度值 = 400 ÷ (500 × 6/12) × 100 = 160.0；160.0 ≥ 120 → 蓝灯',
      'blue',
      160,
      250,
    ],
    // level (rates)
    ['level', '≥90%', '81%', {}, '完成比 = 81 ÷ 90 × 100 = 90.0；90.0 ≥ 80 → 绿灯', 'green', 90, 90],
    // 反向
    ['反向 within', '≤48 小时', '30小时', {}, '完成值 30小时 ≤ 上限 48小时 → 绿灯', 'green', null, 48],
    ['反向 over', '≤48 小时', '50小时', {}, '完成值 50小时 > 上限 48小时 → 红灯', 'red', null, 48],
    ['反向 strict within', '<5%', '4%', {}, '完成值 4% < 上限 5% → 绿灯', 'green', null, 5],
    ['反向 strict over', '<5%', '5%', {}, '完成值 5% ≥ 上限 5% → 红灯', 'red', null, 5],
    // standards
    [
      'standard met',
      '1040 元/月',
      '1040',
      {},
      '完成值 1040元/月 = 标准 1040元/月 → 绿灯',
      'green',
      null,
      1040,
    ],
    [
      'standard missed',
      '1040 元/月',
      '1000',
      {},
      '完成值 1000元/月 ≠ 标准 1040元/月 → 红灯',
      'red',
      null,
      1040,
    ],
    // zero tolerance
    ['zero kept', '0', '0', {}, '发生数 0 = 0（零容忍） → 绿灯', 'green', null, 0],
    ['zero broken', '0', '2', {}, '发生数 2 > 0（零容忍） → 红灯', 'red', null, 0],
    // ranges
    ['range inside', '1-2 次', '1.5次', QUANTITY, '1次 ≤ 1.5次 ≤ 2次 → 绿灯', 'green', null, 0.5],
    ['range above', '1-2 次', '3次', QUANTITY, '完成值 3次 > 上限 2次 → 红灯', 'red', null, 0.5],
    [
      'range below',
      '1-2 次',
      '0.2次',
      QUANTITY,
      '进度值 = 0.2 ÷ (1 × 6/12) × 100 = 40.0；40.0 < 60 → 红灯',
      'red',
      40,
      0.5,
    ],
    // deadlines
    [
      'deadline done',
      '2025年底完成',
      '2025-11-30',
      {},
      '完成日期 2025-11-30 ≤ 截止 2025-12-31 → 绿灯',
      'green',
      null,
      null,
    ],
    [
      'deadline late',
      '2025年6月底前完成',
      '2025-07-02',
      {},
      '完成日期 2025-07-02 > 截止 2025-06-30 → 红灯',
      'red',
      null,
      null,
    ],
    [
      'deadline pending',
      '2025年底完成',
      '进行中',
      {},
      '第 6 月未过截止 2025-12-31，尚未完成 → 绿灯',
      'green',
      null,
      null,
    ],
    // 定性
    ['定性 judged', '及时', '部分达成', {}, '达成情况 = 部分达成 → 黄灯', 'yellow', null, null],
    [
      '定性 unjudged',
      '及时',
      '95%',
      {},
      '未评定达成情况（达成 / 部分达成 / 未达成） → 黄灯',
      'yellow',
      null,
      null,
    ],
    // multi-part
    [
      'multi-part',
      '≥1 场、≥90人',
      '1场、30人',
      QUANTITY,
      '第 1 项：进度值 = 1 ÷ (1 × 6/12) × 100 = 200.0；200.0 ≥ 120 → 蓝灯；第 2 项：进度值 = 30 ÷ (90 × 6/12) × 100 = 66.6；60 ≤ 66.6 < 80 → 黄灯；取各项最差 → 黄灯',
      'yellow',
      null,
      null,
    ],
    ['no value', '500人', '进行中', QUANTITY, '无可比较的完成值 → 黄灯', 'yellow', null, 250],
  ])(
    'should explain %s (%s, actual %s)',
    (_kind, target, actual, context, explanation, light, progress, expected) => {
      expect(explain(target, actual, 6, context)).toMatchObject({ light, explanation, progress, expected });
    },
  );

  it('should explain a deadline passed without completion', () => {
    expect(explain('2025年6月底前完成', '进行中', 7, {}).explanation).toBe(
      '第 7 月已过截止 2025-06-30，未完成 → 红灯',
    );
  });

  it('should explain a relative target against last year, met and missed', () => {
    const target = parseTarget('稳步增长', { ...QUANTITY, previous: '2.5 万人' });
    expect(indicatorStatus(target, report(12, '2.6万人').reading, at(12)).explanation).toBe(
      '完成比 = 26000 ÷ 25000 × 100 = 104.0；完成值 26000人 > 上年值 25000人 → 绿灯',
    );
    expect(indicatorStatus(target, report(12, '2.4万人').reading, at(12)).explanation).toBe(
      '完成比 = 24000 ÷ 25000 × 100 = 96.0；未达到上年值 25000人，96.0 ≥ 60 → 黄灯',
    );
    const atLeast = parseTarget('不低于上年', { previous: '80人' });
    expect(indicatorStatus(atLeast, report(12, '80人').reading, at(12)).explanation).toBe(
      '完成比 = 80 ÷ 80 × 100 = 100.0；完成值 80人 ≥ 上年值 80人 → 绿灯',
    );
  });

  it('should explain the forecast and the likelihood rules', () => {
    expect(explain('500人', '220人', 6, QUANTITY, '400人').explanation).toBe(
      '进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；80 ≤ 88.0 < 120 → 绿灯；全年预计 400人 达不到目标 → 降为黄灯',
    );
    const impossible = report(6, '400人', undefined, '完全不可能').reading;
    expect(indicatorStatus(parseTarget('500人', QUANTITY), impossible, at(6)).explanation).toBe(
      '完成目标可能性 = 完全不可能 → 红灯',
    );
    expect(indicatorStatus(parseTarget('500人', QUANTITY), {}, at(6)).explanation).toBe(
      '无可比较的完成值 → 黄灯',
    );
  });

  it('should explain the thresholds the indicator sets for itself', () => {
    const status = indicatorStatus(parseTarget('500人', QUANTITY), report(6, '220人').reading, at(6), {
      thresholds: { greenFrom: 90, blueFrom: 130 },
    });
    expect(status).toMatchObject({
      light: 'yellow',
      explanation: '进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；60 ≤ 88.0 < 90 → 黄灯',
    });
  });

  it('should be deterministic: the same report explains itself the same way', () => {
    expect(explain('500人', '220人')).toEqual(explain('500人', '220人'));
  });
});

describe('无法判定: a report against a target that cannot be read', () => {
  const reading = { actual: parseActual('95%') };

  it.each<[string, Target | null]>([
    ['unparsed', parseTarget('给予生活困难补助，加强社会稳定')],
    ['missing', null],
  ])('should call a report against a %s target undetermined, not grey', (_kind, target) => {
    const status = indicatorStatus(target, reading, { year: 2025, month: 6 });
    expect(status).toMatchObject({ light: 'undetermined', progress: null, expected: null });
    expect(status.explanation).toContain('无法判定');
    expect(status.reason).toContain('无法判定');
  });

  it('should name the raw text it could not read', () => {
    // The one target of the seed document nobody can read: words cut by page breaks, no figure, no judgement word.
    const target = parseTarget('给予生 活困难 补助， 加强社 会稳定。');
    expect(target.confidence).toBe('unparsed');
    expect(indicatorStatus(target, reading, { year: 2025, month: 6 }).explanation).toBe(
      '指标值“给予生 活困难 补助， 加强社 会稳定。”无法识别，无从比较 → 无法判定',
    );
  });

  it('should still be grey (未填报) when such an indicator was not reported', () => {
    expect(indicatorStatus(null, null, { year: 2025, month: 6 }).light).toBe('grey');
  });

  it('should tell a readable target from an unreadable one', () => {
    expect(isReadable(parseTarget('≥90%'))).toBe(true);
    expect(isReadable(parseTarget(''))).toBe(false);
    expect(isReadable(undefined)).toBe(false);
  });
});

describe('indicatorStatus without a report: the reporting calendar decides the reason', () => {
  const target = parseTarget('500人', QUANTITY);

  it.each([
    ['2025-07-11', 10, '本期未填报（已逾期）'],
    ['2025-07-05', 10, '本期尚未填报（2025-07-10 前填报）'],
    ['2025-07-05', 3, '本期未填报（已逾期）'],
  ])('should explain a missing report of 2025-06 on %s (due day %d) as %s', (today, dueDay, reason) => {
    expect(indicatorStatus(target, null, { year: 2025, month: 6, today }, { dueDay }).reason).toBe(reason);
  });
});

describe(restateReport.name, () => {
  const asOf = { year: 2025, month: 6 };
  const stored = (
    actualRaw: string,
    forecastRaw: string | null = null,
    likelihood: Likelihood | null = null,
  ) => ({
    actualRaw,
    forecastRaw,
    likelihood,
  });

  it('should read the stored text again against the corrected target', () => {
    const before = restateReport(parseTarget('500人', QUANTITY), stored('220人', '600人', '有可能'), asOf);
    const after = restateReport(parseTarget('1000人', QUANTITY), stored('220人', '600人', '有可能'), asOf);
    expect(before).toMatchObject({ light: 'green', progress: 88, forecast: { value: 600 } });
    expect(after).toMatchObject({
      light: 'red',
      progress: 44,
      expected: 500,
      actual: { value: 220 },
      explanation: '进度值 = 220 ÷ (1000 × 6/12) × 100 = 44.0；44.0 < 60 → 红灯',
    });
  });

  it('should call a report undetermined when its value no longer fits the target', () => {
    expect(restateReport(parseTarget('≥1 场、≥90人', QUANTITY), stored('95'), asOf)).toEqual({
      light: 'undetermined',
      reason:
        '完成值无法按当前指标值读取：该指标有 2 项要求，完成值需按项用“、”分隔填写，收到 1 项（无法判定）',
      progress: null,
      expected: null,
      explanation: '完成值“95”无法按指标值读取 → 无法判定',
    });
    expect(restateReport(parseTarget('500人', QUANTITY), stored('3场'), asOf)).toMatchObject({
      light: 'undetermined',
      expected: 250,
    });
  });

  it('should call a report against an unreadable target undetermined', () => {
    expect(restateReport(null, stored('95%'), asOf).light).toBe('undetermined');
  });

  it('should still refuse a bad month or bad thresholds, which are not the report fault', () => {
    expect(() => restateReport(null, stored('1'), { year: 2025, month: 13 })).toThrow(DomainError);
    expect(() => restateReport(null, stored('1'), asOf, { thresholds: { yellowFrom: 99 } })).toThrow(
      DomainError,
    );
  });

  it('should let an unexpected error through', () => {
    const target = parseTarget('500人', QUANTITY);
    const broken = { ...stored('1'), actualRaw: undefined as unknown as string };
    expect(() => restateReport(target, broken, asOf)).toThrow(TypeError);
  });
});
