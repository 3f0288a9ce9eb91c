import fc from 'fast-check';
import { parseTarget } from './target-parser';
import type { Target, TargetContext } from './target.types';

type Reading = Omit<Target, 'raw' | 'note' | 'parts'>;

// The structured fields a user sees, without the raw text and the note.
function reading(target: Target): Reading {
  const { raw: _raw, note: _note, parts: _parts, ...rest } = target;
  return rest;
}

// The fields named in `expected`, so that an absent field compares equal to an expected undefined.
function fieldsOf(target: Target, expected: Partial<Target>): Partial<Target> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, target[key as keyof Target]]));
}

const QUANTITY: TargetContext = { level1: '产出指标', level2: '数量指标' };
const QUALITY: TargetContext = { level1: '产出指标', level2: '质量指标' };
const TIMELINESS: TargetContext = { level1: '产出指标', level2: '时效指标' };
const COST: TargetContext = { level1: '成本指标', level2: '经济成本指标' };
const BENEFIT: TargetContext = { level1: '效益指标', level2: '社会效益指标' };
const SATISFACTION: TargetContext = { level1: '满意度指标', level2: '服务对象满意度指标' };

function reads(
  operator: Target['operator'],
  value: number | undefined,
  unit: string | undefined,
  direction: Target['direction'],
  accumulation: Target['accumulation'],
  confidence: Target['confidence'],
): Reading {
  return { operator, value, unit, direction, accumulation, confidence };
}

const QUALITATIVE: Reading = {
  operator: 'qualitative',
  direction: 'none',
  accumulation: 'qualitative',
  confidence: 'explicit',
};

