import { actualValueIn, splitActual } from '../actual/actual-reading.util';
import type { Actual, Judgement, Likelihood } from '../actual/actual.types';
import { parseActual } from '../actual/actual-parser';
import { aboutField, DomainError } from '../errors/domain.error';
import { meetsTarget, sameValue } from '../evaluation/meets-target';
import { messages } from '../messages/domain-messages';
import type { DomainMessages } from '../messages/zh-cn.messages';
import { denoise, formatNumber } from '../shared/number.util';
import type { RuleSettings } from '../rules/rule-settings';
import type { Target } from '../target/target.types';
import { expectedByNow } from './expected-progress';
import type { Light, Thresholds } from './light.types';
import { notReportedReason, periodOf } from './reporting-calendar';
import { assertMonth, progressLight, resolveThresholds, worstLight } from './thresholds.util';

const R = (): DomainMessages['reason'] => messages().reason;
const X = (): DomainMessages['explain'] => messages().explain;

// One monitoring report (双监控) of an indicator, as understood against its target.
export interface ReportReading {
  actual?: Actual; // 截至本期完成值
  forecast?: Actual; // 全年预计完成值
  likelihood?: Likelihood; // 完成目标可能性
}

// The month the light is for; `today` (YYYY-MM-DD) tells an overdue missing report from one not yet due.
export interface StatusAsOf {
  year: number;
  month: number;
  today?: string;
}

export interface StatusOptions {
  thresholds?: Partial<Thresholds> | null; // the indicator's own, over the defaults
  dueDay?: number; // day of the following month a report is due (a setting)
  rules?: Pick<RuleSettings, 'thresholds'>; // the department-year's settings; national by default
}

/** The light of one indicator with why (reason), the figures (progress v, 应完成值) and the formula filled in. */
export interface IndicatorStatus {
  light: Light;
  reason: string;
  progress: number | null; // v, truncated to one decimal as shown in the explanation
  expected: number | null; // 应完成值 by the month, in the target's base unit
  explanation: string;
}

interface Verdict {
  light: Light;
  reason: string;
  explanation: string;
  progress?: number;
}

const JUDGEMENT_LIGHTS: Readonly<Record<Judgement, Light>> = {
  达成: 'green',
  部分达成: 'yellow',
  未达成: 'red',
};

/** A target the rules cannot compare with: missing, or kept as written because it could not be read. */
export function isReadable(target: Target | null | undefined): target is Target {
  return target !== null && target !== undefined && target.confidence !== 'unparsed';
}

/**
 * The warning light of one indicator as of month m (docs/domain.md §5). No report → grey (未填报); a target that
 * cannot be read → undetermined (无法判定); 完全不可能 → red; otherwise the actual decides, and a forecast
 * that misses the target turns green or blue into yellow. A value that does not fit the target is refused on
 * its own field (DomainError about 'actual' or 'forecast').
 */
export function indicatorStatus(
  target: Target | null,
  report: ReportReading | null,
  asOf: StatusAsOf,
  options: StatusOptions = {},
): IndicatorStatus {
  assertMonth(asOf.month);
  const limits = resolveThresholds(options.thresholds ?? undefined, options.rules?.thresholds);
  const expected = isReadable(target) ? (expectedByNow(target, asOf.month) ?? null) : null;
  const verdict = judge(target, report, asOf, limits, options.dueDay);
  const progress = verdict.progress === undefined ? null : Number(X().oneDecimal(verdict.progress));
  return {
    light: verdict.light,
    reason: verdict.reason,
    progress,
    expected,
    explanation: verdict.explanation,
  };
}

function judge(
  target: Target | null,
  report: ReportReading | null,
  asOf: StatusAsOf,
  limits: Thresholds,
  dueDay: number | undefined,
): Verdict {
  const period = periodOf(asOf.year, asOf.month);
  if (report === null) {
    const reason = asOf.today === undefined ? R().notReported : notReportedReason(period, asOf.today, dueDay);
    return { light: 'grey', reason, explanation: X().notReported(period) };
  }
  if (!isReadable(target)) {
    // The type guard leaves `null` here, but an unparsed target lands here too and its text is worth showing.
    const raw = (target as Target | null)?.raw ?? '';
    return { light: 'undetermined', reason: R().undetermined, explanation: X().undetermined(raw) };
  }
  if (report.likelihood === '完全不可能')
    return { light: 'red', reason: R().impossible, explanation: X().impossible };
  const { actual, forecast } = report;
  const current: Verdict =
    actual === undefined
      ? { light: 'yellow', reason: R().missingActual, explanation: X().missingActual }
      : aboutField('actual', () => evaluate(target, actual, asOf.month, limits));
  const forecastShort =
    forecast !== undefined && aboutField('forecast', () => meetsTarget(target, forecast)) === false;
  if (forecastShort && (current.light === 'green' || current.light === 'blue')) {
    return {
      ...current,
      light: 'yellow',
      reason: X().steps([current.reason, R().forecastShort]),
      explanation: X().forecastShort(current.explanation, forecast.raw),
    };
  }
  return current;
}

