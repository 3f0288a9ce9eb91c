import { formatNumber } from '@angular/common';
import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';
import type { Target } from '@jixiao/domain';

import { MESSAGES, type Messages } from '../i18n/messages';

type TargetMessages = Messages['goals']['targets'];

/**
 * A structured 指标值 in words, e.g. `≥ 12,000 人` read back as "不低于 12,000 人 · 按年累计". Pure: the reading
 * only changes when the target object does.
 */
@Pipe({ name: 'targetReading' })
export class TargetReadingPipe implements PipeTransform {
  private readonly msg = inject(MESSAGES).goals.targets;
  private readonly locale = inject(LOCALE_ID);

  transform(target: Target | null | undefined): string {
    if (!target) return this.msg.none;
    return describeTarget(target, this.msg, (value) => formatNumber(value, this.locale, '1.0-4'));
  }
}

const SAYS_ITSELF: ReadonlySet<Target['accumulation']> = new Set([
  'zero-tolerance',
  'deadline',
  'qualitative',
]);

/** The words for a target; exported for the pipe's tests and for places without DI. */
export function describeTarget(
  target: Target,
  msg: TargetMessages,
  format: (value: number) => string,
): string {
  const comparison = describeComparison(target, msg, format);
  // Zero-tolerance, deadlines and qualitative targets already say how they are judged.
  const accumulation = SAYS_ITSELF.has(target.accumulation) ? null : msg.accumulation[target.accumulation];
  return accumulation ? msg.join(comparison, accumulation) : comparison;
}

function describeComparison(target: Target, msg: TargetMessages, format: (value: number) => string): string {
  const amount = (value: number | undefined): string =>
    value === undefined ? msg.noValue : msg.amount(format(value), target.unit ?? '');
  switch (target.operator) {
    case 'qualitative':
      return target.confidence === 'unparsed' ? msg.unreadable : msg.qualitative;
    case 'all-of':
      return msg.allOf((target.parts ?? []).map((part) => describeComparison(part, msg, format)));
    case 'between':
      return msg.between(
        target.min === undefined ? msg.noValue : format(target.min),
        target.max === undefined ? msg.noValue : format(target.max),
        target.unit ?? '',
      );
    case 'by-date':
      return target.deadline ? msg.byDate(target.deadline) : msg.noDeadline;
    case '=':
      return target.accumulation === 'zero-tolerance' ? msg.zero : msg.operators['='](amount(target.value));
    default:
      return msg.operators[target.operator](amount(target.value));
  }
}
