import type { Likelihood } from '../actual/actual.types';
import { messages } from '../messages/domain-messages';
import type { DomainMessages } from '../messages/zh-cn.messages';
import { formatNumber, round2 } from '../shared/number.util';
import type { Target } from '../target/target.types';
import { budgetStatus } from './budget-status';
import { indicatorStatus, isReadable } from './indicator-status';
import type { RuleSettings } from '../rules/rule-settings';
import type { Light, Thresholds } from './light.types';
import { assertMonth, worstLight } from './thresholds.util';

const P = (): DomainMessages['projection'] => messages().projection;

/**
 * 年末预测 methods (docs/domain.md §10): pace of the year so far, the recent trend, last year's monthly profile,
 * the lead's own 全年预计.
 */
export const PROJECTION_METHODS = ['pace', 'trend', 'profile', 'forecast'] as const;
export type ProjectionMethod = (typeof PROJECTION_METHODS)[number];

/** One month of the series: the value reported for month `month` (year to date for counts), null when none. */
export interface SeriesPoint {
  month: number;
  value: number | null;
}

export interface ProjectionOptions {
  year: number;
  month: number; // the month the view is as of; later points are ignored
  forecast?: number | null; // 全年预计 of the latest report, in the target's base unit
  lastYear?: readonly (number | null)[] | null; // last year's values, January first, read the same way
  thresholds?: Partial<Thresholds> | null; // the indicator's own, as for its monitoring light
  rules?: Pick<RuleSettings, 'thresholds' | 'budgetCheckpoints'>; // the department-year's; national by default
  trendWindow?: number; // months (≥ 1) the recent trend looks at (a setting, default 3)
  trendTolerance?: number; // % of the target by which the trend must depart from the pace to be used (default 10)
}

/** A projected year-end value, its range over the methods, the method chosen and the light it would earn. */
export interface YearEndProjection {
  value: number;
  low: number;
  high: number;
  method: ProjectionMethod;
  light: Light;
  likelihood: Likelihood; // the 完成目标可能性 the range suggests (proposed to the lead)
  explanation: string;
}

/** A projection, or null with why none applies (定性, deadlines, several parts, nothing reported yet). */
export type ProjectionResult = { projection: YearEndProjection } | { projection: null; reason: string };

export const DEFAULT_TREND_WINDOW = 3;
export const DEFAULT_TREND_TOLERANCE = 10;

interface Candidate {
  method: ProjectionMethod;
  value: number;
  /** Written only when a full projection is explained (projectedYearEndLight never needs it). */
  formula: () => string;
}

interface Projected {
  chosen: Candidate;
  candidates: Candidate[];
  why: string;
}

const shown = (value: number): string => formatNumber(round2(value));

/**
 * Projects a monitored indicator to December from its monthly series (docs/domain.md §10). Counts that add up
 * over the year (cumulative, zero-tolerance) are projected as year-to-date totals, levels (rates, standards,
 * ceilings, 稳步增长) as the level they will stand at. The light is the monitoring light of the projected value
 * in month 12 (indicatorStatus), so a projection can never disagree with the rule that will judge it.
 */
export function projectYearEnd(
  series: readonly SeriesPoint[],
  target: Target | null,
  options: ProjectionOptions,
): ProjectionResult {
  assertMonth(options.month);
  const none = noProjectionReason(target);
  if (none !== undefined) return { projection: null, reason: none };
  const readable = target as Target; // noProjectionReason refused every other target
  const base = (readable.operator === 'between' ? readable.min : readable.value) as number;
  const cumulative = readable.accumulation === 'cumulative' || readable.accumulation === 'zero-tolerance';
  const projected = project(series, options, cumulative, base, readable.unit === '%');
  if (projected === undefined) return { projection: null, reason: P().noData };
  const lightOf = (value: number): Light =>
    indicatorStatus(
      readable,
      { actual: { value, unit: readable.unit, raw: shown(value) } },
      { year: options.year, month: 12 },
      { thresholds: options.thresholds, rules: options.rules },
    ).light;
  return {
    projection: finish(projected, lightOf, (value, light) =>
      P().target(readable.raw, light, yearEndExplanation(readable, value, options)),
    ),
  };
}

/**
 * The year-end light alone (the `light` of projectYearEnd's projection, null where it gives none), without the
 * range, likelihood or explanation: what a rollup over many indicators needs to count 预计年末未达标.
 */
