import { parseTarget } from '../target/target-parser';
import { level1Of, readingOf, reviewIndicator } from './indicator-review';
import type { ReviewIndicator, ReviewRuleId } from './target-review.types';

const QUANTITY = { level1: '产出指标', level2: '数量指标' };
const QUALITY = { level1: '产出指标', level2: '质量指标' };
const TIMELINESS = { level1: '产出指标', level2: '时效指标' };
const COST = { level1: '成本指标', level2: '经济成本指标' };
const BENEFIT = { level1: '效益指标', level2: '社会效益指标' };
const SATISFACTION = { level1: '满意度指标', level2: '服务对象满意度指标' };

function indicator(overrides: Partial<ReviewIndicator>): ReviewIndicator {
  return { ...QUALITY, name: '政策知晓率', target: '≥90%', ...overrides };
}

const rulesOf = (input: ReviewIndicator, year?: number): ReviewRuleId[] =>
  reviewIndicator(input, { year }).map((finding) => finding.ruleId);

describe(reviewIndicator.name, () => {
  describe('vague-target', () => {
    it.each([
      // The seed: 信息化建设's long-term 社会效益 indicator.
      ['保障 (seed, 信息化建设)', { ...BENEFIT, name: '保障业务正常开展', target: '保障' }],
      ['有所提升 (seed, 党建)', { ...BENEFIT, name: '提高全局党员的政治素质和服务质量', target: '有所提升' }],
      ['明显改善', { ...BENEFIT, name: '就业环境', target: '明显改善' }],
      ['进一步加强', { ...BENEFIT, name: '监管能力', target: '进一步加强' }],
      ['逐步完善', { ...BENEFIT, name: '服务体系', target: '逐步完善' }],
      ['提高', { ...BENEFIT, name: '服务水平', target: '提高' }],
      [
        '稳步增长 without a numeric 上年',
        { ...BENEFIT, name: '参保人数', target: '稳步增长', prev1: '增长' },
      ],
    ])('should flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).toContain('vague-target');
    });

    it.each([
      ['a figure', { ...BENEFIT, name: '就业率', target: '提高到95%' }],
      ['a verifiable standard', { ...BENEFIT, name: '补贴发放', target: '按标准发放' }],
      [
        '稳步增长 against a numeric 上年',
        { ...BENEFIT, name: '参保人数', target: '稳步增长', prev1: '1.2万人' },
      ],
      ['zero tolerance in words', { ...BENEFIT, name: '安全事故', target: '无重大安全事故' }],
    ])('should not flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).not.toContain('vague-target');
    });
  });

  describe('qualitative-quantity', () => {
    it.each([
      [
        '及时 under 时效指标 (seed, 党建)',
        { ...TIMELINESS, name: '及时发放老干部支部支委工作补贴', target: '及时' },
      ],
      ['完成市级下达任务 under 数量指标', { ...QUANTITY, name: '补贴发放人数', target: '完成市级下达任务' }],
      ['按标准发放 under 成本指标', { ...COST, name: '补贴标准', target: '按标准发放' }],
    ])('should flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).toContain('qualitative-quantity');
    });

    it.each([
      ['及时 under 质量指标', { ...QUALITY, name: '发放质量', target: '及时' }],
      ['a deadline under 时效指标', { ...TIMELINESS, name: '完成时间', target: '2025年底完成' }],
      ['an unreadable sentence under 数量指标', { ...QUANTITY, name: '补助', target: '给予生活困难补助' }],
    ])('should not flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).not.toContain('qualitative-quantity');
    });
  });

  describe('missing-operator', () => {
    it.each([
      ['13 套 (seed, 信息化建设)', { ...QUANTITY, name: '维护设备及系统数量', target: '13 套' }, '不低于'],
      ['758.22 万元 under 成本', { ...COST, name: '项目成本', target: '758.22 万元' }, '不高于'],
      ['one part of several', { ...QUANTITY, name: '培训', target: '≥1 场、90人' }, '不低于'],
    ])('should flag %s and say how it was read', (_label, input, read) => {
      const finding = reviewIndicator(indicator(input)).find((f) => f.ruleId === 'missing-operator');
      expect(finding?.message).toContain(read);
    });

    it('should say 等于 when the reading is an equality', () => {
      const parsed = {
        ...parseTarget('1040元', COST),
        operator: '=' as const,
        confidence: 'inferred' as const,
      };
      const finding = reviewIndicator(indicator({ ...COST, name: '标准', target: '1040元', parsed })).find(
        (f) => f.ruleId === 'missing-operator',
      );
      expect(finding?.message).toContain('等于');
    });

    it.each([
      ['≥12 次', { ...QUANTITY, name: '活动次数', target: '≥12 次' }],
      [
        '90%以上 inside a sentence',
        { ...QUALITY, name: '缴费率', target: '确保全区90%以上的企业按时足额缴纳社保' },
      ],
      ['100% (a rate cannot exceed it)', { ...QUALITY, name: '覆盖率', target: '100%' }],
      ['1040 元/月 (a standard)', { ...COST, name: '补贴标准', target: '1040 元/月' }],
      ['0 (zero tolerance)', { ...BENEFIT, name: '重大群体性事件', target: '0' }],
      ['1-2 次 (a range)', { ...QUANTITY, name: '宣传', target: '1-2 次' }],
      ['当年满意度超过90%', { ...SATISFACTION, name: '满意度', target: '当年满意度超过90%' }],
    ])('should not flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).not.toContain('missing-operator');
    });
  });

  describe('missing-unit', () => {
    it.each([
      ['≥12 (seed, 党建 long-term)', { ...QUANTITY, name: '开展“三会一课”、主题党日活动', target: '≥12' }],
      ['a ratio without %', { ...QUALITY, name: '完成率', target: '≥95' }],
    ])('should flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).toContain('missing-unit');
    });

    it.each([
      ['≥12 次', { ...QUANTITY, name: '活动', target: '≥12 次' }],
      ['a unit column', { ...QUANTITY, name: '活动', target: '≥12', unit: '次' }],
      ['0', { ...BENEFIT, name: '事故', target: '0' }],
      ['≥95%', { ...QUALITY, name: '完成率', target: '≥95%' }],
    ])('should not flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).not.toContain('missing-unit');
    });
  });

  describe('rate-over-100', () => {
    it.each([
      ['a completion rate', { ...QUALITY, name: '完成率', target: '≥120%' }],
      ['satisfaction', { ...SATISFACTION, name: '群众满意度', target: '≥105%' }],
      ['a range', { ...QUALITY, name: '覆盖面', target: '90%-110%' }],
    ])('should flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).toContain('rate-over-100');
    });

    it.each([
      ['100%', { ...QUALITY, name: '覆盖率', target: '100%' }],
      ['growth of 120 % (not a rate)', { ...BENEFIT, name: '收入增长', target: '≥120%' }],
      ['a count over 100', { ...QUANTITY, name: '参保率', target: '≥120人' }],
    ])('should not flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).not.toContain('rate-over-100');
    });
  });

  describe('input-as-output', () => {
    it.each([
      ['资金到位率 as 产出', { ...QUALITY, name: '资金到位率', target: '100%' }],
      ['人员配备 as 产出', { ...QUANTITY, name: '人员配备数量', target: '≥5人' }],
      ['物资采购 as 效益', { ...BENEFIT, name: '物资采购完成', target: '100%' }],
    ])('should flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).toContain('input-as-output');
    });

    it.each([
      ['资金到位 as 成本', { ...COST, name: '资金到位', target: '≤10万元' }],
      ['a result', { ...QUANTITY, name: '培训人数', target: '≥100人' }],
    ])('should not flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).not.toContain('input-as-output');
    });
  });

  describe('satisfaction-misplaced', () => {
    it.each([
      ['满意度 under 效益', { ...BENEFIT, name: '群众满意度', target: '≥90%' }, '效益指标'],
      [
        'a non-satisfaction under 满意度',
        { ...SATISFACTION, name: '投诉率', target: '≤5%' },
        '不是服务对象满意度',
      ],
    ])('should flag %s', (_label, input, says) => {
      const finding = reviewIndicator(indicator(input)).find((f) => f.ruleId === 'satisfaction-misplaced');
      expect(finding?.message).toContain(says);
    });

    it.each([
      ['满意度 under 满意度', { ...SATISFACTION, name: '员工满意度', target: '≥90%' }],
      ['an unknown 一级', { level1: '其他', level2: '其他', name: '满意度', target: '≥90%' }],
    ])('should not flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).not.toContain('satisfaction-misplaced');
    });
  });

  describe('not-above-last-year', () => {
    it.each([
      [
        '13 套 against 14 套 (seed, 信息化建设)',
        { ...QUANTITY, name: '维护设备及系统数量', target: '≥13 套', prev1: '14 套' },
        '不高于上年 14套',
      ],
      ['equal to last year', { ...QUALITY, name: '知晓率', target: '≥90%', prev1: '90%' }, '不高于上年 90%'],
      [
        '1.2 万人 against 12000 人',
        { ...QUANTITY, name: '培训人数', target: '≥1.2万人', prev1: '12000人' },
        '12000人',
      ],
      [
        'no unit on either',
        { ...QUANTITY, name: '活动', target: '≥12', prev1: '12' },
        '目标 12 不高于上年 12',
      ],
    ])('should flag %s', (_label, input, says) => {
      const finding = reviewIndicator(indicator(input)).find((f) => f.ruleId === 'not-above-last-year');
      expect(finding?.message).toContain(says);
    });

    it.each([
      ['higher than last year', { ...QUANTITY, name: '人数', target: '≥15 人', prev1: '14 人' }],
      ['a rate at 100 %', { ...QUALITY, name: '覆盖率', target: '100%', prev1: '100%' }],
      ['a 反向 target', { ...TIMELINESS, name: '响应时间', target: '≤48 小时', prev1: '48 小时' }],
      ['no 上年', { ...QUANTITY, name: '人数', target: '≥15 人' }],
      ['上年 in words', { ...QUANTITY, name: '人数', target: '≥15 人', prev1: '完成' }],
      ['another unit', { ...QUANTITY, name: '人数', target: '≥15 人', prev1: '20 次' }],
      ['a relative target', { ...QUANTITY, name: '人数', target: '稳步增长', prev1: '20 人' }],
      ['a qualitative target', { ...BENEFIT, name: '成效', target: '及时', prev1: '20 人' }],
      [
        'an unreadable target with a figure',
        { ...QUANTITY, name: '人数', target: '约 12 人左右 3 批', prev1: '20 人' },
      ],
    ])('should not flag %s', (_label, input) => {
      expect(rulesOf(indicator(input))).not.toContain('not-above-last-year');
    });
  });

  describe('unreadable-target', () => {
    it('should flag project (9)’s 给予生活困难补助，加强社会稳定。 (seed) and keep it vague too', () => {
      const findings = reviewIndicator(
        indicator({
          ...BENEFIT,
          name: '给予生活困难补助，加强社会稳定。',
          target: '给予生 活困难 补助， 加强社 会稳定。',
        }),
      );
      expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
        ['vague-target', 'error'],
        ['unreadable-target', 'error'],
      ]);
      expect(findings[1].message).toContain('无法识别');
    });

    it('should flag an empty target', () => {
      expect(rulesOf(indicator({ target: '' }))).toEqual(['unreadable-target']);
    });
  });

  it('should find nothing in a well-written target', () => {
    expect(
      reviewIndicator(indicator({ ...QUANTITY, name: '培训人数', target: '≥3000 人/年', prev1: '2800 人' })),
    ).toEqual([]);
  });

  it('should give the rule’s severity, title and fix hint with a message naming the indicator', () => {
    const [finding] = reviewIndicator(indicator({ ...BENEFIT, name: '保障业务正常开展', target: '保障' }));
    expect(finding).toEqual({
      ruleId: 'vague-target',
      severity: 'error',
      title: '指标值不可衡量：用语模糊、没有数值',
      message: '「保障业务正常开展」：指标值「保障」没有数值或可核验的标准',
      fixHint: expect.stringContaining('写明数值'),
    });
  });

  it('should skip a rule the department-year switched off', () => {
    const input = indicator({ ...BENEFIT, name: '保障业务正常开展', target: '保障' });
    expect(reviewIndicator(input, { switches: { 'vague-target': false } })).toEqual([]);
  });

  it('should judge the stored reading when one is given (an admin’s correction)', () => {
    const parsed = parseTarget('≥13套', QUANTITY);
    expect(rulesOf(indicator({ ...QUANTITY, name: '数量', target: '13 套', parsed }))).toEqual([]);
  });
});

describe(readingOf.name, () => {
  it('should read a deadline without a year in the budget year', () => {
    expect(readingOf(indicator({ ...TIMELINESS, target: '年底前完成' }), 2025).deadline).toBe('2025-12-31');
  });
});

describe(level1Of.name, () => {
  it.each([
    [{ level1: '效益指标', level2: '数量指标' }, '产出指标'],
    [{ level1: '效益指标', level2: '不知道' }, '效益指标'],
    [{ level1: '其他', level2: '其他' }, undefined],
  ])('should take the 一级 of %o from its 二级 first', (levels, expected) => {
    expect(level1Of(levels)).toBe(expected);
  });
});
