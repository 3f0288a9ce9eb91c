import {
  formBudget,
  formIndicatorRow,
  type FormIndicatorInput,
  formSpan,
  likelihoodTicks,
  reasonTicks,
  sumFormBudgets,
  tick,
} from './monitoring-form';

const indicator = (over: Partial<FormIndicatorInput> = {}): FormIndicatorInput => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '培训人次',
  targetRaw: '≥1200人次',
  report: {
    period: '2025-06',
    actualRaw: '500人次',
    forecastRaw: '1100人次',
    likelihood: '有可能',
    reasons: ['经费保障', '其他'],
    reasonText: ' 资金下达晚 ',
    correctiveAction: '加快拨付',
  },
  projection: { text: '1000人次', method: 'pace', likelihood: '完全不可能' },
  ...over,
});

describe('monitoring form: indicator rows', () => {
  it('should take the lead’s 全年预计 and likelihood and tick the reported reasons', () => {
    const row = formIndicatorRow(indicator(), '2025-06');
    expect(row).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      name: '培训人次',
      target: '≥1200人次',
      actual: '500人次',
      actualPeriod: '2025-06',
      forecast: '1100人次',
      forecastSource: 'lead',
      reasons: { 经费保障: true, 制度保障: false, 人员保障: false, 硬件条件保障: false, 其他: true },
      likelihood: '有可能',
      likelihoodSource: 'lead',
      reasonText: '资金下达晚',
      correctiveAction: '加快拨付',
      remark: '全年预计取填报人填写值',
    });
    expect(reasonTicks(row)).toBe('☑经费保障 ☐制度保障 ☐人员保障 ☐硬件条件保障 ☑其他');
    expect(likelihoodTicks(row.likelihood)).toBe('☐确定能 ☑有可能 ☐完全不可能');
  });

  it('should fall back to the projection, and say so, when the lead gave no 全年预计 or likelihood', () => {
    const base = indicator();
    const row = formIndicatorRow(
      indicator({
        report: {
          ...base.report!,
          period: '2025-05',
          forecastRaw: '  ',
          likelihood: null,
          reasonText: null,
          correctiveAction: '  ',
        },
      }),
      '2025-06',
    );
    expect(row.forecast).toBe('1000人次');
    expect(row.forecastSource).toBe('projection');
    expect(row.likelihood).toBe('完全不可能');
    expect(row.likelihoodSource).toBe('projection');
    expect(row.reasonText).toBeNull();
    expect(row.correctiveAction).toBeNull();
    expect(row.remark).toBe(
      '执行情况取 5 月填报（本期未填报）；全年预计为系统预测（全年平均进度）；完成可能性按预测提出',
    );
  });

  it('should leave an unreported indicator without a projection blank, and say it was not reported', () => {
    const row = formIndicatorRow(indicator({ report: null, projection: null }), '2025-07');
    expect(row).toMatchObject({
      actual: null,
      actualPeriod: null,
      forecast: null,
      forecastSource: null,
      likelihood: null,
      likelihoodSource: null,
      remark: '1–7月未填报',
    });
    expect(Object.values(row.reasons).some(Boolean)).toBe(false);
    expect(likelihoodTicks(null)).toBe('☐确定能 ☐有可能 ☐完全不可能');
  });

  it('should keep the lead’s likelihood but project the 全年预计 when only the likelihood was given', () => {
    const base = indicator();
    const row = formIndicatorRow(indicator({ report: { ...base.report!, forecastRaw: null } }), '2025-06');
    expect(row.forecastSource).toBe('projection');
    expect(row.likelihoodSource).toBe('lead');
    expect(row.remark).toBe('全年预计为系统预测（全年平均进度）');
  });

  it('should name the span 1–X月 (1月 alone in January) and print tick marks', () => {
    expect(formSpan('2025-01')).toBe('1月');
    expect(formSpan('2025-07')).toBe('1–7月');
    expect(tick(true)).toBe('☑');
    expect(tick(false)).toBe('☐');
  });
});

