import {
  type Actual,
  DomainError,
  type Light,
  type Likelihood,
  type StatusAsOf,
  type Target,
  type Thresholds,
  indicatorStatus,
  parseActual,
  assertNumberGiven,
  reportWarnings,
  type PreviousReport,
  type ReportWarning,
} from '@jixiao/domain';

import {
  DEVIATION_REASONS,
  type DeviationReason,
  LIKELIHOODS,
  type LatestReport,
  type LikelihoodValue,
  type ReportBody,
  type ReportRow,
} from './monitoring.models';

/** What a lead types for one indicator and month; empty strings for blank fields. */
export interface ReportValues {
  readonly actual: string; // 截至本期完成值
  readonly forecast: string; // 全年预计完成值
  readonly likelihood: LikelihoodValue | '';
  readonly reasons: readonly DeviationReason[]; // 偏差原因
  readonly reasonText: string; // 偏差原因说明
  readonly correctiveAction: string; // 纠偏措施
  readonly evidence: string; // 佐证材料说明
}

export type ReportField = keyof ReportValues;

/** The fields in the order the grid shows them. */
export const REPORT_FIELDS: readonly ReportField[] = [
  'actual',
  'forecast',
  'likelihood',
  'reasons',
  'reasonText',
  'correctiveAction',
  'evidence',
];

export const EMPTY_VALUES: ReportValues = {
  actual: '',
  forecast: '',
  likelihood: '',
  reasons: [],
  reasonText: '',
  correctiveAction: '',
  evidence: '',
};

export type FieldErrors = Partial<Record<ReportField, string>>;

/** The values of a stored report (or none). */
export function valuesOf(report: ReportRow | LatestReport | null | undefined): ReportValues {
  if (!report) {
    return EMPTY_VALUES;
  }
  return {
    actual: report.actualRaw ?? '',
    forecast: report.forecastRaw ?? '',
    likelihood: (LIKELIHOODS as readonly string[]).includes(report.likelihood ?? '')
      ? (report.likelihood as LikelihoodValue)
      : '',
    reasons: DEVIATION_REASONS.filter((reason) => report.reasons?.includes(reason)),
    reasonText: report.reasonText ?? '',
    correctiveAction: report.correctiveAction ?? '',
    evidence: report.evidence ?? '',
  };
}

/** Fields whose values differ; text is compared trimmed, as the API stores it. */
export function changedFields(a: ReportValues, b: ReportValues): ReportField[] {
  return REPORT_FIELDS.filter((field) => {
    if (field === 'reasons') {
      return a.reasons.length !== b.reasons.length || a.reasons.some((reason) => !b.reasons.includes(reason));
    }
    return String(a[field]).trim() !== String(b[field]).trim();
  });
}

export function sameValues(a: ReportValues, b: ReportValues): boolean {
  return changedFields(a, b).length === 0;
}

export function isBlank(values: ReportValues): boolean {
  return sameValues(values, EMPTY_VALUES);
}

/** The PUT body; blank optional fields are left out. */
export function reportBody(values: ReportValues, version: number): ReportBody {
  const optional = (text: string): string | undefined => text.trim() || undefined;
  return {
    version,
    actual: values.actual.trim(),
    forecast: optional(values.forecast),
    likelihood: values.likelihood || undefined,
    reasons: [...values.reasons],
    reasonText: optional(values.reasonText),
    correctiveAction: optional(values.correctiveAction),
    evidence: optional(values.evidence),
  };
}

/** The light as the lead types, with what could not be read. */
export interface LiveLight {
  /** null while a value cannot be read (the field says why; the API would refuse it). */
  readonly light: Light | null;
  readonly reason: string;
  /** The rule with the figures filled in, as the API will store it. */
  readonly explanation: string | null;
  readonly actualError?: string;
  readonly forecastError?: string;
  /** What the API will warn of on save (万 against a small target, more than 3× due, a cumulative fall). */
  readonly warnings?: readonly ReportWarning[];
}

export interface LiveLightText {
  readonly notEntered: string;
  /** Shown as the light's reason while the field itself shows what could not be read. */
  readonly valueUnreadable: string;
}

/** What the preview needs of an indicator: its structured target and the thresholds the API judges it with. */
export interface PreviewIndicator {
  readonly target: Target | null;
  readonly thresholds?: Partial<Thresholds> | null;
}

/**
 * The warning light of a row computed in the browser with libs/domain, exactly as the API will compute it on
 * save: indicatorStatus with the period, the indicator's structured target and its own thresholds.
 */
export function liveLight(
  indicator: PreviewIndicator,
  asOf: StatusAsOf,
  values: ReportValues,
  text: LiveLightText,
  previous: PreviousReport | null = null,
): LiveLight {
  if (!values.actual.trim()) {
    return { light: 'grey', reason: text.notEntered, explanation: null };
  }
  const target = indicator.target ?? undefined;
  const actual = read(values.actual, target);
  const forecast = values.forecast.trim() ? read(values.forecast, target) : undefined;
  const errors = {
    ...(actual.error ? { actualError: actual.error } : {}),
    ...(forecast?.error ? { forecastError: forecast.error } : {}),
  };
  if (actual.error || forecast?.error) {
    return { light: null, reason: text.valueUnreadable, explanation: null, ...errors };
  }
  try {
    const result = indicatorStatus(
      indicator.target,
      {
        actual: actual.value,
        forecast: forecast?.value,
        likelihood: (values.likelihood || undefined) as Likelihood | undefined,
      },
      asOf,
      { thresholds: indicator.thresholds },
    );
    const warnings = reportWarnings(indicator.target, { actual: actual.value }, previous, asOf);
    return { light: result.light, reason: result.reason, explanation: result.explanation, warnings };
  } catch (error) {
    // indicatorStatus names the value that does not fit the target (e.g. one number for two parts), as the API will.
    if (!(error instanceof DomainError)) {
      throw error;
    }
    const field = error.field === 'forecast' ? 'forecastError' : 'actualError';
    return { light: null, reason: text.valueUnreadable, explanation: null, [field]: error.message };
  }
}

/** The previous month's report read against the target, for the warnings; an unreadable one compares nothing. */
export function previousReading(
  target: Target | null,
  previous: { readonly period: string; readonly actualRaw: string } | null,
): PreviousReport | null {
  if (!previous) return null;
  return { period: previous.period, actual: read(previous.actualRaw, target ?? undefined).value };
}

function read(raw: string, target: Target | undefined): { value?: Actual; error?: string } {
  try {
    const value = parseActual(raw.trim(), target);
    assertNumberGiven(target, value); // "abc" for 80 人: the API answers 400 on the field
    return { value };
  } catch (error) {
    if (error instanceof DomainError) {
      return { error: error.message };
    }
    throw error;
  }
}
