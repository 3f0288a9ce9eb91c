import { parseTarget } from '../target/target-parser';
import type { Target } from '../target/target.types';
import { proposeTarget } from './target-proposal';

const read = (raw: string, level2 = '数量指标', name = '培训人数'): Target =>
  parseTarget(raw, { level2, name, year: 2025 });

describe(proposeTarget.name, () => {
  it.each([
    // 正向: met → just above the actual, at the written precision and in the written form.
    ['≥90%', '就业率', '质量指标', 95, '≥96%', 'raised-to-actual'],
    ['≥90%', '就业率', '质量指标', 95.3, '≥96%', 'raised-to-actual'],
    ['≥99.5%', '准确率', '质量指标', 99.7, '≥99.8%', 'raised-to-actual'],
    ['1.2 万人/年', '城镇新增就业人数', '数量指标', 13500, '1.4 万人/年', 'raised-to-actual'],
    [
      '当年满意度超过90%',
      '服务对象满意度',
      '服务对象满意度指标',
      92,
      '当年满意度超过93%',
      'raised-to-actual',
    ],
    ['》95%', '参保率', '质量指标', 97, '》98%', 'raised-to-actual'],
    [
      '确保全区90%以上的企业按时足额缴纳社保',
      '参保企业比例',
      '质量指标',
      93,
      '确保全区94%以上的企业按时足额缴纳社保',
      'raised-to-actual',
    ],
    // A rate cannot go above 100 %.
    ['≥95%', '发放率', '质量指标', 99.5, '≥100%', 'raised-to-actual'],
    ['100%', '发放率', '质量指标', 100, '100%', 'raised-to-actual'],
    // 正向 missed → the target is not lowered.
    ['≥12场', '举办招聘会场次', '数量指标', 10, '≥12场', 'kept-above-actual'],
    // 反向: under the ceiling → down to the actual; over it → not raised.
    ['≤48小时', '办结时限', '时效指标', 36.5, '≤36小时', 'lowered-to-actual'],
    ['≤48小时', '办结时限', '时效指标', 48, '≤48小时', 'lowered-to-actual'],
    ['≤30分钟', '等候时间', '时效指标', 40 * 60, '≤30分钟', 'kept-below-actual'],
    ['758.22 万元', '项目成本', '经济成本指标', 7000000.5, '700.00 万元', 'lowered-to-actual'],
  ])('should propose %s (%s, %s) with actual %d as %s (%s)', (raw, name, level2, actual, expected, basis) => {
    const level1 = level2 === '经济成本指标' ? '成本指标' : undefined;
    const target = parseTarget(raw, { level1, level2, name, year: 2025 });
    expect(proposeTarget({ target, actual, year: 2025 })).toEqual({
      target: expected,
      changed: expected !== raw,
      basis,
    });
  });

  it('should never propose below the actual for 正向 nor above it for 反向', () => {
    for (const actual of [0, 0.4, 1, 12.34, 95, 99.99, 100, 13456.7]) {
      const higher = proposeTarget({ target: read('≥1.5'), actual, year: 2025 });
      const lower = proposeTarget({ target: read('≤20000.5', '时效指标', '办结时限'), actual, year: 2025 });
      expect(parseTarget(higher.target).value).toBeGreaterThanOrEqual(actual);
      expect(parseTarget(lower.target).value).toBeLessThanOrEqual(actual);
    }
  });

  it('should move a deadline written with this year to the next one', () => {
    expect(
      proposeTarget({ target: read('2025年底完成', '时效指标', '完成时间'), actual: null, year: 2025 }),
    ).toEqual({
      target: '2026年底完成',
      changed: true,
      basis: 'deadline-next-year',
    });
    expect(
      proposeTarget({ target: read('年底前完成', '时效指标', '完成时间'), actual: null, year: 2025 }),
    ).toEqual({
      target: '年底前完成',
      changed: false,
      basis: 'kept-form',
    });
  });

  it.each([
    ['按标准发放', '发放标准', '质量指标'],
    ['1040 元/月', '补贴标准', '经济成本指标'],
    ['1-2 次', '检查次数', '数量指标'],
    ['0', '重大群体性事件', '社会效益指标'],
    ['≥1 场、≥90人', '培训', '数量指标'],
    ['稳步增长', '参保人数', '数量指标'],
    ['给予生活困难补助，加强社会稳定。', '困难补助', '社会效益指标'],
  ])('should keep %s (nothing to compare) as it is', (raw, name, level2) => {
    const target = parseTarget(raw, { level2, name, previous: '100人', year: 2025 });
    expect(proposeTarget({ target, actual: 5, year: 2025 })).toEqual({
      target: raw,
      changed: false,
      basis: 'kept-form',
    });
  });

  it('should keep the target when nothing numeric was reported', () => {
    for (const actual of [null, Number.NaN])
      expect(proposeTarget({ target: read('≥12场'), actual, year: 2025 })).toEqual({
        target: '≥12场',
        changed: false,
        basis: 'no-actual',
      });
  });

  it('should keep a text whose figure cannot be told apart', () => {
    // Two numbers write the same value: which one is the target is not known.
    const target: Target = { ...read('≥12场'), raw: '12场中≥12场' };
    expect(proposeTarget({ target, actual: 20, year: 2025 })).toEqual({
      target: '12场中≥12场',
      changed: false,
      basis: 'kept-form',
    });
  });
});
