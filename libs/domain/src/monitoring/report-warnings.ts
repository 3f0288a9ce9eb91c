import type { Actual } from '../actual/actual.types';
import { messages } from '../messages/domain-messages';
import type { DomainMessages } from '../messages/zh-cn.messages';
import { formatNumber } from '../shared/number.util';
import { normalizeText, readQuantity } from '../target/target-text.util';
import type { Target } from '../target/target.types';
import { UNIT_MULTIPLIERS, splitUnit } from '../units/unit.util';
import { expectedByNow } from './expected-progress';
import { monthOf } from './reporting-calendar';

const W = (): DomainMessages['warning'] => messages().warning;

/** What a saved report may look wrong in; saved anyway, but to be acknowledged before the month is submitted. */
export const REPORT_WARNING_CODES = ['unit-scale', 'far-above-expected', 'cumulative-decrease'] as const;
export type ReportWarningCode = (typeof REPORT_WARNING_CODES)[number];

export interface ReportWarning {
  code: ReportWarningCode;
  message: string;
}

/** The same indicator's latest earlier report of the year. */
export interface PreviousReport {
  period: string; // YYYY-MM
  actual?: Actual;
}

/** How far over 应完成值 a value may be before it looks like a typo. */
export const FAR_ABOVE_FACTOR = 3;

/**
 * Warnings on a report that the rules accept but a person should look at again: a 万/千/亿 that makes a small
 * target's value huge ("1.2万" against 80 人), a value more than 3× what is due by the month, a cumulative
 * figure lower than the previous report's (June 105, July 90). Actuals as parsed against the target.
 */
export function reportWarnings(
  target: Target | null,
  report: { actual?: Actual },
  previous: PreviousReport | null,
  asOf: { month: number },
): ReportWarning[] {
  const { actual } = report;
  if (
    !target ||
    target.confidence === 'unparsed' ||
    target.operator === 'all-of' ||
    actual?.value === undefined
  )
    return [];
  const value = actual.value;
  const unit = target.unit ?? '';
  const shown = (amount: number): string => `${formatNumber(amount)}${unit}`;
  const warnings: ReportWarning[] = [];
  const scale = typedScale(actual.raw);
  const reference = target.operator === 'between' ? target.max : target.value;
  if (reference !== undefined && scale > splitUnit(unit).factor && reference < scale)
    warnings.push({
      code: 'unit-scale',
      message: W().unitScale(actual.raw.trim(), shown(value), shown(reference)),
    });
  const expected = expectedByNow(target, asOf.month);
  if (expected !== undefined && expected > 0 && value > expected * FAR_ABOVE_FACTOR)
    warnings.push({
      code: 'far-above-expected',
      message: W().farAboveExpected(shown(value), asOf.month, shown(expected)),
    });
  const before = previous?.actual?.value;
  if (target.accumulation === 'cumulative' && before !== undefined && value < before)
    warnings.push({
      code: 'cumulative-decrease',
      message: W().cumulativeDecrease(
        shown(value),
        monthOf((previous as PreviousReport).period),
        shown(before),
      ),
    });
  return warnings;
}

// The factor of a 万/千/亿 typed after the number ("1.2万" → 10000), 1 when none.
function typedScale(raw: string): number {
  const multiplier = readQuantity(normalizeText(raw))?.multiplier;
  return multiplier ? UNIT_MULTIPLIERS[multiplier] : 1;
}
