import { parseTarget } from '../target/target-parser';
import { evaluateSheet, level1Of, type SheetIndicator, type SheetInput } from './evaluate-sheet';
import { DEFAULT_SECTION_WEIGHTS } from './section-weights';

const indicator = (overrides: Partial<SheetIndicator> & { targetRaw?: string } = {}): SheetIndicator => {
  const { targetRaw = '≥12场', ...rest } = overrides;
  const level2 = rest.level2 ?? '数量指标';
  return {
    level1: '产出指标',
    level2,
    name: '培训场次',
    target: parseTarget(targetRaw, { level2 }),
    actual: null,
    pickedScore: null,
    ...rest,
  };
};

const sheet = (indicators: SheetIndicator[], overrides: Partial<SheetInput> = {}): SheetInput => ({
  scope: 'project',
  sections: { ...DEFAULT_SECTION_WEIGHTS },
  annualBudgetYuan: 100000,
  executedYuan: 95000,
  indicators,
  ...overrides,
});

const complete = [
  indicator({ actual: '12场' }),
  indicator({
    name: '群众获得感',
    level1: '效益指标',
    level2: '社会效益指标',
    targetRaw: '有所提升',
    actual: '达成',
    pickedScore: 27,
  }),
  indicator({
    name: '满意度',
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    targetRaw: '≥90%',
    actual: '85%',
  }),
];