export function projectedYearEndLight(
  series: readonly SeriesPoint[],
  target: Target | null,
  options: ProjectionOptions,
): Light | null {
  assertMonth(options.month);
  if (noProjectionReason(target) !== undefined) return null;
  const readable = target as Target;
  const base = (readable.operator === 'between' ? readable.min : readable.value) as number;
  const cumulative = readable.accumulation === 'cumulative' || readable.accumulation === 'zero-tolerance';
  const projected = project(series, options, cumulative, base, readable.unit === '%');
  if (projected === undefined) return null;
  const value = round2(projected.chosen.value);
  return indicatorStatus(
    readable,
    { actual: { value, unit: readable.unit, raw: shown(value) } },
    { year: options.year, month: 12 },
    { thresholds: options.thresholds, rules: options.rules },
  ).light;
}

/** Why an indicator gets no numeric projection, or undefined when it gets one. */
export function noProjectionReason(target: Target | null): string | undefined {
  if (!isReadable(target)) return P().unreadable;
  if (target.operator === 'qualitative') return P().qualitative;
  if (target.operator === 'by-date') return P().deadline;
  if (target.operator === 'all-of') return P().parts;
  if (target.operator !== 'between' && target.value === undefined) return P().noBase;
  return undefined;
}

function yearEndExplanation(target: Target, value: number, options: ProjectionOptions): string {
  return indicatorStatus(
    target,
    { actual: { value, unit: target.unit, raw: shown(value) } },
    { year: options.year, month: 12 },
    { thresholds: options.thresholds, rules: options.rules },
  ).explanation;
}

/** A project's budget execution projected to December: 执行数 year to date, paced like a count (§10). */
export interface BudgetProjection extends YearEndProjection {
  rate: number; // projected 执行率 % at year end
}

export function projectBudgetYearEnd(
  series: readonly SeriesPoint[],
  budget: number,
  options: ProjectionOptions,
): BudgetProjection | null {
  assertMonth(options.month);
  if (!(budget > 0)) return null;
  const projected = project(series, options, true, budget, false);
  if (projected === undefined) return null;
  const statusOf = (value: number) =>
    budgetStatus({ month: 12, budget, executed: value }, options.thresholds, options.rules);
  const result = finish(
    projected,
    (value) => statusOf(value).light,
    (value, light) => P().budget(shown(budget), light, statusOf(value).explanation),
  );
  return { ...result, rate: round2((result.value * 100) / budget) };
}

