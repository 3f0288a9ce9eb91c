import fc from 'fast-check';
import { parseActual } from '../actual/actual-parser';
import type { Actual } from '../actual/actual.types';
import { DomainErrorCode, UnitMismatchError } from '../errors/domain.error';
import { parseTarget } from '../target/target-parser';
import type { Target, TargetContext } from '../target/target.types';
import { explainScore, scoreIndicator } from './indicator-score';

const QUANTITY: TargetContext = { level1: '产出指标', level2: '数量指标' };
const COST: TargetContext = { level1: '成本指标', level2: '经济成本指标' };

const score = (target: string, actual: string, weight: number, context: TargetContext = {}) =>
  scoreIndicator(parseTarget(target, context), parseActual(actual), weight);

describe(scoreIndicator.name, () => {
  describe('正向: B ≥ A → W, else round(B/A × W, 2)', () => {
    it.each<[string, string, number, number]>([
      ['≥90%', '95%', 20, 20],
      ['≥90%', '90%', 20, 20],
      ['≥90%', '45%', 20, 10],
      ['1.2 万人/年', '1.1万人', 20, 18.33],
      ['1.2 万人/年', '11000', 20, 18.33],
      ['≥90%', '0%', 20, 0],
      ['≥90%', '-5%', 20, 0],
      ['当年满意度超过90%', '90%', 10, 10],
      ['稳步增长', '2.4万人', 10, 9.6],
    ])('should score target %s with actual %s and weight %d as %d', (target, actual, weight, expected) => {
      expect(score(target, actual, weight, { ...QUANTITY, previous: '2.5 万人' })).toEqual({
        score: expected,
      });
    });
  });

  describe('反向: B ≤ A → W; A < B < 2A → (1 − (B−A)/A) × W; B ≥ 2A → 0', () => {
    it.each<[string, string, number]>([
      ['≤48 小时', '24小时', 10],
      ['≤48 小时', '48小时', 10],
      ['≤48 小时', '60小时', 7.5],
      ['≤48 小时', '95.9小时', 0.02],
      ['≤48 小时', '96小时', 0],
      ['≤48 小时', '200小时', 0],
      ['≤48 小时', '3天', 5],
      ['758.22 万元', '758.22万元', 10],
      ['758.22 万元', '800万元', 9.45],
    ])('should score target %s with actual %s as %d', (target, actual, expected) => {
      expect(score(target, actual, 10, COST)).toEqual({ score: expected });
    });
  });

  describe('target 0: B ≤ 0 → W, else 0', () => {
    it.each<[string, string, number]>([
      ['0', '0', 10],
      ['0', '1', 0],
      ['0', '0.5', 0],
      ['≤0', '0', 10],
      ['杜绝', '2', 0],
    ])('should score target %s with actual %s as %d', (target, actual, expected) => {
      expect(score(target, actual, 10)).toEqual({ score: expected });
    });
  });

  describe('standards and ranges', () => {
    it.each<[string, string, number]>([
      ['1040 元/月', '1040', 10],
      ['1040 元/月', '520', 5],
      ['1040 元/月', '1300', 7.5],
      ['1-2 次', '1次', 10],
      ['1-2 次', '2次', 10],
      ['1-2 次', '1.5次', 10],
      ['1-2 次', '0.5次', 5],
      ['1-2 次', '3次', 5],
      ['1-2 次', '4次', 0],
    ])('should score target %s with actual %s as %d', (target, actual, expected) => {
      expect(score(target, actual, 10, QUANTITY)).toEqual({ score: expected });
    });
  });

  describe('deadlines', () => {
    it.each<[string, string, number]>([
      ['2025年底完成', '2025-11-30', 10],
      ['2025年底完成', '2025-12-31', 10],
      ['2025年底完成', '2026-01-01', 0],
    ])('should score target %s done on %s as %d', (target, actual, expected) => {
      expect(score(target, actual, 10)).toEqual({ score: expected });
    });

    it('should give a band when the completion is judged instead of dated', () => {
      expect(score('2025年底完成', '部分完成', 10)).toEqual({ band: [6, 8] });
    });
  });

  describe('定性 bands', () => {
    it.each<[string, number, [number, number]]>([
      ['达成', 10, [8, 10]],
      ['部分达成', 10, [6, 8]],
      ['未达成', 10, [0, 6]],
      ['达成', 7.5, [6, 7.5]],
      ['部分达成', 3.33, [2, 2.66]],
    ])('should give %s with weight %d the band %j', (judgement, weight, band) => {
      expect(score('及时', judgement, weight)).toEqual({ band });
    });

    it('should give a band when a numeric target is judged in words', () => {
      expect(score('≥90%', '达成', 10)).toEqual({ band: [8, 10] });
    });

    it('should throw when a qualitative target has no judgement', () => {
      expect(() => score('及时', '95%', 10)).toThrow(
        expect.objectContaining({
          code: DomainErrorCode.MissingJudgement,
          message: '该指标需评定达成情况（达成 / 部分达成 / 未达成）',
        }),
      );
    });

    it.each([
      ['≥90%', '进行中'],
      ['2025年底完成', '进行中'],
      ['稳步增长', '2.6万人'],
    ])('should refuse to score %s with %s when nothing can be compared', (target, actual) => {
      expect(() => score(target, actual, 10)).toThrow(
        expect.objectContaining({ code: DomainErrorCode.MissingActual }),
      );
    });
  });

  describe('several requirements', () => {
    const target = parseTarget('≥1 场、≥90人', QUANTITY);

    it.each<[string, number, { score: number } | { band: [number, number] }]>([
      ['1场、90人', 10, { score: 10 }],
      ['1场、45人', 10, { score: 7.5 }],
      ['0场、45人', 10, { score: 2.5 }],
      ['1场、90人', 10 / 3, { score: 3.33 }],
      ['达成', 10, { band: [8, 10] }],
    ])('should score %s with weight %d as %j', (actual, weight, expected) => {
      expect(scoreIndicator(target, parseActual(actual), weight)).toEqual(expected);
    });

    it('should throw when one part is reported in words', () => {
      expect(() => scoreIndicator(target, parseActual('1场、达成'), 10)).toThrow(
        expect.objectContaining({ code: DomainErrorCode.MissingActual }),
      );
    });
  });

  it('should throw when the actual unit cannot convert', () => {
    expect(() => score('1.2 万人/年', '1.1万人次', 10)).toThrow(UnitMismatchError);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('should throw when the weight is %d', (weight) => {
    expect(() => score('≥90%', '95%', weight)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.InvalidWeight }),
    );
  });

  describe('properties', () => {
    const targets: Target[] = [
      '≥90%',
      '≤48 小时',
      '0',
      '1040 元/月',
      '1-2 次',
      '1.2 万人/年',
      '≥1 场、≥90人',
    ].map((raw) => parseTarget(raw, QUANTITY));
    const actualFor = (target: Target, value: number): Actual =>
      target.parts
        ? parseActual(target.parts.map(() => String(value)).join('、'))
        : { raw: String(value), value };
    const weights = fc
      .double({ min: 0, max: 100, noNaN: true })
      .map((weight) => Math.round(weight * 100) / 100);

    it('should stay within [0, W] with two decimals when any value is reported', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...targets),
          fc.integer({ min: -1e8, max: 1e8 }).map((cents) => cents / 100),
          weights,
          (target, value, weight) => {
            const result = scoreIndicator(target, actualFor(target, value), weight);
            const points = 'score' in result ? result.score : Number.NaN;
            return (
              points >= 0 && points <= weight && Math.abs(points * 100 - Math.round(points * 100)) < 1e-6
            );
          },
        ),
      );
    });

    it('should never score a 反向 target higher when the actual grows', () => {
      const target = parseTarget('≤48 小时');
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 500, noNaN: true }),
          fc.double({ min: 0, max: 500, noNaN: true }),
          (a, b) => {
            const [low, high] = a <= b ? [a, b] : [b, a];
            const scoreOf = (value: number): number =>
              (scoreIndicator(target, { raw: '', value }, 10) as { score: number }).score;
            return scoreOf(high) <= scoreOf(low);
          },
        ),
      );
    });
  });
});

