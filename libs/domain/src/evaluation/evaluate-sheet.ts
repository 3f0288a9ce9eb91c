import { parseActual } from '../actual/actual-parser';
import type { Judgement } from '../actual/actual.types';
import { DomainError } from '../errors/domain.error';
import { level1For } from '../indicator/indicator-levels';
import { messages } from '../messages/domain-messages';
import { formatNumber } from '../shared/number.util';
import { DEFAULT_SCORING_PROFILE, type ScoringProfile } from '../rules/rule-settings';
import type { Target } from '../target/target.types';
import { budgetScore } from './budget-score';
import { type ConsistencyWarning, consistencyWarning } from './consistency-warning';
import { type Grade, type GradeBands, gradeFor } from './grade';
import { bandClosed, bandText, explainScore, insideBand } from './indicator-score';
import { meetsTarget } from './meets-target';
import {
  type Section,
  type SectionWeights,
  type WeightCheck,
  assignWeights,
  sectionFor,
  validateWeights,
} from './section-weights';

/** One 三级指标 of the 自评表 as the evaluator has it: the target, the 分值 if set, the actual, the 定性 pick. */
export interface SheetIndicator {
  level1: string; // 一级指标
  level2: string; // 二级指标
  name: string; // 三级指标
  target: Target | null;
  /** 分值 set by the admin or the target table; undefined = an equal share of what the section has left. */
  weight?: number;
  actual: string | null; // 实际完成值 as written
  pickedScore: number | null; // 定性: the evaluator's 得分 inside the band
}

export interface SheetInput {
  /** project = 项目支出绩效自评; department = 部门整体支出绩效自评. */
  scope: 'project' | 'department';
  sections: SectionWeights;
  annualBudgetYuan: number | null; // 全年预算数
  executedYuan: number | null; // 全年执行数
  indicators: readonly SheetIndicator[];
  gradeBands?: Partial<GradeBands>;
  /** The scoring profile stored with the evaluation (反向 formula, 定性 bands, rounding, grades); national by default. */
  profile?: ScoringProfile;
}

export interface SheetItem {
  section: Section | null;
  weight: number; // 分值
  /** 得分: computed, or the evaluator's pick inside `band` for a judged (定性) indicator. */
  score: number | null;
  band: [number, number] | null;
  bandClosed: boolean; // whether the band's upper end is included
  judgement: Judgement | null;
  /** Whether the actual meets the target; null when nothing can be compared. */
  met: boolean | null;
  /** Why there is no score yet, in Chinese, and the input to fix: target (admin), actual or score. */
  problem: string | null;
  problemField: 'target' | 'actual' | 'score' | null;
  /** How the score (or the band) came about, with the figures; null when there is nothing to score. */
  explanation: string | null;
}

export interface SheetBudget {
  rate: number | null; // 执行率 in percent, two decimals
  weight: number; // 分值
  score: number | null; // 得分
  problem: string | null;
  explanation: string | null;
}

export interface EvaluatedSheet {
  items: SheetItem[];
  budget: SheetBudget;
  weightCheck: WeightCheck;
  /** Σ 得分 of the indicators scored so far, and how it adds up. */
  indicatorScore: number;
  indicatorExplanation: string;
  /** 总分 and 等级 once every part is scored and the weights add up to 100. */
  total: number | null;
  grade: Grade | null;
  totalExplanation: string | null;
  complete: boolean;
  consistency: ConsistencyWarning | null;
}

// Sums of two-decimal scores, added in cents so that 0.1 + 0.2 shows as 0.3.
const sumScores = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;

const fmt = formatNumber;

/** The 一级 an indicator scores under: the 二级 name decides (merged cells misplace rows), else the 一级 cell. */
export const level1Of = (indicator: { level1: string; level2: string }): string =>
  level1For(indicator.level2) ?? indicator.level1;

/**
 * The whole 自评表 (docs/domain.md §6): 分值 of every indicator, 得分 (formula or the 定性 pick inside its band), the
 * 预算执行率 score, Σ, 总分, 等级 and the consistency warning, each with its explanation. The API's sheet and the
 * browser's preview are this one function.
 */