/** The chosen value, the range over every method that applies, the year-end light and the proposed likelihood. */
function finish(
  projected: Projected,
  lightOf: (value: number) => Light,
  describe: (value: number, light: Light) => string,
): YearEndProjection {
  const values = projected.candidates.map((c) => round2(c.value));
  const value = round2(projected.chosen.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const light = lightOf(value);
  const ends = [lightOf(low), lightOf(high)];
  const worst = worstLight(ends);
  const best = ends[0] === worst ? ends[1] : ends[0];
  const others = projected.candidates.filter((c) => c !== projected.chosen);
  const explanation = messages().explain.steps([
    P().chosen(projected.chosen.formula(), P().range(shown(value), shown(low), shown(high))),
    describe(value, light),
    projected.why,
    ...(others.length
      ? [P().others(others.map((c) => P().other(P().methodNames[c.method], shown(c.value))))]
      : []),
  ]);
  return {
    value,
    low,
    high,
    method: projected.chosen.method,
    light,
    likelihood: likelihoodOf(worst, best),
    explanation,
  };
}

// The whole range on track → 确定能; even its best end red → 完全不可能; otherwise 有可能.
function likelihoodOf(worst: Light, best: Light): Likelihood {
  if (worst === 'green' || worst === 'blue') return '确定能';
  return best === 'red' ? '完全不可能' : '有可能';
}

/**
 * Every method that applies, and the one chosen: last year's profile when there is one (it knows the season a
 * straight line would misread); else the recent trend when it departs from the year's pace by more than the
 * tolerance (the pace would hide a change); else the pace. The lead's 全年预计 widens the range, and is the
 * projection only when the series holds no number to project from.
 */
function project(
  series: readonly SeriesPoint[],
  options: ProjectionOptions,
  cumulative: boolean,
  base: number,
  percent: boolean,
): Projected | undefined {
  const values = new Map<number, number>();
  for (const point of series) {
    if (point.value !== null && point.month >= 1 && point.month <= options.month)
      values.set(point.month, point.value);
  }
  const forecastValue = options.forecast;
  const forecast =
    forecastValue === null || forecastValue === undefined
      ? undefined
      : {
          method: 'forecast' as const,
          value: forecastValue,
          formula: () => P().forecast(shown(forecastValue)),
        };
  if (values.size === 0) {
    return forecast && { chosen: forecast, candidates: [forecast], why: P().whyForecast };
  }
  const last = Math.max(...values.keys());
  const window = options.trendWindow ?? DEFAULT_TREND_WINDOW;
  const methods = cumulative
    ? cumulativeMethods(values, last, window, options.lastYear)
    : levelMethods(values, last, window, options.lastYear, percent);
  const candidates = [methods.pace, methods.trend, methods.profile, forecast].filter(
    (c): c is Candidate => c !== undefined,
  );
  if (methods.profile) return { chosen: methods.profile, candidates, why: P().whyProfile };
  const tolerance = options.trendTolerance ?? DEFAULT_TREND_TOLERANCE;
  const departs = (trend: number): boolean =>
    Math.abs(trend - methods.pace.value) > (Math.abs(base) * tolerance) / 100;
  if (methods.trend && departs(methods.trend.value))
    return { chosen: methods.trend, candidates, why: P().whyTrend(window, tolerance) };
  return {
    chosen: methods.pace,
    candidates,
    why: methods.trend ? P().whyPace(tolerance) : P().whyPaceOnly(window),
  };
}

interface Methods {
  pace: Candidate;
  trend?: Candidate;
  profile?: Candidate;
}

/**
 * Counts: the year-to-date total plus a monthly rate over the months left. The pace counts from the first month
 * with anything done, so a late start is not diluted by the idle months before it.
 */
function cumulativeMethods(
  values: Map<number, number>,
  last: number,
  window: number,
  lastYear: readonly (number | null)[] | null | undefined,
): Methods {
  const total = values.get(last) as number;
  const left = 12 - last;
  const start = [...values.keys()].filter((m) => (values.get(m) as number) > 0).sort((a, b) => a - b)[0] ?? 1;
  const active = Math.max(1, last - start + 1);
  const rate = total / active;
  const pace: Candidate = {
    method: 'pace',
    value: total + rate * left,
    formula: () => P().pace(start, last, shown(rate), shown(total), left, shown(total + rate * left)),
  };
  const from = last - window;
  const before = from === 0 ? 0 : values.get(from);
  let trend: Candidate | undefined;
  if (from >= 0 && before !== undefined && last - start + 1 >= window) {
    const recent = Math.max(0, (total - before) / window);
    const value = total + recent * left;
    trend = {
      method: 'trend',
      value,
      formula: () => P().trend(window, from + 1, last, shown(recent), shown(total), left, shown(value)),
    };
  }
  const soFar = lastYear?.[last - 1];
  const yearEnd = lastYear?.[11];
  let profile: Candidate | undefined;
  if (soFar != null && yearEnd != null && soFar > 0 && yearEnd > 0) {
    const share = soFar / yearEnd;
    profile = {
      method: 'profile',
      value: total / share,
      formula: () => P().profile(last, shown(share * 100), shown(total), shown(total / share)),
    };
  }
  return { pace, trend, profile };
}

/** Levels: the latest value holds (pace), moves on at its recent monthly change (trend), or as it did last year. */
function levelMethods(
  values: Map<number, number>,
  last: number,
  window: number,
  lastYear: readonly (number | null)[] | null | undefined,
  percent: boolean,
): Methods {
  const latest = values.get(last) as number;
  const left = 12 - last;
  const bound = (value: number): number => Math.max(0, percent ? Math.min(100, value) : value);
  const pace: Candidate = {
    method: 'pace',
    value: latest,
    formula: () => P().levelPace(last, shown(latest)),
  };
  const earlier = values.get(last - window);
  let trend: Candidate | undefined;
  if (earlier !== undefined) {
    const change = (latest - earlier) / window;
    const value = bound(latest + change * left);
    trend = {
      method: 'trend',
      value,
      formula: () =>
        P().levelTrend(window, last - window + 1, last, shown(change), shown(latest), left, shown(value)),
    };
  }
  const then = lastYear?.[last - 1];
  const yearEnd = lastYear?.[11];
  let profile: Candidate | undefined;
  if (then != null && yearEnd != null && then !== 0) {
    const value = bound((latest * yearEnd) / then);
    profile = {
      method: 'profile',
      value,
      formula: () => P().levelProfile(last, shown(then), shown(yearEnd), shown(latest), shown(value)),
    };
  }
  return { pace, trend, profile };
}

/** "预计年末未达标": the projected value would earn red or yellow at year end. */
export function isProjectedMiss(projection: { light: Light } | null | undefined): boolean {
  return projection?.light === 'red' || projection?.light === 'yellow';
}

/** The 全年预计 proposed to the lead, written as they would type it (in the target's base unit). */
export function proposedForecast(projection: YearEndProjection, target: Target): string {
  return `${shown(projection.value)}${target.unit ?? ''}`;
}
