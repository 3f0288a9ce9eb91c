import { parseDecimal } from '../shared/number.util';
import { splitUnit } from '../units/unit.util';
import type { Operator } from './target.types';

// Typo and ASCII spellings of comparison signs. "》95%" in the seed means ≥95% (docs/domain.md §2).
const SIGN_SPELLINGS: ReadonlyArray<[RegExp, string]> = [
  [/》(?=\d)/g, '≥'],
  [/《(?=\d)/g, '≤'],
  [/≧|>=|=>/g, '≥'],
  [/≦|<=|=</g, '≤'],
];

/**
 * Canonical text for matching: full-width forms folded (NFKC), all whitespace removed (PDF extraction puts
 * spaces inside words: "1040 元/ 月", "在规定 时间 内"), sign spellings unified, trailing punctuation dropped.
 */
const THOUSANDS = /(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])/g;

export function normalizeText(raw: string, { thousands = true }: { thousands?: boolean } = {}): string {
  // Thousands separators ("1,000人", "１２，０００") would otherwise split a number in two: a comma after a group of
  // 1–3 digits that does not start with 0, followed by groups of exactly three. Splitting a several-part value
  // reads the commas before they are folded away (splitActual).
  let text = raw.normalize('NFKC').replace(/\s+/g, '');
  if (thousands) text = text.replace(THOUSANDS, (group) => group.replace(/,/g, ''));
  for (const [pattern, sign] of SIGN_SPELLINGS) text = text.replace(pattern, sign);
  return text.replace(/[。.;,!?、]+$/, '');
}

export const NUMBER_PATTERN = /\d+(?:\.\d+)?/g;

export function countNumbers(text: string): number {
  return text.match(NUMBER_PATTERN)?.length ?? 0;
}

const MULTIPLIER = '亿|千万|百万|万|千';

// Base units seen in target tables, longest first so 人次 wins over 人 and 分钟 over 分.
// prettier-ignore
const BASE_UNITS = [
  '个工作日', '平方公里', '工作日', '平方米', '公里', '小时', '分钟', '个月', '人次', '户次', '家次', '册次', '个次', '件次', '课时',
  '学时', '%', '‰', '元', '人', '户', '家', '个', '项', '场', '次', '张', '本', '套', '台', '件', '篇', '期', '批',
  '所', '座', '名', '份', '条', '册', '部', '块', '辆', '米', '亩', '吨', '天', '日', '秒', '周', '处', '间', '分',
];
const PER = '/(?:人|户|次|件|年|月|日|天|周|小时|季度|个|场|课时|学时|套|台|项|张|本|批|期)';
const UNIT = `(?:${BASE_UNITS.join('|')})(?:${PER})*`;
const WHOLE_UNIT = new RegExp(`^(?:${MULTIPLIER})?(?:${UNIT})$`);
export const QUANTITY = `(\\d+(?:\\.\\d+)?)(${MULTIPLIER})?(${UNIT})?`;

// "万人", "场", "%": text that is only a unit (with 万/亿), as written after a number.
export function isUnitText(text: string): boolean {
  return WHOLE_UNIT.test(text);
}

export interface QuantityParts {
  before: string;
  number: string;
  multiplier?: string;
  unit?: string;
  after: string;
}

const SINGLE = new RegExp(`^(.*?)${QUANTITY}(.*)$`);

// Splits text holding exactly one number into the text before it, the number, 万/亿, unit and the text after.
export function readQuantity(text: string): QuantityParts | undefined {
  const match = SINGLE.exec(text);
  if (!match) return undefined;
  const [, before, number, multiplier, unit, after] = match;
  return { before, number, multiplier, unit, after };
}

export interface RangeParts {
  before: string;
  low: QuantityParts;
  high: QuantityParts;
  after: string;
}

