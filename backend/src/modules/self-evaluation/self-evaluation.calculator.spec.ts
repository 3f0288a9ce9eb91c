import { DEFAULT_SECTION_WEIGHTS, parseTarget } from '@jixiao/domain';
import { bandText, computeEvaluation, insideBand } from './self-evaluation.calculator';
import type { BudgetInput, EvaluationInputs, IndicatorInput } from './self-evaluation.types';

const indicator = (overrides: Partial<IndicatorInput> & Pick<IndicatorInput, 'name'>): IndicatorInput => ({
  indicatorId: overrides.name,
  goalId: 'g1',
  goalLabel: '年度绩效目标',
  level1: '产出指标',
  level2: '数量指标',
  targetRaw: '≥12场',
  target: parseTarget(overrides.targetRaw ?? '≥12场', { level2: overrides.level2 ?? '数量指标' }),
  unit: null,
  indicatorWeight: null,
  report: null,
  item: null,
  ...overrides,
});

const emptyItem = {
  actualRaw: null,
  actualFromPeriod: null,
  weightOverride: null,
  pickedScore: null,
  deviationAnalysis: null,
};

const budget = (overrides: Partial<BudgetInput> = {}): BudgetInput => ({
  initialBudgetYuan: 100000,
  annualBudgetYuan: 100000,
  executedYuan: null,
  executedFromPeriod: null,
  report: { executedYuan: 95000, period: '2025-12' },
  projectsExecutedYuan: null,
  ...overrides,
});

const inputs = (
  indicators: IndicatorInput[],
  overrides: Partial<EvaluationInputs> = {},
): EvaluationInputs => ({
  scope: 'project',
  sections: { ...DEFAULT_SECTION_WEIGHTS },
  budget: budget(),
  indicators,
  ...overrides,
});

const complete = [
  indicator({ name: '培训场次', report: { actualRaw: '12场', period: '2025-12' } }),
  indicator({
    name: '群众获得感',
    level1: '效益指标',
    level2: '社会效益指标',
    targetRaw: '有所提升',
    report: { actualRaw: '达成', period: '2025-12' },
    item: { ...emptyItem, pickedScore: 27 },
  }),
  indicator({
    name: '满意度',
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    targetRaw: '≥90%',
    report: { actualRaw: '85%', period: '2025-11' },
  }),
];

describe(insideBand.name, () => {
  it.each<[number, [number, number], number, boolean]>([
    [8, [8, 10], 10, true],
    [10, [8, 10], 10, true],
    [7.99, [8, 10], 10, false],
    [6, [6, 8], 10, true],
    [8, [6, 8], 10, false],
    [0, [0, 6], 10, true],
    [0, [0, 0], 0, true],
  ])('should judge a pick of %d in %j (weight %d) as %s', (pick, band, weight, expected) => {
    expect(insideBand(pick, band, weight)).toBe(expected);
  });

  it('should write closed and half-open bands as the evaluator reads them', () => {
    expect(bandText([8, 10], 10)).toBe('[8, 10]');
    expect(bandText([6, 8], 10)).toBe('[6, 8)');
  });
});

describe(computeEvaluation.name, () => {
  it('should total the budget score and every item score and grade it when everything is scored', () => {
    const result = computeEvaluation(inputs(complete));
    expect(result.items.map((item) => [item.weight, item.score])).toEqual([
      [50, 50],
      [30, 27],
      [10, 9.44],
    ]);
    expect(result).toMatchObject({ indicatorScore: 86.44, total: 95.94, grade: '优', complete: true });
    expect(result.budget).toMatchObject({
      executedYuan: 95000,
      rate: 95,
      score: 9.5,
      executedSource: 'report',
    });
    expect(result.consistency?.light).toBe('green');
  });

  it('should name what is missing when an item cannot be scored, and give no total', () => {
    const result = computeEvaluation(
      inputs([indicator({ name: '培训场次' }), indicator({ name: '未结构化', target: null })]),
    );
    expect(result.items.map((item) => [item.problemField, item.problem])).toEqual([
      ['actual', '尚未填写实际完成值'],
      ['target', '指标值尚未结构化，请绩效管理员更正指标值后再评分'],
    ]);
    expect(result).toMatchObject({ total: null, grade: null, complete: false, consistency: null });
  });

  it('should ask for a pick inside the band of a judged indicator, and refuse one outside it', () => {
    const [, judged] = complete;
    const unpicked = computeEvaluation(inputs([{ ...judged, item: null }])).items[0];
    expect(unpicked).toMatchObject({ band: [24, 30], score: null, problemField: 'score' });
    expect(unpicked.problem).toBe('请在“达成”的分数区间 [24, 30] 内评定得分');
    const outside = computeEvaluation(
      inputs([{ ...judged, report: { actualRaw: '未达成', period: '2025-12' } }]),
    ).items[0];
    expect(outside).toMatchObject({ band: [0, 18], score: null, problemField: 'score' });
  });

  it.each<[string, Partial<BudgetInput>, 'project' | 'department', string]>([
    [
      'no executed amount on a project',
      { report: null },
      'project',
      '尚无全年执行数：请填写或先在预算执行中填报',
    ],
    [
      'no executed amount department-wide',
      { report: null },
      'department',
      '部门整体全年执行数需由绩效管理员填写',
    ],
    ['a zero budget', { annualBudgetYuan: 0 }, 'project', '全年预算数为 0 或缺失，无法计算执行率'],
  ])('should explain %s instead of scoring the budget', (_case, overrides, scope, problem) => {
    const result = computeEvaluation(inputs(complete, { scope, budget: budget(overrides) }));
    expect(result.budget).toMatchObject({ score: null, problem });
    expect(result.total).toBeNull();
  });

  it('should prefer an entered executed amount and the admin weights, and check the weights add up', () => {
    const result = computeEvaluation(
      inputs(
        complete.map((item, i) =>
          i === 0 ? { ...item, item: { ...(item.item ?? emptyItem), weightOverride: 40 } } : item,
        ),
        { budget: budget({ executedYuan: 50000 }) },
      ),
    );
    expect(result.budget).toMatchObject({ executedYuan: 50000, executedSource: 'entered', score: 5 });
    expect(result.items[0]).toMatchObject({ weight: 40, weightSource: 'evaluation' });
    expect(result.weightCheck).toMatchObject({ valid: false, total: 90 });
    expect(result.complete).toBe(false);
  });
});