export function evaluateSheet(input: SheetInput): EvaluatedSheet {
  const { sections, indicators } = input;
  const profile = input.profile ?? DEFAULT_SCORING_PROFILE;
  const weights = assignWeights(
    indicators.map((indicator) => ({ level1: level1Of(indicator), weight: indicator.weight })),
    sections,
  );
  const weightCheck = validateWeights(
    indicators.map((indicator, index) => ({ level1: level1Of(indicator), weight: weights[index] })),
    sections,
  );
  const items = indicators.map((indicator, index) => evaluateItem(indicator, weights[index], profile));
  const budget = evaluateBudget(input, profile.decimals);
  const scored = items.filter((item) => item.score !== null).map((item) => item.score as number);
  const indicatorScore = sumScores(scored);
  const allScored = scored.length === items.length;
  const complete = allScored && budget.score !== null && weightCheck.valid;
  const total = complete ? sumScores([budget.score as number, indicatorScore]) : null;
  const grade = total === null ? null : gradeFor(total, input.gradeBands ?? profile.gradeBands);
  return {
    items,
    budget,
    weightCheck,
    indicatorScore,
    indicatorExplanation: messages().scoreExplain.indicators(scored.map(fmt), fmt(indicatorScore)),
    total,
    grade,
    totalExplanation:
      total === null
        ? null
        : messages().scoreExplain.total(
            fmt(budget.score as number),
            fmt(indicatorScore),
            fmt(total),
            grade as Grade,
          ),
    complete,
    consistency:
      allScored && budget.score !== null
        ? consistencyWarning(indicatorScore, budget.score, sections.budget)
        : null,
  };
}

function evaluateItem(indicator: SheetIndicator, weight: number, profile: ScoringProfile): SheetItem {
  const view: SheetItem = {
    section: sectionFor(level1Of(indicator)) ?? null,
    weight,
    score: null,
    band: null,
    bandClosed: false,
    judgement: null,
    met: null,
    problem: null,
    problemField: null,
    explanation: null,
  };
  const target = indicator.target;
  if (!target) return { ...view, problem: messages().sheet.targetUnparsed, problemField: 'target' };
  const actual = indicator.actual?.trim() ?? '';
  if (actual === '') return { ...view, problem: messages().sheet.noActual, problemField: 'actual' };
  const outcome = attempt(() => {
    const reading = parseActual(actual, target);
    return {
      reading,
      result: explainScore(target, reading, weight, profile),
      met: meetsTarget(target, reading) as boolean, // defined whenever the actual can be scored
    };
  });
  if (outcome instanceof DomainError) return { ...view, problem: outcome.message, problemField: 'actual' };
  const { reading, result, met } = outcome;
  if ('score' in result) return { ...view, score: result.score, met, explanation: result.explanation };
  const judgement = reading.judgement as Judgement; // a band comes only from a judgement
  const band = bandText(result.band, weight);
  const judged = {
    ...view,
    band: result.band,
    bandClosed: bandClosed(result.band, weight),
    judgement,
    met,
    explanation: result.explanation,
  };
  const pick = indicator.pickedScore;
  if (pick === null)
    return { ...judged, problem: messages().sheet.pickInBand(judgement, band), problemField: 'score' };
  if (!insideBand(pick, result.band, weight))
    return { ...judged, problem: messages().sheet.pickOutside(pick, judgement, band), problemField: 'score' };
  return {
    ...judged,
    score: pick,
    explanation: messages().scoreExplain.picked(result.explanation, fmt(pick)),
  };
}

// What a rule of the domain refuses comes back as its error, to be shown as the problem; anything else is a bug.
function attempt<T>(compute: () => T): T | DomainError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

function evaluateBudget(input: SheetInput, decimals: number): SheetBudget {
  const { executedYuan, annualBudgetYuan, sections } = input;
  const view: SheetBudget = {
    rate: null,
    weight: sections.budget,
    score: null,
    problem: null,
    explanation: null,
  };
  if (executedYuan === null)
    return {
      ...view,
      problem:
        input.scope === 'department' ? messages().sheet.departmentExecuted : messages().sheet.projectExecuted,
    };
  if (!annualBudgetYuan) return { ...view, problem: messages().sheet.noAnnualBudget };
  const score = attempt(() => budgetScore(executedYuan, annualBudgetYuan, sections.budget, decimals));
  if (score instanceof DomainError) return { ...view, problem: score.message };
  const rate = Math.round((executedYuan / annualBudgetYuan) * 10000) / 100;
  return {
    ...view,
    rate,
    score,
    explanation: messages().scoreExplain.budget(
      fmt(executedYuan),
      fmt(annualBudgetYuan),
      rate.toFixed(2),
      fmt(sections.budget),
      fmt(score),
      executedYuan > annualBudgetYuan,
    ),
  };
}
