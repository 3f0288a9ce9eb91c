import { type Target } from '@jixiao/domain';
import fc from 'fast-check';

/**
 * Plausible entries for one target: what a person filling the 填报 grid or the 自评表 would type. `canonical` is
 * the plain ASCII spelling of a right-shaped entry (it must read alike); wrong shapes have none.
 */
export interface Entry {
  text: string;
  canonical?: string;
  /** For a single number: the value it must be stored as, in the target's unit. */
  value?: number;
}

const FULL_WIDTH = /[0-9%,.;]/g;
/** １２，０００％: digits and punctuation as a Chinese input method types them. */
export const fullWidth = (text: string): string =>
  text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

const CN_DIGITS = '零一二三四五六七八九';
const CN_UNITS = ['千', '百', '十', ''];

function cnSection(n: number): string {
  let out = '';
  let zero = false;
  [...String(n).padStart(4, '0')].forEach((digit, at) => {
    if (digit === '0') {
      zero = out !== '';
      return;
    }
    out += `${zero ? '零' : ''}${CN_DIGITS[Number(digit)]}${CN_UNITS[at]}`;
    zero = false;
  });
  return n >= 10 && n < 20 ? out.replace(/^一十/, '十') : out;
}

/** 一万二千三百 for 12300; colloquial 一万二 / 两千 when `spoken`. Whole numbers below 一亿 only. */
export function chinese(n: number, spoken: boolean): string {
  if (n === 0) return '零';
  if (spoken && n >= 10000 && n < 100000 && n % 1000 === 0 && (n / 1000) % 10 !== 0)
    return `${CN_DIGITS[Math.floor(n / 10000)]}万${CN_DIGITS[(n / 1000) % 10]}`;
  const head = Math.floor(n / 10000);
  const rest = n % 10000;
  const text =
    head === 0
      ? cnSection(rest)
      : `${cnSection(head)}万${rest === 0 ? '' : `${rest < 1000 ? '零' : ''}${cnSection(rest)}`}`;
  return spoken ? text.replace(/^二(?=[千万])/, '两') : text;
}

type Kind = 'number' | 'date' | 'judgement' | 'parts' | 'none';

export function kindOf(target: Target | null): Kind {
  if (!target) return 'none';
  if (target.operator === 'all-of') return 'parts';
  if (target.operator === 'by-date' && target.deadline) return 'date';
  if (target.operator === 'qualitative' || (target.value === undefined && target.min === undefined))
    return 'judgement';
  return 'number';
}

const JUDGEMENTS = ['达成', '已完成', '部分达成', '基本完成', '未达成', '未完成', ' 达成 '];

/** A value the person means: digits, full-width, thousands separators, 万, Chinese numerals, with or without unit. */
function rightNumber(target: Target): fc.Arbitrary<Entry> {
  const reference = Math.max(target.value ?? 0, target.max ?? 0, target.min ?? 0, 1);
  const high = Math.min(Math.ceil(reference * 2), 2e7);
  const unit = target.unit ?? '';
  return fc
    .tuple(fc.integer({ min: 0, max: high }), fc.nat(6), fc.boolean(), fc.boolean())
    .map(([n, style, withUnit, spoken]) => {
      const suffix = withUnit ? unit : '';
      const plain = `${n}${suffix}`;
      const texts = [
        plain,
        fullWidth(plain),
        `${n.toLocaleString('en-US')}${suffix}`,
        fullWidth(`${n.toLocaleString('en-US')}${suffix}`),
        n < 1e8 ? `${chinese(n, spoken)}${suffix}` : plain,
        n >= 10000 && n % 1000 === 0 && unit !== '%' ? `${n / 10000}万${unit}` : plain,
        ` ${n} ${suffix} `,
      ];
      return { text: texts[style], canonical: String(n), value: n };
    });
}

function rightDate(): fc.Arbitrary<Entry> {
  return fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.nat(3))
    .map(([month, day, style]) => {
      const iso = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const texts = [
        iso,
        `2025年${month}月${day}日`,
        `2025/${month}/${day}`,
        fullWidth(`2025.${month}.${day}`),
      ];
      return { text: texts[style], canonical: iso };
    });
}

const rightJudgement = (): fc.Arbitrary<Entry> =>
  fc.constantFrom(...JUDGEMENTS).map((text) => ({ text, canonical: text.trim() }));

const SEPARATORS = ['、', ',', '，', '；', ' 、 ', '、 '];

function rightParts(target: Target): fc.Arbitrary<Entry> {
  const parts = (target.parts ?? []).map((part) => rightOf(part));
  return fc.tuple(fc.tuple(...parts), fc.constantFrom(...SEPARATORS)).map(([entries, separator]) => ({
    text: entries.map((entry) => entry.text.trim()).join(separator),
    canonical: entries.map((entry) => entry.canonical).join('、'),
  }));
}

/** Right shapes: what a person would type and mean for this kind of target. */
export function rightOf(target: Target | null): fc.Arbitrary<Entry> {
  switch (kindOf(target)) {
    case 'number':
      return rightNumber(target as Target);
    case 'date':
      return rightDate();
    case 'parts':
      return rightParts(target as Target);
    case 'judgement':
      return rightJudgement();
    default:
      return fc.oneof(
        rightJudgement(),
        fc.nat(1000).map((n) => ({ text: String(n) })),
      );
  }
}

/** Wrong shapes: too few or too many parts, a wrong unit, a date for a count, text for a number, blanks, noise. */
export function wrongOf(target: Target | null): fc.Arbitrary<Entry> {
  const otherUnit = ['小时', '天', '分钟'].includes(target?.unit ?? '') ? '元' : '小时';
  const parts = target?.parts?.length ?? 1;
  return fc
    .oneof(
      fc.constantFrom('', ' ', '   ', '\t', '　'),
      fc.constantFrom('见附件', '进行中', 'abc', '正在推进', '一般', '十分满意', 'N/A', '—', '？'),
      fc.nat(500).map((n) => `${n}${otherUnit}`),
      fc.nat(500).map((n) => `${n}人次`),
      fc.constantFrom('2025-06-30', '2025年6月', '2025年底'),
      fc.nat(99).map(String),
      fc.array(fc.nat(99), { minLength: 1, maxLength: parts + 2 }).map((values) => values.join('、')),
      fc.constantFrom('１２、≥９０％', '≥９０％', '12,000', '一万二', '1 场、90 人', '1场,90人', '-5', '1e5'),
      fc.constantFrom('1.2.3', '１２ 、', '、', ',,', '百分之', '99999999999999999999', '0.000001'),
      fc.string({ maxLength: 30 }),
    )
    .map((text) => ({ text }));
}
