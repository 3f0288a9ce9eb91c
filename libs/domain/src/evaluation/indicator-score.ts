import { actualValueIn, splitActual } from '../actual/actual-reading.util';
import type { Actual } from '../actual/actual.types';
import { DomainError, DomainErrorCode } from '../errors/domain.error';
import { messages } from '../messages/domain-messages';
import { DEFAULT_SCORING_PROFILE, type LowerFormula, type ScoringProfile } from '../rules/rule-settings';
import { formatNumber } from '../shared/number.util';
import type { Target } from '../target/target.types';

// A computed score, or for 定性 indicators the band inside which the evaluator picks the score.
export type IndicatorScore = { score: number } | { band: [number, number] };

// The same, with the formula and its figures in Chinese (得分 = 10 × 180 ÷ 200 = 9).
export type ExplainedScore = IndicatorScore & { explanation: string };

/** What of the scoring profile (a setting stored with each evaluation) scores one indicator. */
export type IndicatorScoring = Pick<ScoringProfile, 'lowerFormula' | 'qualitativeBands' | 'decimals'>;

export function assertWeight(weight: number): void {
  if (!(Number.isFinite(weight) && weight >= 0)) {
    throw new DomainError(DomainErrorCode.InvalidWeight, messages().error.invalidWeight(weight));
  }
}

/**
 * Self-evaluation score of one indicator with weight W (docs/domain.md §6), never above W nor below 0, rounded to
 * two decimals. 正向: B ≥ A → W else B/A·W. 反向: B ≤ A → W, A < B < 2A → (1 − (B−A)/A)·W, B ≥ 2A → 0.
 * Target 0: B ≤ 0 → W else 0. Range: inside → W. 定性: a band.
 */
export function scoreIndicator(
  target: Target,
  actual: Actual,
  weight: number,
  profile: IndicatorScoring = DEFAULT_SCORING_PROFILE,
): IndicatorScore {
  const { explanation: _explanation, ...result } = explainScore(target, actual, weight, profile);
  return result;
}

/**
 * scoreIndicator with the explanation of how the score (or the band) came about. The profile (a setting) picks
 * the 反向 formula, the 定性 bands and the rounding; national by default.
 */
export function explainScore(
  target: Target,
  actual: Actual,
  weight: number,
  profile: IndicatorScoring = DEFAULT_SCORING_PROFILE,
): ExplainedScore {
  assertWeight(weight);
  return scoreOf(target, actual, weight, profile);
}

/** Rounds half up at `decimals` decimals as a person would (2 → round2). */
export function roundScore(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(Number((value * factor).toPrecision(15))) / factor;
}

// round(share × W), kept at or below W even when W itself has more decimals than the rounding.
function capped(share: number, weight: number, decimals: number): number {
  return Math.min(weight, roundScore(share * weight, decimals));
}

const fmt = (value: number): string => formatNumber(value);
// A share as a person reads it: four decimals at most.
const fmtShare = (share: number): string => fmt(Math.round(share * 10000) / 10000);

// "[8, 10]" or "[6, 8)": a band as the evaluator must read it; the upper end is open unless it is W.
export function bandClosed(band: readonly [number, number], weight: number): boolean {
  return band[1] === weight || band[0] === band[1];
}

export function bandText(band: readonly [number, number], weight: number): string {
  return `[${band[0]}, ${band[1]}${bandClosed(band, weight) ? ']' : ')'}`;
}

/** Whether an evaluator's pick lies inside a 定性 band (upper end open unless it is W). */
export function insideBand(pick: number, band: readonly [number, number], weight: number): boolean {
  return pick >= band[0] && (bandClosed(band, weight) ? pick <= band[1] : pick < band[1]);
}

function band(actual: Actual, weight: number, profile: IndicatorScoring): ExplainedScore {
  if (actual.judgement === undefined) {
    throw new DomainError(DomainErrorCode.MissingJudgement, messages().error.missingJudgement);
  }
  const [low, high] = profile.qualitativeBands[actual.judgement];
  const range: [number, number] = [
    capped(low, weight, profile.decimals),
    capped(high, weight, profile.decimals),
  ];
  return {
    band: range,
    explanation: messages().scoreExplain.band(actual.judgement, bandText(range, weight)),
  };
}

function orBand(actual: Actual, weight: number, profile: IndicatorScoring): ExplainedScore {
  if (actual.judgement === undefined)
    throw new DomainError(DomainErrorCode.MissingActual, messages().error.missingActual);
  return band(actual, weight, profile);
}

// How much of W an actual earned: the share, and either the formula giving it or why it is all or nothing.
interface Earned {
  share: number;
  formula?: string;
  reason?: string;
}