describe('monitoring form: budget block', () => {
  const sources = [
    { name: '合计', amountYuan: 530000 },
    { name: '一般公共预算财政拨款', amountYuan: 500000 },
    { name: '其中：申请当年预算拨款', amountYuan: 500000 },
    { name: '单位自筹', amountYuan: 30000 },
    { name: '政府性基金预算财政拨款', amountYuan: null },
  ];

  it('should rate execution against 全年预算数, project the year, give the balance and list the sources', () => {
    const budget = formBudget(
      {
        initialBudgetYuan: 530000,
        annualBudgetYuan: 530000,
        executedYuan: 210000,
        executedPeriod: '2025-06',
        projectedYuan: 420000,
        projectionMethod: 'pace',
        sources,
      },
      '2025-06',
    );
    expect(budget.total).toEqual({
      name: '合计',
      initialYuan: 530000,
      annualYuan: 530000,
      executedYuan: 210000,
      rate: 39.62,
      projectedYuan: 420000,
      balanceYuan: 110000,
    });
    expect(budget.sources.map((s) => [s.name, s.initialYuan, s.annualYuan, s.executedYuan, s.rate])).toEqual([
      ['一般公共预算财政拨款', 500000, 500000, null, null],
      ['单位自筹', 30000, 30000, null, null],
    ]);
    expect(budget.remark).toBe(
      '全年预计执行数为系统预测（全年平均进度）；执行数按项目合计填报，未分资金来源',
    );
  });

  it('should not claim a source’s 全年预算数 after an adjustment, and say when execution is older or missing', () => {
    const adjusted = formBudget(
      {
        initialBudgetYuan: 530000,
        annualBudgetYuan: 600000,
        executedYuan: 100000,
        executedPeriod: '2025-04',
        projectedYuan: null,
        projectionMethod: null,
        sources,
      },
      '2025-06',
    );
    expect(adjusted.sources[0].annualYuan).toBeNull();
    expect(adjusted.total.projectedYuan).toBeNull();
    expect(adjusted.total.balanceYuan).toBeNull();
    expect(adjusted.remark).toBe('执行情况取 4 月填报（本期未填报）；执行数按项目合计填报，未分资金来源');

    const none = formBudget(
      {
        initialBudgetYuan: 0,
        annualBudgetYuan: 0,
        executedYuan: null,
        executedPeriod: null,
        projectedYuan: null,
        projectionMethod: null,
        sources: [],
      },
      '2025-03',
    );
    expect(none.total.rate).toBeNull();
    expect(none.remark).toBe('1–3月执行数未填报');
    const current = formBudget(
      {
        ...{ initialBudgetYuan: 10, annualBudgetYuan: 10, executedYuan: 5, executedPeriod: null },
        projectedYuan: null,
        projectionMethod: null,
        sources: [],
      },
      '2025-03',
    );
    expect(current.remark).toBe('');
  });

  it('should sum the projects for the department-wide sheet, projecting only when every project is projected', () => {
    const a = formBudget(
      {
        initialBudgetYuan: 100,
        annualBudgetYuan: 100,
        executedYuan: 40,
        executedPeriod: '2025-06',
        projectedYuan: 80,
        projectionMethod: 'pace',
        sources: [],
      },
      '2025-06',
    );
    const b = formBudget(
      {
        initialBudgetYuan: 300,
        annualBudgetYuan: 300,
        executedYuan: null,
        executedPeriod: null,
        projectedYuan: null,
        projectionMethod: null,
        sources: [],
      },
      '2025-06',
    );
    const c = formBudget(
      {
        initialBudgetYuan: 100,
        annualBudgetYuan: 100,
        executedYuan: 60,
        executedPeriod: '2025-06',
        projectedYuan: 90,
        projectionMethod: 'trend',
        sources: [],
      },
      '2025-06',
    );
    const partial = sumFormBudgets([a, b], '2025-06');
    expect(partial.total).toMatchObject({
      name: '各项目合计',
      initialYuan: 400,
      annualYuan: 400,
      executedYuan: 40,
      rate: 10,
      projectedYuan: null,
    });
    expect(partial.remark).toBe('部门整体资金为 2 个项目资金之和');
    expect(sumFormBudgets([a, c], '2025-06').total).toMatchObject({
      projectedYuan: 170,
      balanceYuan: 30,
      rate: 50,
    });
    expect(sumFormBudgets([], '2025-06').total).toMatchObject({
      annualYuan: null,
      rate: null,
      executedYuan: null,
    });
  });
});
