import { actualValueIn, splitActual } from '../actual/actual-reading.util';
import type { Actual, Judgement, Likelihood } from '../actual/actual.types';
import { aboutField } from '../errors/domain.error';
import { meetsTarget, sameValue } from '../evaluation/meets-target';
import { ZH_CN_MESSAGES as MSG } from '../messages/zh-cn.messages';
import { denoise, formatNumber } from '../shared/number.util';
import type { Target } from '../target/target.types';
import type { Light, LightResult, Thresholds } from './light.types';
import { assertMonth, progressLight, resolveThresholds, worstLight } from './thresholds.util';

const R = MSG.reason;

// One monitoring report (双监控) of an indicator for month m of 12.
export interface LightInput {
  month: number;
  reported: boolean;
  actual?: Actual; // 截至本期完成值
  forecast?: Actual; // 全年预计完成值
  likelihood?: Likelihood; // 完成目标可能性
}

const JUDGEMENT_LIGHTS: Readonly<Record<Judgement, Light>> = {
  达成: 'green',
  部分达成: 'yellow',
  未达成: 'red',
};

/**
 * The warning light of one indicator in month m (domain.md §5), with a Chinese reason for the user.
 * Not reported → grey; 完全不可能 → red; otherwise the actual decides, and a forecast that misses the target
 * turns green or blue into yellow.
 */
export function lightFor(target: Target, input: LightInput, thresholds?: Partial<Thresholds>): LightResult {
  assertMonth(input.month);
  const limits = resolveThresholds(thresholds);
  if (!input.reported) return { light: 'grey', reason: R.notReported };
  if (input.likelihood === '完全不可能') return { light: 'red', reason: R.impossible };
  const { actual, forecast } = input;
  // A value that does not fit the target (e.g. one number for a two-part target) is refused on its own field.
  const current: LightResult =
    actual === undefined
      ? { light: 'yellow', reason: R.missingActual }
      : aboutField('actual', () => evaluate(target, actual, input.month, limits));
  const forecastShort =
    forecast !== undefined && aboutField('forecast', () => meetsTarget(target, forecast)) === false;
  if (forecastShort && (current.light === 'green' || current.light === 'blue')) {
    return { light: 'yellow', reason: `${current.reason}；${R.forecastShort}` };
  }
  return current;
}

function evaluate(target: Target, actual: Actual, month: number, limits: Thresholds): LightResult {
  switch (target.operator) {
    case 'qualitative':
      return byJudgement(actual) ?? { light: 'yellow', reason: R.needsJudgement };
    case 'all-of':
      return byParts(target, actual, month, limits);
    case 'by-date':
      return byDeadline(target, actual, month);
    default:
      return byValue(target, actual, month, limits);
  }
}

function byJudgement(actual: Actual): LightResult | undefined {
  if (actual.judgement === undefined) return undefined;
  const light = JUDGEMENT_LIGHTS[actual.judgement];
  return { light, reason: R.judgement(actual.judgement, light) };
}

function byParts(target: Target, actual: Actual, month: number, limits: Thresholds): LightResult {
  const pairs = splitActual(target, actual);
  if (!pairs) return byJudgement(actual) as LightResult; // splitActual only gives up on a judgement
  const results = pairs.map((pair) => evaluate(pair.target, pair.actual, month, limits));
  return {
    light: worstLight(results.map((result) => result.light)),
    reason: R.parts(results.map((r) => r.reason)),
  };
}

// Deadlines are assumed to fall in the monitored year, so month m is compared with the deadline's month.
function byDeadline(target: Target, actual: Actual, month: number): LightResult {
  const deadline = target.deadline;
  if (deadline === undefined) return byJudgement(actual) ?? { light: 'yellow', reason: R.needsJudgement };
  if (actual.date !== undefined) {
    return actual.date <= deadline
      ? { light: 'green', reason: R.doneInTime(actual.date, deadline) }
      : { light: 'red', reason: R.doneLate(actual.date, deadline) };
  }
  const judged = byJudgement(actual);
  if (judged) return judged;
  return month > Number(deadline.slice(5, 7))
    ? { light: 'red', reason: R.overdue(deadline) }
    : { light: 'green', reason: R.pending(deadline) };
}

function byValue(target: Target, actual: Actual, month: number, limits: Thresholds): LightResult {
  // 稳步增长 without a previous value: only the reporter's judgement can tell.
  if (target.operator !== 'between' && target.value === undefined) {
    return byJudgement(actual) ?? { light: 'yellow', reason: R.needsJudgement };
  }
  const value = actualValueIn(target, actual);
  if (value === undefined) return byJudgement(actual) ?? { light: 'yellow', reason: R.missingActual };
  const shown = (amount: number): string => `${formatNumber(amount)}${target.unit ?? ''}`;
  if (target.accumulation === 'zero-tolerance') {
    return value > 0
      ? { light: 'red', reason: R.zeroBroken(shown(value)) }
      : { light: 'green', reason: R.zeroKept };
  }
  if (target.operator === 'between') return byRange(target, value, month, limits, shown);
  const expected = target.value as number; // checked above
  if (target.direction === 'lower') {
    const within = target.operator === '<' ? value < expected : value <= expected;
    return within
      ? { light: 'green', reason: R.withinCeiling(shown(value), shown(expected)) }
      : { light: 'red', reason: R.overCeiling(shown(value), shown(expected)) };
  }
  if (target.direction === 'exact') {
    return sameValue(value, expected)
      ? { light: 'green', reason: R.equalsStandard(shown(value), shown(expected)) }
      : { light: 'red', reason: R.offStandard(shown(value), shown(expected)) };
  }
  if (target.accumulation === 'relative') {
    const met = target.operator === '>' ? value > expected : value >= expected;
    const progress = denoise((value / expected) * 100);
    if (met) return { light: 'green', reason: R.progress(R.levelLabel, progress, 'green', limits) };
    const light: Light = progress < limits.yellowFrom ? 'red' : 'yellow';
    return { light, reason: R.belowBaseline(shown(value), shown(expected), light) };
  }
  return byProgress(expected, value, month, limits, target.accumulation === 'cumulative', true);
}

function byRange(
  target: Target,
  value: number,
  month: number,
  limits: Thresholds,
  shown: (amount: number) => string,
): LightResult {
  // parseTarget always sets min and max on 'between'.
  const min = target.min as number;
  const max = target.max as number;
  if (value > max) return { light: 'red', reason: R.aboveRange(shown(value), shown(max)) };
  if (value >= min) return { light: 'green', reason: R.withinRange(shown(value), shown(min), shown(max)) };
  return byProgress(min, value, month, limits, target.accumulation === 'cumulative', false);
}

/**
 * v = actual ÷ (target × m/12) × 100 for counts that add up over the year, or actual ÷ target × 100 for levels
 * (rates), then red < 60 ≤ yellow < 80 ≤ green < 120 ≤ blue. Blue ("ahead of pace") exists only for counts.
 */
function byProgress(
  expected: number,
  value: number,
  month: number,
  limits: Thresholds,
  cumulative: boolean,
  allowBlue: boolean,
): LightResult {
  const progress = denoise(cumulative ? (value * 1200) / (expected * month) : (value / expected) * 100);
  const light = progressLight(progress, limits, cumulative && allowBlue);
  return { light, reason: R.progress(cumulative ? R.progressLabel : R.levelLabel, progress, light, limits) };
}