function scoreOf(target: Target, actual: Actual, weight: number, profile: IndicatorScoring): ExplainedScore {
  if (target.operator === 'qualitative') return band(actual, weight, profile);
  if (target.operator === 'all-of') return scoreParts(target, actual, weight, profile);
  const earned = fractionOf(target, actual, profile);
  if (earned === undefined) return orBand(actual, weight, profile);
  const score = capped(clamp(earned.share), weight, profile.decimals);
  return { score, explanation: explainEarned(earned, weight, score) };
}

const clamp = (share: number): number => Math.min(1, Math.max(0, share));

function explainEarned(earned: Earned, weight: number, score: number): string {
  if (earned.formula === undefined)
    return messages().scoreExplain.allOrNothing(earned.reason as string, fmt(score));
  return messages().scoreExplain.formula(fmt(weight), earned.formula, fmt(score), earned.share < 0);
}

// Each part of "≥1 场、≥90人" carries an equal share of W; rounding happens once, on the total.
function scoreParts(
  target: Target,
  actual: Actual,
  weight: number,
  profile: IndicatorScoring,
): ExplainedScore {
  const pairs = splitActual(target, actual);
  if (!pairs) return band(actual, weight, profile);
  const parts = pairs.map((pair) => fractionOf(pair.target, pair.actual, profile));
  if (parts.includes(undefined))
    throw new DomainError(DomainErrorCode.MissingActual, messages().error.missingActual);
  const shares = (parts as Earned[]).map((part) => clamp(part.share));
  const earned = shares.reduce<number>((sum, share) => sum + share, 0);
  const score = capped(earned / pairs.length, weight, profile.decimals);
  const steps = (parts as Earned[]).map((part, index) =>
    part.formula === undefined
      ? `${part.reason} → ${fmtShare(shares[index])}`
      : `${part.formula} = ${fmtShare(shares[index])}`,
  );
  return {
    score,
    explanation: messages().scoreExplain.parts(steps, fmt(weight), shares.map(fmtShare), fmt(score)),
  };
}

// Fraction of W earned, before clamping to [0, 1]; undefined when there is nothing to compare and only a
// judgement can score.
function fractionOf(target: Target, actual: Actual, profile: IndicatorScoring): Earned | undefined {
  if (target.operator === 'by-date') {
    if (actual.date === undefined || target.deadline === undefined) return undefined;
    const onTime = actual.date <= target.deadline;
    return {
      share: onTime ? 1 : 0,
      reason: messages().scoreExplain.byDate(actual.date, target.deadline, onTime),
    };
  }
  const value = actualValueIn(target, actual);
  if (value === undefined) return undefined;
  return shareOf(target, value, profile.lowerFormula);
}

function higherShare(value: number, expected: number, unit: string): Earned {
  return value >= expected
    ? { share: 1, reason: messages().scoreExplain.reached(fmt(value) + unit, fmt(expected) + unit) }
    : { share: value / expected, formula: `${fmt(value)} ÷ ${fmt(expected)}` };
}

function lowerShare(value: number, expected: number, unit: string, formula: LowerFormula): Earned {
  if (value <= expected)
    return { share: 1, reason: messages().scoreExplain.notAbove(fmt(value) + unit, fmt(expected) + unit) };
  // Some local forms score 反向 as A ÷ B × W: never zero, a gentler slope.
  if (formula === 'ratio') return { share: expected / value, formula: `${fmt(expected)} ÷ ${fmt(value)}` };
  if (value >= 2 * expected)
    return { share: 0, reason: messages().scoreExplain.doubled(fmt(value) + unit, fmt(expected) + unit) };
  return {
    share: 1 - (value - expected) / expected,
    formula: `(1 − (${fmt(value)} − ${fmt(expected)}) ÷ ${fmt(expected)})`,
  };
}

// Fraction of W earned by a numeric actual, before clamping to [0, 1].
function shareOf(target: Target, value: number, formula: LowerFormula): Earned {
  const unit = target.unit ?? '';
  if (target.operator === 'between') {
    // parseTarget always sets min and max on 'between'.
    const min = target.min as number;
    const max = target.max as number;
    if (value >= min && value <= max)
      return {
        share: 1,
        reason: messages().scoreExplain.inside(fmt(value) + unit, fmt(min), fmt(max) + unit),
      };
    return value < min ? higherShare(value, min, unit) : lowerShare(value, max, unit, formula);
  }
  const expected = target.value as number; // actualValueIn gives a value only for comparable targets
  if (target.accumulation === 'zero-tolerance' || expected === 0)
    return { share: value <= 0 ? 1 : 0, reason: messages().scoreExplain.zero(fmt(value) + unit, value <= 0) };
  if (target.direction === 'lower') return lowerShare(value, expected, unit, formula);
  // A standard (=) loses on either side: below as 正向, above as 反向.
  if (target.direction === 'exact' && value > expected) return lowerShare(value, expected, unit, formula);
  return higherShare(value, expected, unit);
}