describe(evaluateSheet.name, () => {
  it('should total the budget score and every item score and grade it when everything is scored', () => {
    const result = evaluateSheet(sheet(complete));

    expect(result.items.map((item) => [item.weight, item.score])).toEqual([
      [50, 50],
      [30, 27],
      [10, 9.44],
    ]);
    expect(result).toMatchObject({ indicatorScore: 86.44, total: 95.94, grade: '优', complete: true });
    expect(result.budget).toMatchObject({ rate: 95, score: 9.5, weight: 10, problem: null });
    expect(result.consistency?.light).toBe('green');
  });

  it('should explain every score with its figures', () => {
    const result = evaluateSheet(sheet(complete));

    expect(result.items.map((item) => item.explanation)).toEqual([
      '实际 12场 ≥ 指标值 12场，达到目标 → 得分 50',
      '定性指标评定为“达成”，得分区间 [24, 30]，评定得分 27',
      '得分 = 10 × 85 ÷ 90 = 9.44',
    ]);
    expect(result.budget.explanation).toBe(
      '执行率 = 95000 ÷ 100000 × 100% = 95.00%；得分 = 10 × 95000 ÷ 100000 = 9.5',
    );
    expect(result.indicatorExplanation).toBe('指标得分 = 50 + 27 + 9.44 = 86.44');
    expect(result.totalExplanation).toBe('总分 = 预算执行率得分 9.5 + 指标得分 86.44 = 95.94 → 等级“优”');
  });

  it('should cap the budget score at its weight and say so', () => {
    const result = evaluateSheet(sheet(complete, { executedYuan: 120000 }));

    expect(result.budget).toMatchObject({ rate: 120, score: 10 });
    expect(result.budget.explanation).toBe(
      '执行率 = 120000 ÷ 100000 × 100% = 120.00%；得分 = 10 × 120000 ÷ 100000 = 10（不超过分值）',
    );
  });

  it('should grade with the bands it is given', () => {
    expect(evaluateSheet(sheet(complete, { gradeBands: { excellent: 96 } })).grade).toBe('良');
  });

  it('should name what is missing when an item cannot be scored, and give no total', () => {
    const result = evaluateSheet(
      sheet([
        indicator(),
        indicator({ name: '空白', actual: '  ' }),
        indicator({ target: null, actual: '3' }),
      ]),
    );

    expect(result.items.map((item) => [item.problemField, item.problem, item.explanation])).toEqual([
      ['actual', '尚未填写实际完成值', null],
      ['actual', '尚未填写实际完成值', null],
      ['target', '指标值尚未结构化，请绩效管理员更正指标值后再评分', null],
    ]);
    expect(result).toMatchObject({
      total: null,
      grade: null,
      totalExplanation: null,
      complete: false,
      consistency: null,
    });
  });

  it('should report an actual the rules refuse on the actual', () => {
    const [item] = evaluateSheet(sheet([indicator({ actual: '12小时' })])).items;

    expect(item).toMatchObject({ score: null, problemField: 'actual' });
    expect(item.problem).toContain('无法换算');
  });

  it('should ask for a pick inside the band of a judged indicator, and refuse one outside it', () => {
    const judged = complete[1];
    const [unpicked] = evaluateSheet(sheet([{ ...judged, pickedScore: null }])).items;
    const [outside] = evaluateSheet(sheet([{ ...judged, actual: '未达成' }])).items;
    const [partly] = evaluateSheet(sheet([{ ...judged, actual: '部分达成', pickedScore: 20 }])).items;

    expect(unpicked).toMatchObject({ band: [24, 30], bandClosed: true, score: null, problemField: 'score' });
    expect(unpicked.problem).toBe('请在“达成”的分数区间 [24, 30] 内评定得分');
    expect(unpicked.explanation).toBe('定性指标评定为“达成”，得分区间 [24, 30]');
    expect(outside).toMatchObject({ band: [0, 18], bandClosed: false, score: null, judgement: '未达成' });
    expect(outside.problem).toBe('评定得分 27 不在“未达成”的分数区间 [0, 18) 内');
    expect(partly).toMatchObject({ band: [18, 24], score: 20, met: false, problem: null });
  });

  it.each<[string, Partial<SheetInput>, string]>([
    ['no executed amount on a project', { executedYuan: null }, '尚无全年执行数：请填写或先在预算执行中填报'],
    [
      'no executed amount department-wide',
      { executedYuan: null, scope: 'department' },
      '部门整体全年执行数需由绩效管理员填写',
    ],
    ['a zero budget', { annualBudgetYuan: 0 }, '全年预算数为 0 或缺失，无法计算执行率'],
    ['a negative executed amount', { executedYuan: -1 }, '全年预算数必须大于 0，执行数不能为负数'],
  ])('should explain %s instead of scoring the budget', (_case, overrides, problem) => {
    const result = evaluateSheet(sheet(complete, overrides));

    expect(result.budget).toMatchObject({ score: null, rate: null, problem, explanation: null });
    expect(result.total).toBeNull();
  });

  it('should keep the weights given, share out the rest, and check they add up to 100', () => {
    const result = evaluateSheet(
      sheet([{ ...complete[0], weight: 40 }, complete[1], complete[2]], { executedYuan: 50000 }),
    );

    expect(result.items.map((item) => item.weight)).toEqual([40, 30, 10]);
    expect(result.budget.score).toBe(5);
    expect(result.weightCheck).toMatchObject({ valid: false, total: 90 });
    expect(result).toMatchObject({ complete: false, total: null });
  });

  it('should place an indicator whose 一级 fits no section in none, and refuse the weights', () => {
    const result = evaluateSheet(sheet([indicator({ level1: '其他', level2: '其他', actual: '12场' })]));

    expect(result.items[0]).toMatchObject({ section: null, weight: 0, score: 0 });
    expect(result.weightCheck.valid).toBe(false);
  });

  it('should add nothing up when no item is scored', () => {
    expect(evaluateSheet(sheet([indicator()])).indicatorExplanation).toBe('指标得分 = 0 = 0');
  });

  it('should rethrow what is not a rule of the domain', () => {
    const target = {
      get operator(): never {
        throw new TypeError('broken target');
      },
    };
    const broken = { ...indicator({ actual: '3场' }), target } as never;

    expect(() => evaluateSheet(sheet([broken]))).toThrow(TypeError);
  });
});

describe('level1Of', () => {
  it('should let the 二级 name decide the 一级 an indicator scores under', () => {
    expect(level1Of({ level1: '产出指标', level2: '社会效益指标' })).toBe('效益指标');
    expect(level1Of({ level1: '产出指标', level2: '其他' })).toBe('产出指标');
  });
});