describe(parseTarget.name, () => {
  describe('docs/domain.md §4 examples', () => {
    // prettier-ignore
    it.each<[string, TargetContext, Reading]>([
      ['≥90%', SATISFACTION, reads('>=', 90, '%', 'higher', 'level', 'explicit')],
      ['≥ 99.5%', QUALITY, reads('>=', 99.5, '%', 'higher', 'level', 'explicit')],
      ['》95%', SATISFACTION, reads('>=', 95, '%', 'higher', 'level', 'explicit')],
      ['当年满意度超过90%', SATISFACTION, reads('>', 90, '%', 'higher', 'level', 'inferred')],
      ['100%', QUALITY, reads('>=', 100, '%', 'higher', 'level', 'explicit')],
      ['1.2 万人/年', QUANTITY, reads('>=', 12000, '人', 'higher', 'cumulative', 'inferred')],
      ['3000 人/年', QUANTITY, reads('>=', 3000, '人', 'higher', 'cumulative', 'inferred')],
      ['12 场', QUANTITY, reads('>=', 12, '场', 'higher', 'cumulative', 'inferred')],
      ['≤48 小时', TIMELINESS, reads('<=', 48, '小时', 'lower', 'level', 'explicit')],
      ['≤30 分钟', TIMELINESS, reads('<=', 30, '分钟', 'lower', 'level', 'explicit')],
      ['≤8%', COST, reads('<=', 8, '%', 'lower', 'level', 'explicit')],
      ['758.22 万元', COST, reads('<=', 7582200, '元', 'lower', 'cumulative', 'inferred')],
      ['1040 元/月', COST, reads('=', 1040, '元/月', 'exact', 'level', 'explicit')],
      ['45 元/人/月', COST, reads('=', 45, '元/人/月', 'exact', 'level', 'explicit')],
      ['200 元/人/年', COST, reads('=', 200, '元/人/年', 'exact', 'level', 'explicit')],
      ['0', { ...QUANTITY, name: '重大群体性事件' }, reads('=', 0, undefined, 'lower', 'zero-tolerance', 'inferred')],
      ['1-2 次', QUANTITY, { ...reads('between', undefined, '次', 'exact', 'cumulative', 'explicit'), min: 1, max: 2 }],
      ['2025年底完成', TIMELINESS, { ...reads('by-date', undefined, undefined, 'lower', 'deadline', 'explicit'), deadline: '2025-12-31' }],
      ['确保全区90%以上的企业按时足额缴纳社保', BENEFIT, reads('>=', 90, '%', 'higher', 'level', 'inferred')],
      ['稳步增长', { ...QUANTITY, previous: '2.5 万人' }, reads('>', 25000, '人', 'higher', 'relative', 'inferred')],
    ])('should read %s as docs/domain.md says when under %j', (raw, context, expected) => {
      const target = parseTarget(raw, context);

      expect(reading(target)).toEqual(expected);
      expect(target.raw).toBe(raw);
    });

    it.each(['及时', '有所提升', '明显', '保障', '按标准发放', '完成市级下达任务', '在规定时间内发放'])(
      'should read %s as an explicit qualitative target when it is a recognised word',
      (raw) => {
        expect(reading(parseTarget(raw))).toEqual(QUALITATIVE);
      },
    );

    it('should read both parts of "≥1 场、≥90人" when two requirements are joined', () => {
      const target = parseTarget('≥1 场、≥90人', QUANTITY);

      expect(reading(target)).toEqual(
        reads('all-of', undefined, undefined, 'higher', 'cumulative', 'explicit'),
      );
      expect(target.parts?.map(reading)).toEqual([
        reads('>=', 1, '场', 'higher', 'cumulative', 'explicit'),
        reads('>=', 90, '人', 'higher', 'cumulative', 'explicit'),
      ]);
    });
  });

  describe('context decides what text alone cannot', () => {
    // prettier-ignore
    it.each<[string, string, TargetContext, Partial<Reading>]>([
      ['a bare amount is a ceiling', '315 万元', COST, { operator: '<=', value: 3150000, direction: 'lower', accumulation: 'cumulative' }],
      ['a bare amount outside 成本 is a floor', '100万元', BENEFIT, { operator: '>=', value: 1000000, direction: 'higher', accumulation: 'cumulative' }],
      ['a bare number under 成本 is a ceiling', '758.22', COST, { operator: '<=', value: 758.22, unit: undefined, direction: 'lower' }],
      ['a bare percentage under 成本 is a ceiling', '5%', COST, { operator: '<=', value: 5, direction: 'lower', accumulation: 'level' }],
      ['a bare count under 数量 is a cumulative floor', '4912', QUANTITY, { operator: '>=', value: 4912, accumulation: 'cumulative' }],
      ['a bare count under 质量 is a level', '3 项', QUALITY, { operator: '>=', value: 3, unit: '项', accumulation: 'level' }],
      ['a bare number under 满意度 is a level', '90', SATISFACTION, { operator: '>=', value: 90, accumulation: 'level' }],
      ['a percentage under 质量 is a level floor', '95%', QUALITY, { operator: '>=', value: 95, accumulation: 'level' }],
      ['a percentage under 满意度 is a level floor', '96%', SATISFACTION, { operator: '>=', value: 96, accumulation: 'level' }],
      ['a bare time limit is a ceiling', '48小时', TIMELINESS, { operator: '<=', value: 48, direction: 'lower', accumulation: 'level' }],
      ['a bare count without context is a cumulative floor', '3000 张', {}, { operator: '>=', accumulation: 'cumulative' }],
      ['a bare number of a 率 indicator is a percentage', '95', { ...QUALITY, name: '补贴发放准确率' }, { operator: '>=', value: 95, unit: '%' }],
      ['the 二级 name overrides a wrong 一级 cell', '121', { level1: '成本指标', level2: '数量指标' }, { operator: '>=', direction: 'higher' }],
      ['a 二级 name split by the PDF still counts', '758.22', { level2: '经济成本 指标' }, { operator: '<=', direction: 'lower' }],
      ['a 二级 name missing its suffix still counts', '96%', { level2: '服务对象满意度' }, { operator: '>=', accumulation: 'level' }],
      ['an unknown 二级 name falls back to the 一级 cell', '758.22', { level1: '成本指标', level2: '其他' }, { operator: '<=' }],
      ['an unknown 一级 name gives no context', '758.22', { level1: '其他' }, { operator: '>=' }],
    ])('should apply "%s" when reading %s', (_rule, raw, context, expected) => {
      const target = parseTarget(raw, context);

      expect(target).toMatchObject({ ...expected, confidence: 'inferred' });
      expect(target.note).toEqual(expect.any(String));
    });

    it('should name the context in the note when context decided the operator', () => {
      expect(parseTarget('1.2 万人/年', QUANTITY).note).toBe(
        '未写比较符，数量指标下按“不低于”理解，按年累计',
      );
      expect(parseTarget('96%', SATISFACTION).note).toBe('未写比较符，服务对象满意度指标下按“不低于”理解');
      expect(parseTarget('758.22 万元', COST).note).toBe('未写比较符，经济成本指标下按上限（不高于）理解');
      expect(parseTarget('96%').note).toBe('未写比较符，按“不低于”理解');
    });

    it('should warn about the missing unit when a bare cost has none', () => {
      expect(parseTarget('758.22', COST).note).toContain('未写单位');
    });
  });

  describe('operators written in words and signs', () => {
    it.each<[string, Target['operator'], number, string | undefined]>([
      ['不低于95%', '>=', 95, '%'],
      ['不少于3000人', '>=', 3000, '人'],
      ['至少12场', '>=', 12, '场'],
      ['达到90%', '>=', 90, '%'],
      ['大于或等于5次', '>=', 5, '次'],
      ['90%及以上', '>=', 90, '%'],
      ['100以上', '>=', 100, undefined],
      ['>=95%', '>=', 95, '%'],
      ['≧95%', '>=', 95, '%'],
      ['不超过48小时', '<=', 48, '小时'],
      ['不高于8%', '<=', 8, '%'],
      ['控制在8%以内', '<=', 8, '%'],
      ['48小时内', '<=', 48, '小时'],
      ['5%以下', '<=', 5, '%'],
      ['小于等于3次', '<=', 3, '次'],
      ['<=3次', '<=', 3, '次'],
      ['超过90%', '>', 90, '%'],
      ['大于90%', '>', 90, '%'],
      ['＞90％', '>', 90, '%'],
      ['低于5%', '<', 5, '%'],
      ['少于3次', '<', 3, '次'],
      ['<5%', '<', 5, '%'],
      ['等于100', '=', 100, undefined],
      ['=100元', '=', 100, '元'],
      ['1,000人', '>=', 1000, '人'],
      ['3名', '>=', 3, '人'],
      ['5栋', '>=', 5, '栋'],
      // Under 数量指标 a time is a volume of work (issue 17); under 时效指标 it stays a limit.
      ['2天', '>=', 2, '天'],
    ])('should read %s as %s %d %s', (raw, operator, value, unit) => {
      expect(parseTarget(raw, QUANTITY)).toMatchObject({ operator, value, unit });
    });

    it.each([
      ['不低于95%', 'explicit'],
      ['覆盖率达95%', 'inferred'],
      ['确保90%以上', 'explicit'],
    ])('should mark %s as %s depending on surrounding text', (raw, confidence) => {
      expect(parseTarget(raw, QUALITY).confidence).toBe(confidence);
    });

    it.each<[string, Partial<Target>]>([
      [
        '≤0',
        {
          operator: '<=',
          value: 0,
          direction: 'lower',
          accumulation: 'zero-tolerance',
          confidence: 'explicit',
        },
      ],
      [
        '0%',
        {
          operator: '=',
          value: 0,
          direction: 'lower',
          accumulation: 'zero-tolerance',
          confidence: 'inferred',
        },
      ],
      [
        '杜绝',
        {
          operator: '=',
          value: 0,
          direction: 'lower',
          accumulation: 'zero-tolerance',
          confidence: 'explicit',
        },
      ],
      ['零发生', { operator: '=', value: 0, accumulation: 'zero-tolerance', confidence: 'explicit' }],
      ['无重大安全事故', { operator: '=', value: 0, accumulation: 'zero-tolerance', confidence: 'inferred' }],
      ['≥0', { operator: '>=', value: 0, direction: 'higher', accumulation: 'cumulative' }],
    ])('should read %s as zero tolerance only when zero must be kept', (raw, expected) => {
      expect(parseTarget(raw, QUANTITY)).toMatchObject(expected);
    });

    it('should explain zero tolerance only when it is read out of a sentence', () => {
      expect(parseTarget('杜绝').note).toBeUndefined();
      expect(parseTarget('无重大安全事故').note).toBe(
        '数值取自文字描述（原文已保留），请核对；按零容忍理解：目标为 0，发生即未达成',
      );
    });

    it('should explain the typo when 》 stands for ≥', () => {
      expect(parseTarget('》95%', SATISFACTION).note).toBe('原文“》”按“≥”理解');
    });
  });

  describe('ranges and several requirements', () => {
    it.each<[string, Partial<Target>]>([
      ['1-2 本', { operator: 'between', min: 1, max: 2, unit: '本', confidence: 'explicit' }],
      ['90%-95%', { operator: 'between', min: 90, max: 95, unit: '%', accumulation: 'level' }],
      ['1~2场', { operator: 'between', min: 1, max: 2, unit: '场' }],
      ['3至5次', { operator: 'between', min: 3, max: 5, unit: '次' }],
      ['1-2万人', { operator: 'between', min: 10000, max: 20000, unit: '人' }],
      ['1万-2万人', { operator: 'between', min: 10000, max: 20000, unit: '人' }],
      ['约1-2次', { operator: 'between', min: 1, max: 2, confidence: 'inferred' }],
    ])('should read %s as a range with both ends included', (raw, expected) => {
      expect(parseTarget(raw, QUANTITY)).toMatchObject(expected);
    });

    it.each(['5-3次', '1次-2人', '1-2次3', '2025年6月招聘', '3场5人', '≥90%以下'])(
      'should leave %s unparsed when its numbers do not form one reading',
      (raw) => {
        expect(parseTarget(raw, QUANTITY)).toMatchObject({ operator: 'qualitative', confidence: 'unparsed' });
      },
    );

    it.each<[string, Target['confidence'], Target['operator'][]]>([
      ['≥1场，≥90人', 'explicit', ['>=', '>=']],
      ['3场、90人', 'inferred', ['>=', '>=']],
      ['2025年底前完成;≥3次', 'explicit', ['by-date', '>=']],
      ['≥95%且≤48小时', 'explicit', ['>=', '<=']],
    ])('should read %s as all-of with %s confidence', (raw, confidence, operators) => {
      const target = parseTarget(raw, QUANTITY);

      expect(target).toMatchObject({ operator: 'all-of', confidence });
      expect(target.parts?.map((part) => part.operator)).toEqual(operators);
    });

    it('should not split into parts when one part is words', () => {
      expect(parseTarget('≥95%、及时', QUALITY)).toMatchObject({
        operator: '>=',
        value: 95,
        confidence: 'inferred',
      });
    });
  });

  describe('deadlines', () => {
    it.each<[string, string, Target['confidence']]>([
      ['2025 年底完成', '2025-12-31', 'explicit'],
      ['2023年底完成', '2023-12-31', 'explicit'],
      ['2025年6月底前完成', '2025-06-30', 'explicit'],
      ['2025年12月31日前', '2025-12-31', 'explicit'],
      ['2025-06-30', '2025-06-30', 'explicit'],
      ['2025/6/30前', '2025-06-30', 'explicit'],
      ['2025年2月', '2025-02-28', 'explicit'],
      ['2025年上半年完成', '2025-06-30', 'explicit'],
      ['2025年第三季度末', '2025-09-30', 'explicit'],
      ['2025年4季度', '2025-12-31', 'explicit'],
      ['2025年内完成', '2025-12-31', 'explicit'],
      ['截至2025年11月', '2025-11-30', 'explicit'],
      ['2025年底前完成招聘', '2025-12-31', 'inferred'],
    ])('should read %s as due by %s', (raw, deadline, confidence) => {
      expect(parseTarget(raw, TIMELINESS)).toMatchObject({
        operator: 'by-date',
        deadline,
        direction: 'lower',
        accumulation: 'deadline',
        confidence,
      });
    });

    it.each(['2025年2月30日前', '2025年底完成3次'])(
      'should leave %s unparsed when it is no single deadline',
      (raw) => {
        expect(parseTarget(raw, TIMELINESS).confidence).toBe('unparsed');
      },
    );

    it('should keep a by-date target for an admin to complete when the year is missing', () => {
      const expected: Partial<Target> = {
        operator: 'by-date',
        deadline: undefined,
        confidence: 'inferred',
        note: '截止时间未写年份，需人工补充截止日期',
      };

      expect(fieldsOf(parseTarget('年底前完成', TIMELINESS), expected)).toEqual(expected);
    });
  });

  describe('relative targets', () => {
    it.each<[string, string | undefined, Partial<Target>]>([
      ['稳步增长', '2.5 万人', { operator: '>', value: 25000, unit: '人', note: '须高于上年值 25000人' }],
      ['逐年提高', '95%', { operator: '>', value: 95, unit: '%' }],
      ['高于上年', '80人', { operator: '>', value: 80 }],
      ['不低于上年', '80', { operator: '>=', value: 80, unit: undefined, note: '须不低于上年值 80' }],
      ['只增不减', '80人', { operator: '>=', value: 80 }],
      [
        '稳步增长',
        undefined,
        { operator: '>', value: undefined, note: '须高于上年值，但上年值缺失或不是数值，需人工补充基准' },
      ],
      ['稳步增长', '稳步增长', { operator: '>', value: undefined }],
      ['稳步增长', '1-2次', { operator: '>', value: undefined, unit: undefined }],
    ])('should read %s against the previous value %s', (raw, previous, expected) => {
      const all: Partial<Target> = {
        direction: 'higher',
        accumulation: 'relative',
        confidence: 'inferred',
        ...expected,
      };

      expect(fieldsOf(parseTarget(raw, { ...QUANTITY, previous }), all)).toEqual(all);
    });
  });

  describe('words', () => {
    it.each([
      '良好',
      '规范',
      '提高',
      '按合同金额支付',
      '按政策规定执行',
      '按文件标准',
      '在合同规定的时间内支付',
      '在规定 时间 内',
      '完成系统认定人数待遇发放',
      '有所下降',
      '确保及时发放',
      '稳步提升',
      '足额发放',
    ])('should read %s as an explicit qualitative target', (raw) => {
      expect(reading(parseTarget(raw))).toEqual(QUALITATIVE);
    });

    it.each([
      ['给予生 活困难 补助， 加强社 会稳定。', '无法识别的指标值，需人工确认，未作任何推断'],
      ['见附件', '无法识别的指标值，需人工确认，未作任何推断'],
      ['无', '无法识别的指标值，需人工确认，未作任何推断'],
      ['', '指标值为空，需人工补充'],
      ['  ', '指标值为空，需人工补充'],
    ])('should leave %j unparsed without guessing', (raw, note) => {
      expect(parseTarget(raw)).toEqual({
        raw,
        operator: 'qualitative',
        direction: 'none',
        accumulation: 'qualitative',
        confidence: 'unparsed',
        note,
      });
    });
  });

  it('should keep the raw text and never throw when given any text', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom<TargetContext>({}, QUANTITY, COST, SATISFACTION),
        (raw, context) => {
          const target = parseTarget(raw, context);
          return (
            target.raw === raw && (target.confidence !== 'unparsed' || target.operator === 'qualitative')
          );
        },
      ),
    );
  });

  // A pasted cell of digits must not stall the server: the range reading used to be quadratic (20,000 digits
  // took 0.3 s, 200,000 a minute). A synchronous test is not stopped by Jest's timeout, hence the budget.
  it.each([20_000, 200_000])('should read %d digits, alone and as a range, in linear time', (length) => {
    const started = performance.now();
    expect(parseTarget('1'.repeat(length), QUANTITY)).toMatchObject({ operator: '>=', unit: undefined });
    expect(parseTarget(`${'1'.repeat(length)}-${'2'.repeat(length)}%`)).toMatchObject({
      operator: 'between',
      unit: '%',
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