function evaluate(target: Target, actual: Actual, month: number, limits: Thresholds): Verdict {
  switch (target.operator) {
    case 'qualitative':
      return byJudgement(actual) ?? needsJudgement();
    case 'all-of':
      return byParts(target, actual, month, limits);
    case 'by-date':
      return byDeadline(target, actual, month);
    default:
      return byValue(target, actual, month, limits);
  }
}

const needsJudgement = (): Verdict => ({
  light: 'yellow',
  reason: R().needsJudgement,
  explanation: X().needsJudgement,
});

function byJudgement(actual: Actual): Verdict | undefined {
  if (actual.judgement === undefined) return undefined;
  const light = JUDGEMENT_LIGHTS[actual.judgement];
  return {
    light,
    reason: R().judgement(actual.judgement, light),
    explanation: X().judgement(actual.judgement, light),
  };
}

function byParts(target: Target, actual: Actual, month: number, limits: Thresholds): Verdict {
  const pairs = splitActual(target, actual);
  if (!pairs) return byJudgement(actual) as Verdict; // splitActual only gives up on a judgement
  const results = pairs.map((pair) => evaluate(pair.target, pair.actual, month, limits));
  const light = worstLight(results.map((result) => result.light));
  return {
    light,
    reason: R().parts(results.map((r) => r.reason)),
    explanation: X().worstOfParts(
      results.map((r, index) => X().part(index, r.explanation)),
      light,
    ),
  };
}

// Deadlines are assumed to fall in the monitored year, so month m is compared with the deadline's month.
function byDeadline(target: Target, actual: Actual, month: number): Verdict {
  const deadline = target.deadline;
  if (deadline === undefined) return byJudgement(actual) ?? needsJudgement();
  if (actual.date !== undefined) {
    const light: Light = actual.date <= deadline ? 'green' : 'red';
    return {
      light,
      reason: light === 'green' ? R().doneInTime(actual.date, deadline) : R().doneLate(actual.date, deadline),
      explanation: X().compare(
        X().term.doneOn(actual.date),
        light === 'green' ? '≤' : '>',
        X().term.deadline(deadline),
        light,
      ),
    };
  }
  const judged = byJudgement(actual);
  if (judged) return judged;
  return month > Number(deadline.slice(5, 7))
    ? { light: 'red', reason: R().overdue(deadline), explanation: X().deadlineOverdue(month, deadline) }
    : { light: 'green', reason: R().pending(deadline), explanation: X().deadlinePending(month, deadline) };
}

function byValue(target: Target, actual: Actual, month: number, limits: Thresholds): Verdict {
  // 稳步增长 without a previous value: only the reporter's judgement can tell.
  if (target.operator !== 'between' && target.value === undefined) {
    return byJudgement(actual) ?? needsJudgement();
  }
  const value = actualValueIn(target, actual);
  if (value === undefined)
    return (
      byJudgement(actual) ?? { light: 'yellow', reason: R().missingActual, explanation: X().missingActual }
    );
  const shown = (amount: number): string => `${formatNumber(amount)}${target.unit ?? ''}`;
  if (target.accumulation === 'zero-tolerance') {
    const light: Light = value > 0 ? 'red' : 'green';
    return {
      light,
      reason: light === 'red' ? R().zeroBroken(shown(value)) : R().zeroKept,
      explanation: X().zero(shown(value), light),
    };
  }
  if (target.operator === 'between') return byRange(target, value, month, limits, shown);
  const expected = target.value as number; // checked above
  if (target.direction === 'lower') {
    const strict = target.operator === '<';
    const within = strict ? value < expected : value <= expected;
    const light: Light = within ? 'green' : 'red';
    const sign = within ? (strict ? '<' : '≤') : strict ? '≥' : '>';
    return {
      light,
      reason: within
        ? R().withinCeiling(shown(value), shown(expected))
        : R().overCeiling(shown(value), shown(expected)),
      explanation: X().compare(X().term.actual(shown(value)), sign, X().term.ceiling(shown(expected)), light),
    };
  }
  if (target.direction === 'exact') {
    const same = sameValue(value, expected);
    const light: Light = same ? 'green' : 'red';
    return {
      light,
      reason: same
        ? R().equalsStandard(shown(value), shown(expected))
        : R().offStandard(shown(value), shown(expected)),
      explanation: X().compare(
        X().term.actual(shown(value)),
        same ? '=' : '≠',
        X().term.standard(shown(expected)),
        light,
      ),
    };
  }
  if (target.accumulation === 'relative') return byBaseline(target, value, expected, limits, shown);
  return byProgress(expected, value, month, limits, target.accumulation === 'cumulative', true);
}