describe(explainScore.name, () => {
  const explain = (target: string, actual: string, weight: number, context: TargetContext = {}) =>
    explainScore(parseTarget(target, context), parseActual(actual), weight).explanation;

  it.each<[string, string, number, TargetContext, string]>([
    ['≥500人', '220人', 5.56, QUANTITY, '得分 = 5.56 × 220 ÷ 500 = 2.45'],
    ['≥90%', '95%', 20, QUANTITY, '实际 95% ≥ 指标值 90%，达到目标 → 得分 20'],
    ['≥90%', '-5%', 20, QUANTITY, '得分 = 20 × -5 ÷ 90 = 0（不低于 0）'],
    ['≤48 小时', '24小时', 10, COST, '实际 24小时 ≤ 指标值 48小时，达到目标 → 得分 10'],
    ['≤48 小时', '60小时', 10, COST, '得分 = 10 × (1 − (60 − 48) ÷ 48) = 7.5'],
    ['≤48 小时', '96小时', 10, COST, '实际 96小时 ≥ 2 × 指标值 48小时 → 得分 0'],
    ['0', '1', 10, {}, '指标值为 0，实际 1 > 0 → 得分 0'],
    ['0', '0', 10, {}, '指标值为 0，实际 0 ≤ 0 → 得分 10'],
    ['90%-95%', '93%', 10, {}, '实际 93% 在区间 90–95% 内 → 得分 10'],
    ['2025年12月底前', '2025-11-30', 10, {}, '完成日期 2025-11-30 不晚于截止日期 2025-12-31 → 得分 10'],
    ['2025年6月底前', '2025-11-30', 10, {}, '完成日期 2025-11-30 晚于截止日期 2025-06-30 → 得分 0'],
    [
      '≥2场、≥100人',
      '2场、80人',
      10,
      QUANTITY,
      '第 1 项：实际 2场 ≥ 指标值 2场，达到目标 → 1；第 2 项：80 ÷ 100 = 0.8；得分 = 10 × (1 + 0.8) ÷ 2 = 9',
    ],
    ['有所提升', '部分达成', 10, {}, '定性指标评定为“部分达成”，得分区间 [6, 8)'],
  ])('should explain target %s with actual %s (weight %d)', (target, actual, weight, context, expected) => {
    expect(explain(target, actual, weight, context)).toBe(expected);
  });
});
