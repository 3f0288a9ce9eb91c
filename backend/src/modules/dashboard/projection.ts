import {
  type Light,
  monthOf,
  projectBudgetYearEnd,
  projectedYearEndLight,
  projectYearEnd,
  proposedForecast,
  type RuleSettings,
  type Target,
  type Thresholds,
} from '@jixiao/domain';
import type { AsOf } from './as-of';
import type { BudgetProjectionResponse, ProjectionResponse } from './dto/projection.response';

/** A reported value of a month (YYYY-MM), in the target's base unit; null when not a number. */
export interface SeriesRow {
  period: string;
  value: number | null;
}

/**
 * The year-end projection of a monitored indicator from the series already loaded with it (no query of its own);
 * null where libs/domain gives no numeric projection (定性, deadlines, several parts, nothing reported).
 */
export function projectionOf(
  target: Target | null,
  thresholds: Partial<Thresholds> | null,
  rows: readonly SeriesRow[],
  forecast: number | null,
  asOf: AsOf,
  rules?: RuleSettings,
): ProjectionResponse | null {
  const series = rows.map((row) => ({ month: monthOf(row.period), value: row.value }));
  const { projection } = projectYearEnd(series, target, {
    year: asOf.year,
    month: asOf.month,
    forecast,
    thresholds,
    rules,
  });
  if (projection === null) return null;
  const { value, low, high, method, light, likelihood, explanation } = projection;
  return {
    value,
    low,
    high,
    method,
    light,
    likelihood,
    proposedForecast: proposedForecast(projection, target as Target),
    explanation,
  };
}

/**
 * Only the light `projectionOf` would give (libs/domain projectedYearEndLight: the same projection without its
 * explanation and range), for counting and choosing the indicators whose full projection is shown.
 */
export function projectedLightOf(
  target: Target | null,
  thresholds: Partial<Thresholds> | null,
  rows: readonly SeriesRow[],
  forecast: number | null,
  asOf: AsOf,
  rules?: RuleSettings,
): Light | null {
  const series = rows.map((row) => ({ month: monthOf(row.period), value: row.value }));
  return projectedLightOfMonths(target, thresholds, series, forecast, asOf, rules);
}

/** `projectedLightOf` for a series already given by month number (the city's projection inputs). */
export function projectedLightOfMonths(
  target: Target | null,
  thresholds: Partial<Thresholds> | null,
  series: readonly { month: number; value: number | null }[],
  forecast: number | null,
  asOf: AsOf,
  rules?: RuleSettings,
): Light | null {
  return projectedYearEndLight(series, target, {
    year: asOf.year,
    month: asOf.month,
    forecast,
    thresholds,
    rules,
  });
}

/** A project's budget execution (执行数 year to date per month, 元) projected to December. */
export function budgetProjectionOf(
  budgetYuan: number,
  rows: readonly SeriesRow[],
  asOf: AsOf,
  rules?: RuleSettings,
): BudgetProjectionResponse | null {
  const series = rows.map((row) => ({ month: monthOf(row.period), value: row.value }));
  const projection = projectBudgetYearEnd(series, budgetYuan, {
    year: asOf.year,
    month: asOf.month,
    rules,
  });
  if (projection === null) return null;
  const { value, low, high, rate, method, light, explanation } = projection;
  return { value, low, high, rate, method, light, explanation };
}