// 稳步增长: compared with the previous year's value; below it, the completion ratio tells yellow from red.
function byBaseline(
  target: Target,
  value: number,
  baseline: number,
  limits: Thresholds,
  shown: (amount: number) => string,
): Verdict {
  const strict = target.operator === '>';
  const met = strict ? value > baseline : value >= baseline;
  const progress = denoise((value / baseline) * 100);
  const ratio = X().ratio(R().levelLabel, formatNumber(value), formatNumber(baseline), progress);
  if (met) {
    return {
      light: 'green',
      reason: R().progress(R().levelLabel, progress, 'green', limits),
      explanation: X().steps([
        ratio,
        X().compare(
          X().term.actual(shown(value)),
          strict ? '>' : '≥',
          X().term.baseline(shown(baseline)),
          'green',
        ),
      ]),
      progress,
    };
  }
  const light: Light = progress < limits.yellowFrom ? 'red' : 'yellow';
  return {
    light,
    reason: R().belowBaseline(shown(value), shown(baseline), light),
    explanation: X().steps([ratio, X().belowBaseline(shown(baseline), progress, light, limits)]),
    progress,
  };
}

function byRange(
  target: Target,
  value: number,
  month: number,
  limits: Thresholds,
  shown: (amount: number) => string,
): Verdict {
  // parseTarget always sets min and max on 'between'.
  const min = target.min as number;
  const max = target.max as number;
  if (value > max)
    return {
      light: 'red',
      reason: R().aboveRange(shown(value), shown(max)),
      explanation: X().compare(X().term.actual(shown(value)), '>', X().term.ceiling(shown(max)), 'red'),
    };
  if (value >= min)
    return {
      light: 'green',
      reason: R().withinRange(shown(value), shown(min), shown(max)),
      explanation: X().range(shown(min), shown(value), shown(max)),
    };
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
): Verdict {
  const progress = denoise(cumulative ? (value * 1200) / (expected * month) : (value / expected) * 100);
  const blue = cumulative && allowBlue;
  const light = progressLight(progress, limits, blue);
  const label = cumulative ? R().progressLabel : R().levelLabel;
  const formula = cumulative
    ? X().cumulative(label, formatNumber(value), formatNumber(expected), month, progress)
    : X().ratio(label, formatNumber(value), formatNumber(expected), progress);
  return {
    light,
    reason: R().progress(label, progress, light, limits),
    explanation: X().steps([formula, X().band(progress, light, limits, blue)]),
    progress,
  };
}

// A report as stored: the text the lead typed, read again against the target in force.
export interface StoredReport {
  actualRaw: string;
  forecastRaw: string | null;
  likelihood: Likelihood | null;
}

export interface RestatedReport extends IndicatorStatus {
  actual?: Actual;
  forecast?: Actual;
}

/**
 * Re-evaluates a stored report after its target or thresholds changed (a light is never stale). A value that no
 * longer fits the corrected target cannot be compared: the report becomes undetermined (无法判定) instead of
 * failing the correction.
 */
export function restateReport(
  target: Target | null,
  stored: StoredReport,
  asOf: StatusAsOf,
  options: StatusOptions = {},
): RestatedReport {
  assertMonth(asOf.month); // settings errors are not the report's fault: they throw
  resolveThresholds(options.thresholds ?? undefined, options.rules?.thresholds);
  const readable = isReadable(target) ? target : undefined;
  try {
    const actual = parseActual(stored.actualRaw, readable);
    const forecast = stored.forecastRaw ? parseActual(stored.forecastRaw, readable) : undefined;
    const reading: ReportReading = { actual, forecast, likelihood: stored.likelihood ?? undefined };
    return { ...indicatorStatus(target, reading, asOf, options), actual, forecast };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      light: 'undetermined',
      reason: R().unreadableActual(error.message),
      progress: null,
      // Only a readable target can refuse a value, so `readable` is set here.
      expected: expectedByNow(readable as Target, asOf.month) ?? null,
      explanation: X().unreadableActual(stored.actualRaw),
    };
  }
}