// Anchored (sticky) at the start of a digit run; the text before it is found by scanning, not by `^(.*?)`,
// which backtracked over every start and end of a long digit run (quadratic).
const RANGE_AT = new RegExp(`${QUANTITY}[-~—–至到]${QUANTITY}`, 'y');
const LINE_BREAK = /[\n\r\u2028\u2029]/;

// "1-2次", "90%~95%", "3至5万人". The leftmost range wins; a range starts where a digit run starts, because a
// number cannot end inside a run of digits.
export function readRange(text: string): RangeParts | undefined {
  if (LINE_BREAK.test(text)) return undefined;
  for (const run of text.matchAll(/\d+/g)) {
    RANGE_AT.lastIndex = run.index;
    const match = RANGE_AT.exec(text);
    if (!match) continue;
    const [, lowNumber, lowMultiplier, lowUnit, highNumber, highMultiplier, highUnit] = match;
    return {
      before: text.slice(0, run.index),
      low: { before: '', number: lowNumber, multiplier: lowMultiplier, unit: lowUnit, after: '' },
      high: { before: '', number: highNumber, multiplier: highMultiplier, unit: highUnit, after: '' },
      after: text.slice(RANGE_AT.lastIndex),
    };
  }
  return undefined;
}

// Comparison words written before the number, e.g. "不低于95%", "当年满意度超过90%".
// prettier-ignore
const WORDS_BEFORE: ReadonlyArray<[string, Operator]> = (
  [
    ['大于或等于', '>='], ['大于等于', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['至少', '>='],
    ['达到', '>='], ['≥', '>='], ['达', '>='],
    ['小于或等于', '<='], ['小于等于', '<='], ['不高于', '<='], ['不超过', '<='], ['不多于', '<='], ['不大于', '<='],
    ['至多', '<='], ['最多', '<='], ['控制在', '<='], ['≤', '<='],
    ['超过', '>'], ['大于', '>'], ['高于', '>'], ['多于', '>'], ['>', '>'],
    ['低于', '<'], ['小于', '<'], ['少于', '<'], ['<', '<'],
    ['等于', '='], ['=', '='],
  ] as Array<[string, Operator]>
).sort((a, b) => b[0].length - a[0].length);

// Comparison words written after the number: 以上 and 以下 include the number in official Chinese usage.
// prettier-ignore
const WORDS_AFTER: ReadonlyArray<[string, Operator]> = (
  [
    ['及以上', '>='], ['或以上', '>='], ['以上', '>='],
    ['及以下', '<='], ['或以下', '<='], ['以下', '<='], ['以内', '<='], ['之内', '<='], ['内', '<='],
  ] as Array<[string, Operator]>
).sort((a, b) => b[0].length - a[0].length);

export interface OperatorWord {
  operator?: Operator;
  rest: string;
}

export function operatorBefore(text: string): OperatorWord {
  const found = WORDS_BEFORE.find(([word]) => text.endsWith(word));
  return found ? { operator: found[1], rest: text.slice(0, -found[0].length) } : { rest: text };
}

export function operatorAfter(text: string): OperatorWord {
  const found = WORDS_AFTER.find(([word]) => text.startsWith(word));
  return found ? { operator: found[1], rest: text.slice(found[0].length) } : { rest: text };
}

// Short CJK text right after a number reads as an unlisted unit ("5栋"), never a longer phrase.
export function looksLikeUnit(text: string): boolean {
  return /^[\u4e00-\u9fff]{1,2}$/.test(text);
}

export interface Quantity {
  value: number;
  unit?: string;
}

// Expands 万/亿 into the value and returns the base unit.
export function toQuantity(parts: QuantityParts): Quantity {
  const { factor, unit } = splitUnit(`${parts.multiplier ?? ''}${parts.unit ?? ''}`);
  // "1.2 万人/年": /年 is the accumulation period of a count, not a different unit; 元/年 stays a cost standard.
  const base = unit !== undefined && !unit.startsWith('元') ? unit.replace(/\/年$/, '') : unit;
  return { value: parseDecimal(parts.number, factor), unit: base };
}
