import { DomainError, DomainErrorCode } from '../errors/domain.error';
import { messages } from '../messages/domain-messages';
import { CHINESE_NUMERAL_CHARS, chineseNumeral } from '../shared/chinese-numeral.util';
import { findDate } from '../shared/date.util';
import {
  countNumbers,
  isUnitText,
  normalizeText,
  readQuantity,
  toQuantity,
} from '../target/target-text.util';
import type { Target } from '../target/target.types';
import { convertUnit } from '../units/unit.util';
import type { Actual, Judgement } from './actual.types';

// prettier-ignore
const JUDGEMENT_WORDS: ReadonlyArray<[RegExp, Judgement]> = [
  [/^(?:已?达成|已?完成|全部完成|按时完成|已?达标)$/, '达成'],
  [/^(?:部分达成|部分完成|基本达成|基本完成)$/, '部分达成'],
  [/^(?:未达成|未完成|没有完成|未达标|不达标)$/, '未达成'],
];

const LEADING_NUMERAL = new RegExp(`^(百分之)?([${CHINESE_NUMERAL_CHARS}]+)(.*)$`);

// "一万二人" → "12000人", "百分之九十" → "90%": a Chinese numeral read as digits only when a unit, or nothing,
// follows it, so words such as 一般 or 十分满意 stay words.
function withDigits(text: string): string {
  const match = LEADING_NUMERAL.exec(text);
  if (!match) return text;
  const [, percent, numeral, rest] = match;
  const digits = chineseNumeral(numeral);
  const fits = percent ? rest === '' : rest === '' || isUnitText(rest);
  if (digits === undefined || !fits) return text;
  return percent ? `${digits}%` : `${digits}${rest}`;
}

/**
 * Reads a reported value: "1.1万人" → 11000 人, "95%", "48小时", "2025-11-30", "达成". With a numeric target the
 * value is converted into the target's unit ("2天" against "≤48小时" → 48), and a unit that cannot convert
 * throws UnitMismatchError. Several numbers ("2场、95人") are read part by part against an all-of target.
 */
export function parseActual(raw: string, target?: Target): Actual {
  const text = withDigits(normalizeText(raw));
  const judgement = JUDGEMENT_WORDS.find(([pattern]) => pattern.test(text))?.[1];
  if (judgement) return { raw, judgement };
  const found = findDate(text);
  if (found?.date !== undefined && !/\d/.test(found.rest)) return { raw, date: found.date };
  const parts = readQuantity(text);
  if (!parts || countNumbers(text) !== 1) return { raw };
  const quantity = toQuantity(parts);
  const value = parts.before.endsWith('-') ? -quantity.value : quantity.value;
  const numericTarget = target !== undefined && (target.value !== undefined || target.min !== undefined);
  if (!numericTarget) return { raw, value, unit: quantity.unit };
  return { raw, value: convertUnit(value, quantity.unit, target.unit), unit: target.unit };
}

/** 定量: a target with a number to compare with, and a single value (not a date, a judgement or several parts). */
export function isQuantitative(target: Target | null | undefined): target is Target {
  if (!target || target.confidence === 'unparsed') return false;
  if (target.operator === 'qualitative' || target.operator === 'by-date' || target.operator === 'all-of')
    return false;
  return target.value !== undefined || target.min !== undefined;
}

/**
 * Refuses a reported value that gives a 定量 target nothing to compare ("abc", "见附件", a date for a count): it
 * would be saved as a report without a figure. A judgement (达成 / 部分达成 / 未达成) is still the reporter's word.
 */
export function assertNumberGiven(target: Target | null | undefined, actual: Actual): void {
  if (!isQuantitative(target) || actual.value !== undefined || actual.judgement !== undefined) return;
  throw new DomainError(DomainErrorCode.NumberRequired, messages().error.numberRequired(target.unit ?? ''));
}
