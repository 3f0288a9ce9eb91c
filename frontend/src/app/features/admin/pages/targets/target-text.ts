import type { Target } from '@jixiao/domain';

import type { Messages } from '../../../../shared/i18n/messages';

type TargetMessages = Messages['admin']['targets'];

const number = (value: number | undefined, locale: string): string =>
  value === undefined ? '' : value.toLocaleString(locale, { maximumFractionDigits: 6 });

/** A structured target read back in a few words, e.g. "≥ 不低于 12,000 人 · 按年累计". */
export function describeTarget(target: Target | null, msg: TargetMessages, locale = 'zh-CN'): string {
  if (!target) return msg.noValue;
  const unit = target.unit ?? '';
  let comparison: string;
  switch (target.operator) {
    case 'qualitative':
      comparison = msg.operators.qualitative;
      break;
    case 'between':
      comparison = `${msg.operators.between} ${number(target.min, locale)}–${number(target.max, locale)} ${unit}`;
      break;
    case 'by-date':
      comparison = `${msg.operators['by-date']} ${target.deadline ?? msg.noValue}`;
      break;
    case 'all-of':
      return (target.parts ?? []).map((part) => describeTarget(part, msg, locale)).join(msg.partsSeparator);
    default:
      comparison =
        target.value === undefined
          ? `${msg.operators[target.operator]} ${msg.noValue}`
          : `${msg.operators[target.operator]} ${number(target.value, locale)} ${unit}`;
  }
  const accumulation =
    target.operator === 'qualitative' ? '' : ` · ${msg.accumulations[target.accumulation]}`;
  return `${comparison.trim()}${accumulation}`;
}
