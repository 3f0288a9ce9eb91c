import {
  type ConsistencyWarning,
  DomainError,
  type Grade,
  type Judgement,
  type WeightCheck,
  budgetScore,
  consistencyWarning,
  gradeFor,
  level1For,
  parseActual,
  scoreIndicator,
  validateWeights,
} from '@jixiao/domain';

import type { EvaluationItem, SelfEvaluation } from './self-evaluation.models';

/** What the user has typed into one indicator row (or what is stored, before any typing). */
export interface ItemDraft {
  readonly actual: string;
  readonly weight: number | null;
  readonly score: number | null; // the 定性 pick
  readonly deviation: string;
}

/** One row as the sheet shows it while typing: every number from libs/domain, as the API computes it. */
export interface ItemPreview {
  readonly score: number | null;
  /** 定性: the band the pick must lie in, and whether its upper end is included. */
  readonly band: readonly [number, number] | null;
  readonly bandClosed: boolean;
  readonly judgement: Judgement | null;
  /** Why there is no score yet: a Chinese sentence (domain errors keep their own words). */
  readonly problem: string | null;
}

export interface PreviewTexts {
  readonly noActual: string;
  readonly outOfBand: (band: string) => string;
}

export interface EvaluationPreview {
  readonly items: readonly ItemPreview[];
  readonly weightCheck: WeightCheck;
  readonly budgetScore: number | null;
  readonly rate: number | null;
  readonly indicatorScore: number;
  readonly total: number | null;
  readonly grade: Grade | null;
  readonly consistency: ConsistencyWarning | null;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
const sum = (values: readonly number[]): number =>
  Math.round(values.reduce((total, value) => total + Math.round(value * 100), 0)) / 100;

/** The 一级 an indicator scores under (the 二级 name decides, as in the API). */
export const level1Of = (item: Pick<EvaluationItem, 'level1' | 'level2'>): string =>
  level1For(item.level2) ?? item.level1;

/** "[8, 10]" or "[6, 8)". */
export function bandText(band: readonly [number, number], closed: boolean): string {
  return `[${band[0]}, ${band[1]}${closed ? ']' : ')'}`;
}

/** A pick inside a band: 达成 [0.8W, W]; the lower bands exclude their upper end. */
export function insideBand(pick: number, band: readonly [number, number], closed: boolean): boolean {
  return pick >= band[0] && (closed ? pick <= band[1] : pick < band[1]);
}

/** The stored state of a row, as the first draft. */
export function draftOf(item: EvaluationItem): ItemDraft {
  return {
    actual: item.actual ?? '',
    weight: item.weight,
    score: item.pickedScore,
    deviation: item.deviationAnalysis ?? '',
  };
}

export function previewItem(item: EvaluationItem, draft: ItemDraft, texts: PreviewTexts): ItemPreview {
  const none = { score: null, band: null, bandClosed: false, judgement: null };
  if (!item.target) return { ...none, problem: item.problem };
  const actual = draft.actual.trim();
  if (!actual) return { ...none, problem: texts.noActual };
  const weight = draft.weight ?? item.weight;
  try {
    const reading = parseActual(actual, item.target);
    const result = scoreIndicator(item.target, reading, weight);
    if ('score' in result) return { ...none, score: result.score, problem: null };
    const band = result.band;
    const closed = band[1] === weight || band[0] === band[1];
    const judged = { band, bandClosed: closed, judgement: reading.judgement ?? null };
    if (draft.score === null)
      return { ...judged, score: null, problem: texts.outOfBand(bandText(band, closed)) };
    return insideBand(draft.score, band, closed)
      ? { ...judged, score: draft.score, problem: null }
      : { ...judged, score: null, problem: texts.outOfBand(bandText(band, closed)) };
  } catch (error) {
    if (error instanceof DomainError) return { ...none, problem: error.message };
    throw error;
  }
}

/**
 * The whole sheet while typing: 得分 per row, the weight check, the budget score, 总分, 等级 and the consistency
 * warning, with the same rules and the same order of rounding as the API.
 */
export function previewEvaluation(
  evaluation: SelfEvaluation,
  drafts: readonly ItemDraft[],
  executedYuan: number | null,
  texts: PreviewTexts,
): EvaluationPreview {
  const items = evaluation.items.map((item, index) =>
    previewItem(item, drafts[index] ?? draftOf(item), texts),
  );
  const weightCheck = validateWeights(
    evaluation.items.map((item, index) => ({
      level1: level1Of(item),
      weight: drafts[index]?.weight ?? item.weight,
    })),
    evaluation.sections,
  );
  const annual = evaluation.budget.annualBudgetYuan;
  const budgetWeight = evaluation.sections.budget;
  let budget: number | null = null;
  let rate: number | null = null;
  if (executedYuan !== null && annual) {
    try {
      budget = budgetScore(executedYuan, annual, budgetWeight);
      rate = round2((executedYuan / annual) * 100);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  const scored = items.filter((item) => item.score !== null).map((item) => item.score as number);
  const indicatorScore = sum(scored);
  const allScored = scored.length === items.length;
  const total = allScored && budget !== null && weightCheck.valid ? sum([budget, indicatorScore]) : null;
  return {
    items,
    weightCheck,
    budgetScore: budget,
    rate,
    indicatorScore,
    total,
    grade: total === null ? null : gradeFor(total),
    consistency:
      allScored && budget !== null ? consistencyWarning(indicatorScore, budget, budgetWeight) : null,
  };
}
