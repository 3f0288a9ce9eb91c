import {
  DEFAULT_UI_LOCALE,
  type Target,
  type Thresholds,
  type UiLocale,
  composeIn,
  DomainError,
  type PreviousReport,
  indicatorStatus,
  monthOf,
  parseActual,
  projectYearEnd,
  reportWarnings,
  restateReport,
  yearOf,
} from '@jixiao/domain';

import type { Goal, IndicatorNode } from './goal.models';

/**
 * A goal tree with libs/domain's sentences in the screen's language (docs/domain.md §12). Chinese screens show
 * what the API composed. Other languages compute each indicator's light and projection again in the browser
 * with the libs/domain function the API used (restateReport, indicatorStatus, projectYearEnd) on the structured
 * data the API sent; a sentence is replaced only when the recomputed light (and projected value) is the one the
 * API gave, so the screen can never show a different verdict than the server's.
 */
export function localizeGoals(
  goals: readonly Goal[],
  asOf: string | null,
  locale: UiLocale,
): readonly Goal[] {
  if (locale === DEFAULT_UI_LOCALE) return goals;
  return goals.map((goal) => ({
    ...goal,
    indicators: goal.indicators.map((level1) => ({
      ...level1,
      children: level1.children.map((level2) => ({
        ...level2,
        indicators: level2.indicators.map((indicator) =>
          composeIn(locale, () => localizeIndicator(indicator, asOf)),
        ),
      })),
    })),
  }));
}

function localizeIndicator(indicator: IndicatorNode, asOf: string | null): IndicatorNode {
  const period = asOf ?? indicator.latestReport?.period;
  if (!indicator.monitored || indicator.light === null || !period) return indicator;
  const target = indicator.target as Target | null;
  const when = { year: yearOf(period), month: monthOf(period) };
  const options = { thresholds: indicator.thresholds };
  const report = indicator.latestReport;
  if (report?.period !== period) {
    const status = indicatorStatus(target, null, when, options);
    const explanation = status.light === indicator.light ? status.explanation : indicator.explanation;
    return { ...indicator, explanation, projection: localizeProjection(indicator, target, when) };
  }
  const status = restateReport(target, report, when, options);
  const same = status.light === indicator.light;
  const light = same
    ? { lightReason: status.reason, explanation: status.explanation }
    : { lightReason: indicator.lightReason, explanation: indicator.explanation };
  // Which warnings the report has stays the stored list; each one's sentence is composed again.
  const warnings = reportWarnings(target, status, previousOf(indicator, target), when);
  return {
    ...indicator,
    ...light,
    latestReport: {
      ...report,
      ...(same ? light : {}),
      warnings: report.warnings.map((warning) => warnings.find((w) => w.code === warning.code) ?? warning),
    },
    projection: localizeProjection(indicator, target, when),
  };
}

/** The report before the month, read against the target as the API reads it for the warnings. */
function previousOf(indicator: IndicatorNode, target: Target | null): PreviousReport | null {
  const previous = indicator.previousReport;
  if (!previous) return null;
  try {
    return { period: previous.period, actual: parseActual(previous.actualRaw, target ?? undefined) };
  } catch (error) {
    if (error instanceof DomainError) return { period: previous.period };
    throw error;
  }
}

function localizeProjection(
  indicator: IndicatorNode,
  target: Target | null,
  when: { year: number; month: number },
): IndicatorNode['projection'] {
  const served = indicator.projection;
  if (!served) return served;
  const series = indicator.history.map((point) => ({
    month: monthOf(point.period),
    value: point.actualValue,
  }));
  const { projection } = projectYearEnd(series, target, {
    ...when,
    forecast: indicator.latestReport?.forecastValue ?? null,
    thresholds: indicator.thresholds,
  });
  const same =
    projection?.value === served.value &&
    projection.method === served.method &&
    projection.light === served.light;
  return same ? { ...served, explanation: projection.explanation } : served;
}

/** What the months of an indicator are judged against: its structured target and its own thresholds. */
export interface IndicatorReading {
  readonly target: Target | null;
  readonly thresholds: Partial<Thresholds> | null;
}

/** A month of an indicator's history as the API sends it (stored report, light and sentences). */
interface MonthLike {
  readonly period: string;
  readonly reported: boolean;
  readonly actualRaw: string | null;
  readonly forecastRaw: string | null;
  readonly likelihood: string | null;
  readonly light: string;
  readonly lightReason: string | null;
  readonly explanation: string;
}

/**
 * An indicator's months with libs/domain's sentences in the screen's language, as localizeGoals does for the
 * tree: each month restated in the browser, its sentences replaced only where the light is the one stored.
 */
export function localizeMonths<M extends MonthLike>(
  months: readonly M[],
  reading: IndicatorReading | null,
  locale: UiLocale,
): readonly M[] {
  if (locale === DEFAULT_UI_LOCALE || !reading) return months;
  return months.map((month) => composeIn(locale, () => localizeMonth(month, reading)));
}

function localizeMonth<M extends MonthLike>(month: M, { target, thresholds }: IndicatorReading): M {
  const when = { year: yearOf(month.period), month: monthOf(month.period) };
  if (!month.reported || month.actualRaw === null) {
    const status = indicatorStatus(target, null, when, { thresholds });
    return status.light === month.light ? { ...month, explanation: status.explanation } : month;
  }
  const stored = { actualRaw: month.actualRaw, forecastRaw: month.forecastRaw, likelihood: month.likelihood };
  const status = restateReport(target, stored as Parameters<typeof restateReport>[1], when, { thresholds });
  return status.light === month.light
    ? { ...month, lightReason: status.reason, explanation: status.explanation }
    : month;
}
