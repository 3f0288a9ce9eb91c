import {
  assignWeights,
  DEFAULT_SECTION_WEIGHTS,
  sectionFor,
  validateWeights,
  type WeightedIndicator,
} from './section-weights';

const output = (weight?: number): WeightedIndicator => ({ level1: '产出指标', weight });
const cost = (weight?: number): WeightedIndicator => ({ level1: '成本指标', weight });
const benefit = (weight?: number): WeightedIndicator => ({ level1: '效益指标', weight });
const satisfaction = (weight?: number): WeightedIndicator => ({ level1: '满意度指标', weight });

describe('DEFAULT_SECTION_WEIGHTS', () => {
  it('should be 10 / 50 / 30 / 10 when nothing is configured', () => {
    expect(DEFAULT_SECTION_WEIGHTS).toEqual({ budget: 10, output: 50, benefit: 30, satisfaction: 10 });
  });
});

describe(sectionFor.name, () => {
  it.each([
    ['成本指标', 'output'],
    ['产出指标', 'output'],
    ['产出', 'output'],
    ['效益指标', 'benefit'],
    ['满意度指标', 'satisfaction'],
    ['其他', undefined],
  ])('should put %s in section %s', (level1, section) => {
    expect(sectionFor(level1)).toBe(section);
  });
});

describe(assignWeights.name, () => {
  it.each<[string, WeightedIndicator[], number[]]>([
    [
      'an equal split inside each section',
      [output(), cost(), benefit(), benefit(), satisfaction()],
      [25, 25, 15, 15, 10],
    ],
    [
      'cents that still add up to the section',
      [output(), output(), output(), benefit(), satisfaction()],
      [16.67, 16.67, 16.66, 30, 10],
    ],
    [
      'the admin weight and the rest shared',
      [output(20), output(), output(), benefit(), satisfaction()],
      [20, 15, 15, 30, 10],
    ],
    [
      'nothing left when the admin used it all',
      [output(60), output(), benefit(), satisfaction()],
      [60, 0, 30, 10],
    ],
    ['0 for an unknown 一级', [{ level1: '其他' }, output(), benefit(), satisfaction()], [0, 50, 30, 10]],
  ])('should give %s', (_case, indicators, expected) => {
    expect(assignWeights(indicators)).toEqual(expected);
  });

  it('should follow section weights when settings change them', () => {
    expect(assignWeights([output(), benefit(), satisfaction()], { budget: 20, output: 40 })).toEqual([
      40, 30, 10,
    ]);
  });
});

describe(validateWeights.name, () => {
  const weighted = (indicators: WeightedIndicator[]) =>
    indicators.map((indicator, index) => ({
      level1: indicator.level1,
      weight: assignWeights(indicators)[index],
    }));

  it('should accept the default split when every section has indicators', () => {
    expect(validateWeights(weighted([output(), output(), output(), benefit(), satisfaction()]))).toEqual({
      valid: true,
      total: 100,
      problems: [],
    });
  });

  it('should accept a 20-point budget scheme when the sections are set so', () => {
    const indicators = [
      { level1: '产出指标', weight: 40 },
      { level1: '效益指标', weight: 30 },
      { level1: '满意度指标', weight: 10 },
    ];

    expect(validateWeights(indicators, { budget: 20, output: 40 }).valid).toBe(true);
  });

  it.each<[string, Array<{ level1: string; weight: number }>, string[]]>([
    [
      'a total other than 100',
      [
        { level1: '产出指标', weight: 50 },
        { level1: '效益指标', weight: 30 },
        { level1: '满意度指标', weight: 5 },
      ],
      ['总分值为 95，必须等于 100'],
    ],
    [
      'a negative weight',
      [
        { level1: '产出指标', weight: 60 },
        { level1: '效益指标', weight: 30 },
        { level1: '满意度指标', weight: -10 },
        { level1: '满意度指标', weight: 10 },
      ],
      ['第 3 个指标的分值不能为负数或非数字'],
    ],
    [
      'an unknown 一级 and an empty section',
      [
        { level1: '产出指标', weight: 60 },
        { level1: '其他', weight: 30 },
      ],
      [
        '第 2 个指标的一级指标“其他”无法归入产出、效益或满意度',
        '效益指标没有三级指标，其 30 分无法分配',
        '满意度指标没有三级指标，其 10 分无法分配',
      ],
    ],
  ])('should report %s', (_case, indicators, problems) => {
    expect(validateWeights(indicators)).toMatchObject({ valid: false, problems });
  });

  it('should accept an empty section when its weight is 0', () => {
    const indicators = [
      { level1: '产出指标', weight: 60 },
      { level1: '效益指标', weight: 30 },
    ];

    expect(validateWeights(indicators, { output: 60, satisfaction: 0 }).valid).toBe(true);
  });
});
