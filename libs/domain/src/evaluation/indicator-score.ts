import { actualValueIn, splitActual } from '../actual/actual-reading.util';
import type { Actual, Judgement } from '../actual/actual.types';
import { DomainError, DomainErrorCode } from '../errors/domain.error';
import { ZH_CN_MESSAGES as MSG } from '../messages/zh-cn.messages';
import { round2 } from '../shared/number.util';
import type { Target } from '../target/target.types';

// A computed score, or for 定性 indicators the band inside which the evaluator picks the score.
export type IndicatorScore = { score: number } | { band: [number, number] };

// 达成 [0.8W, W]; 部分达成 [0.6W, 0.8W); 未达成 [0, 0.6W) — upper ends other than W are exclusive.
const BAND_SHARES: Readonly<Record<Judgement, [number, number]>> = {
  达成: [0.8, 1],
  部分达成: [0.6, 0.8],
  未达成: [0, 0.6],
};

export function assertWeight(weight: number): void {
  if (!(Number.isFinite(weight) && weight >= 0)) {
    throw new DomainError(DomainErrorCode.InvalidWeight, MSG.error.invalidWeight(weight));
  }
}

/**
 * Self-evaluation score of one indicator with weight W (domain.md §6), never above W nor below 0, rounded to
 * two decimals. 正向: B ≥ A → W else B/A·W. 反向: B ≤ A → W, A < B < 2A → (1 − (B−A)/A)·W, B ≥ 2A → 0.
 * Target 0: B ≤ 0 → W else 0. Range: inside → W. 定性: a band.
 */
export function scoreIndicator(target: Target, actual: Actual, weight: number): IndicatorScore {
  assertWeight(weight);
  return scoreOf(target, actual, weight);
}

// round(share × W, 2), kept at or below W even when W itself has more than two decimals.
function capped(share: number, weight: number): number {
  return Math.min(weight, round2(share * weight));
}

function band(actual: Actual, weight: number): IndicatorScore {
  if (actual.judgement === undefined) {
    throw new DomainError(DomainErrorCode.MissingJudgement, MSG.error.missingJudgement);
  }
  const [low, high] = BAND_SHARES[actual.judgement];
  return { band: [capped(low, weight), capped(high, weight)] };
}

function orBand(actual: Actual, weight: number): IndicatorScore {
  if (actual.judgement === undefined)
    throw new DomainError(DomainErrorCode.MissingActual, MSG.error.missingActual);
  return band(actual, weight);
}

function scoreOf(target: Target, actual: Actual, weight: number): IndicatorScore {
  if (target.operator === 'qualitative') return band(actual, weight);
  if (target.operator === 'all-of') return scoreParts(target, actual, weight);
  const fraction = fractionOf(target, actual);
  return fraction === undefined ? orBand(actual, weight) : { score: capped(fraction, weight) };
}

// Each part of "≥1 场、≥90人" carries an equal share of W; rounding happens once, on the total.
function scoreParts(target: Target, actual: Actual, weight: number): IndicatorScore {
  const pairs = splitActual(target, actual);
  if (!pairs) return band(actual, weight);
  const fractions = pairs.map((pair) => fractionOf(pair.target, pair.actual));
  if (fractions.includes(undefined))
    throw new DomainError(DomainErrorCode.MissingActual, MSG.error.missingActual);
  const earned = fractions.reduce<number>((sum, fraction) => sum + (fraction as number), 0);
  return { score: capped(earned / pairs.length, weight) };
}

// Fraction of W earned, in [0, 1]; undefined when there is nothing to compare and only a judgement can score.
function fractionOf(target: Target, actual: Actual): number | undefined {
  if (target.operator === 'by-date') {
    if (actual.date === undefined || target.deadline === undefined) return undefined;
    return actual.date <= target.deadline ? 1 : 0;
  }
  const value = actualValueIn(target, actual);
  if (value === undefined) return undefined;
  return Math.min(1, Math.max(0, shareOf(target, value)));
}

const higherShare = (value: number, expected: number): number => (value >= expected ? 1 : value / expected);

const lowerShare = (value: number, expected: number): number =>
  value <= expected ? 1 : value >= 2 * expected ? 0 : 1 - (value - expected) / expected;

// Fraction of W earned by a numeric actual, before clamping to [0, 1].
function shareOf(target: Target, value: number): number {
  if (target.operator === 'between') {
    // parseTarget always sets min and max on 'between'.
    const min = target.min as number;
    const max = target.max as number;
    return value < min ? higherShare(value, min) : lowerShare(value, max);
  }
  const expected = target.value as number; // actualValueIn gives a value only for comparable targets
  if (target.accumulation === 'zero-tolerance' || expected === 0) return value <= 0 ? 1 : 0;
  if (target.direction === 'lower') return lowerShare(value, expected);
  // A standard (=) loses on either side: below as 正向, above as 反向.
  if (target.direction === 'exact' && value > expected) return lowerShare(value, expected);
  return higherShare(value, expected);
}
