import type { StatusAsOf } from '@jixiao/domain';

import { type PasteField, type PlanRow, type PlanText, type PreviewCell, previewCells } from './entry-paste';
import { LIKELIHOODS, type LatestReport, type LikelihoodValue } from './monitoring.models';

/** What "同上月" would put into a row: the previous report carried over as this month's. */
export interface CarryOver {
  readonly period: string;
  readonly values: Partial<Record<PasteField, string>>;
  /** A cumulative count carried over means nothing was added this month; a level stays the same level. */
  readonly cumulative: boolean;
}

export interface CarryRow extends PlanRow {
  /** The indicator's latest report up to this month (from the earlier month when this one has none yet). */
  readonly latest: LatestReport | null;
}

/**
 * "Same as last month" for one row: the previous report's 完成值 (year to date, so for a cumulative count that
 * is "no change this month"), with its 全年预计 and 完成可能性 when that report is at hand and this month has none
 * typed. Null when there is no previous report, when its value no longer reads against the target (the target
 * was corrected since: the API would refuse it), or when the row already says the same.
 */
export function carryOverOf(row: CarryRow, asOf: StatusAsOf, text: PlanText): CarryOver | null {
  const previous = row.previous;
  if (!previous) return null;
  const latest = row.latest?.period === previous.period ? row.latest : null;
  const values: Partial<Record<PasteField, string>> = { actual: previous.actualRaw };
  if (latest?.forecastRaw && !row.values.forecast.trim()) values.forecast = latest.forecastRaw;
  if (isLikelihood(latest?.likelihood) && !row.values.likelihood) values.likelihood = latest.likelihood;
  const cells = previewCells(row, values, asOf, text);
  if (cells.some((cell) => cell.problems.some((problem) => problem.severity === 'error'))) return null;
  if (cells.every((cell) => cell.value.trim() === cell.before.trim())) return null;
  return {
    period: previous.period,
    values,
    cumulative: row.indicator.target?.accumulation === 'cumulative',
  };
}

/** "同上月" for every row not reported yet this month: the preview of carrying each one over. */
export function carryOverCells(rows: readonly CarryRow[], asOf: StatusAsOf, text: PlanText): PreviewCell[] {
  return rows
    .filter((row) => !row.values.actual.trim())
    .flatMap((row) => {
      const carry = carryOverOf(row, asOf, text);
      return carry ? previewCells(row, carry.values, asOf, text) : [];
    });
}

function isLikelihood(value: string | null | undefined): value is LikelihoodValue {
  return (LIKELIHOODS as readonly (string | null | undefined)[]).includes(value);
}
