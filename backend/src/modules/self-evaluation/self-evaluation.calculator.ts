import {
  type Actual,
  assignWeights,
  budgetScore,
  consistencyWarning,
  DomainError,
  gradeFor,
  level1For,
  meetsTarget,
  parseActual,
  scoreIndicator,
  sectionFor,
  validateWeights,
} from '@jixiao/domain';
import type { BudgetView, EvaluationInputs, IndicatorInput, ItemView } from './self-evaluation.types';

export interface ComputedEvaluation {
  items: ItemView[];
  budget: BudgetView;
  weightCheck: ReturnType<typeof validateWeights>;
  indicatorScore: number;
  total: number | null;
  grade: ReturnType<typeof gradeFor> | null;
  complete: boolean;
  consistency: ReturnType<typeof consistencyWarning> | null;
}

// Sums of two-decimal scores, added in cents so that 0.1 + 0.2 shows as 0.3.
const sumScores = (values: number[]): number =>
  Math.round(values.reduce((sum, value) => sum + Math.round(value * 100), 0)) / 100;

/** The 一级 an indicator scores under: the 二级 name decides (merged cells misplace rows), else the 一级 cell. */
export const level1Of = (indicator: Pick<IndicatorInput, 'level1' | 'level2'>): string =>
  level1For(indicator.level2) ?? indicator.level1;

/**
 * Whether an evaluator's pick lies inside a 定性 band: 达成 [0.8W, W], the others [low, high) — the upper end
 * is open unless it is W itself (or the band is a single point when W is 0).
 */
export function insideBand(pick: number, band: [number, number], weight: number): boolean {
  const [low, high] = band;
  if (pick < low || pick > high) return false;
  return pick < high || high === weight || low === high;
}

/**
 * The self-evaluation's numbers, every rule from libs/domain: 分值 (assignWeights / validateWeights), 得分
 * (scoreIndicator, budgetScore), 等级 (gradeFor) and the consistency warning. Pure: the service feeds it what
 * the tables hold and what a write changes.
 */
export function computeEvaluation(inputs: EvaluationInputs): ComputedEvaluation {
  const { sections, indicators } = inputs;
  const weights = assignWeights(
    indicators.map((indicator) => ({
      level1: level1Of(indicator),
      weight: indicator.item?.weightOverride ?? indicator.indicatorWeight ?? undefined,
    })),
    sections,
  );
  const weightCheck = validateWeights(
    indicators.map((indicator, index) => ({ level1: level1Of(indicator), weight: weights[index] })),
    sections,
  );
  const items = indicators.map((indicator, index) => itemView(indicator, weights[index]));
  const budget = budgetView(inputs);
  const scored = items.filter((item) => item.score !== null).map((item) => item.score as number);
  const indicatorScore = sumScores(scored);
  const allScored = scored.length === items.length;
  const complete = allScored && budget.score !== null && weightCheck.valid;
  const total = complete ? sumScores([budget.score as number, indicatorScore]) : null;
  return {
    items,
    budget,
    weightCheck,
    indicatorScore,
    total,
    grade: total === null ? null : gradeFor(total),
    complete,
    consistency:
      allScored && budget.score !== null
        ? consistencyWarning(indicatorScore, budget.score, sections.budget)
        : null,
  };
}

function itemView(indicator: IndicatorInput, weight: number): ItemView {
  const stored = indicator.item;
  const entered = stored?.actualRaw ?? null;
  const actual = entered ?? indicator.report?.actualRaw ?? null;
  const fromReport = entered === null ? (indicator.report?.period ?? null) : stored?.actualFromPeriod;
  const view: ItemView = {
    indicatorId: indicator.indicatorId,
    goalId: indicator.goalId,
    goalLabel: indicator.goalLabel,
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    targetRaw: indicator.targetRaw,
    target: indicator.target,
    unit: indicator.unit,
    section: sectionFor(level1Of(indicator)) ?? null,
    actual,
    actualSource: actual === null ? null : fromReport ? 'report' : 'entered',
    actualPeriod: actual === null ? null : (fromReport ?? null),
    weight,
    weightSource:
      stored?.weightOverride != null
        ? 'evaluation'
        : indicator.indicatorWeight !== null
          ? 'indicator'
          : 'default',
    score: null,
    band: null,
    judgement: null,
    pickedScore: stored?.pickedScore ?? null,
    met: null,
    deviationAnalysis: stored?.deviationAnalysis ?? null,
    problem: null,
    problemField: null,
  };
  if (!indicator.target)
    return {
      ...view,
      problem: '指标值尚未结构化，请绩效管理员更正指标值后再评分',
      problemField: 'target',
    };
  if (actual === null) return { ...view, problem: '尚未填写实际完成值', problemField: 'actual' };
  let reading: Actual;
  let result: ReturnType<typeof scoreIndicator>;
  try {
    reading = parseActual(actual, indicator.target);
    result = scoreIndicator(indicator.target, reading, weight);
  } catch (error) {
    if (error instanceof DomainError) return { ...view, problem: error.message, problemField: 'actual' };
    throw error;
  }
  const met = meetsTarget(indicator.target, reading) ?? null;
  if ('score' in result) return { ...view, score: result.score, met, pickedScore: null };
  const judged = { ...view, band: result.band, judgement: reading.judgement ?? null, met };
  if (view.pickedScore === null)
    return {
      ...judged,
      problem: `请在“${reading.judgement}”的分数区间 ${bandText(result.band, weight)} 内评定得分`,
      problemField: 'score',
    };
  if (!insideBand(view.pickedScore, result.band, weight))
    return {
      ...judged,
      problem: `评定得分 ${view.pickedScore} 不在“${reading.judgement}”的分数区间 ${bandText(result.band, weight)} 内`,
      problemField: 'score',
    };
  return { ...judged, score: view.pickedScore };
}

/** "[8, 10]" or "[6, 8)": the band as the evaluator must read it. */
export function bandText(band: [number, number], weight: number): string {
  const closed = band[1] === weight || band[0] === band[1];
  return `[${band[0]}, ${band[1]}${closed ? ']' : ')'}`;
}

function budgetView(inputs: EvaluationInputs): BudgetView {
  const { budget, sections } = inputs;
  const stored = budget.executedYuan;
  const executedYuan = stored ?? budget.report?.executedYuan ?? null;
  const period = stored === null ? (budget.report?.period ?? null) : budget.executedFromPeriod;
  const view: BudgetView = {
    initialBudgetYuan: budget.initialBudgetYuan,
    annualBudgetYuan: budget.annualBudgetYuan,
    executedYuan,
    executedSource: executedYuan === null ? null : period ? 'report' : 'entered',
    executedPeriod: executedYuan === null ? null : period,
    projectsExecutedYuan: budget.projectsExecutedYuan,
    rate: null,
    weight: sections.budget,
    score: null,
    problem: null,
  };
  if (executedYuan === null)
    return {
      ...view,
      problem:
        inputs.scope === 'department'
          ? '部门整体全年执行数需由绩效管理员填写'
          : '尚无全年执行数：请填写或先在预算执行中填报',
    };
  if (!budget.annualBudgetYuan) return { ...view, problem: '全年预算数为 0 或缺失，无法计算执行率' };
  try {
    return {
      ...view,
      rate: Math.round((executedYuan / budget.annualBudgetYuan) * 10000) / 100,
      score: budgetScore(executedYuan, budget.annualBudgetYuan, sections.budget),
    };
  } catch (error) {
    if (error instanceof DomainError) return { ...view, problem: error.message };
    throw error;
  }
}
