// Chinese numerals as people write amounts: 三十, 两千五, 一万二 (= 12000), 一千零五, 三点五.
const DIGITS: Readonly<Record<string, string>> = {
  零: '0',
  〇: '0',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const LARGE: ReadonlyArray<[string, number]> = [
  ['亿', 1e8],
  ['万', 1e4],
];
// Below 一万: 千, 百 and 十 groups in order, a 零 where a group is skipped, then the ones.
const SECTION = /^(?:([1-9])千)?0?(?:([1-9])百)?0?(?:([1-9]?)十)?([1-9])?$/;
// "两千五" and "三百六": a last digit right after 千 or 百 counts in the next lower order (2500, 360).
const SHORTENED: Readonly<Record<string, number>> = { 千: 100, 百: 10 };

/** A whole number below 一万 ("二千零五" → 2005), or undefined when the text is not one. */
function readSection(text: string): number | undefined {
  const digits = [...text].map((char) => DIGITS[char] ?? char).join('');
  const match = SECTION.exec(digits);
  if (!match || digits === '') return undefined;
  const [, thousands = '0', hundreds = '0', tens, ones = '0'] = match;
  const tensValue = tens === undefined ? 0 : Number(tens || '1');
  const onesFactor = digits.length > 1 ? (SHORTENED[digits[digits.length - 2]] ?? 1) : 1;
  return Number(thousands) * 1000 + Number(hundreds) * 100 + tensValue * 10 + Number(ones) * onesFactor;
}

/** A whole number with 万 and 亿 ("一万二" → 12000, "三亿零五百万" → 305000000), or undefined. */
function readWhole(text: string): number | undefined {
  let total = 0;
  let rest = text;
  for (const [word, factor] of LARGE) {
    const at = rest.indexOf(word);
    if (at < 0) continue;
    const head = readSection(rest.slice(0, at));
    if (head === undefined) return undefined;
    total += head * factor;
    rest = rest.slice(at + 1);
    // "一万二": a single digit after 万 or 亿 counts in the next lower order.
    if (rest.length === 1 && DIGITS[rest] !== undefined && DIGITS[rest] !== '0')
      return total + (Number(DIGITS[rest]) * factor) / 10;
  }
  if (rest === '') return total === 0 ? undefined : total;
  const tail = readSection(rest.replace(/^零/, ''));
  return tail === undefined ? undefined : total + tail;
}

/**
 * The digits a Chinese numeral stands for, as text ("三点五" → "3.5"), or undefined when the text is not a
 * numeral. Digits after 点 are read one by one.
 */
export function chineseNumeral(text: string): string | undefined {
  const [whole, fraction, ...more] = text.split('点');
  if (more.length > 0) return undefined;
  const value = whole === '零' ? 0 : readWhole(whole);
  if (value === undefined) return undefined;
  if (fraction === undefined) return String(value);
  if (!/^[零〇一二三四五六七八九]+$/.test(fraction)) return undefined;
  return `${value}.${[...fraction].map((char) => DIGITS[char]).join('')}`;
}

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿点';
