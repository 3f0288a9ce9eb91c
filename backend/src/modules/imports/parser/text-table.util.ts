// Reading tab-separated text as PDF extraction or an Excel paste produces it.

/** One non-blank line of the source, split into cells. */
export interface Row {
  /** 1-based line number in the source text. */
  line: number;
  /** Tab-separated cells, trimmed; merged cells are empty strings. */
  cells: string[];
  /** True when blank lines precede this row: in extracted PDF text that is a page break. */
  afterBreak: boolean;
}

export function readRows(text: string): Row[] {
  const rows: Row[] = [];
  let blankBefore = false;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const cells = raw.split('\t').map((cell) => cell.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
    if (cells.every((cell) => cell === '')) {
      blankBefore = true;
      return;
    }
    rows.push({ line: index + 1, cells, afterBreak: blankBefore && rows.length > 0 });
    blankBefore = false;
  });
  return rows;
}

/** All whitespace removed: how labels and level names are compared. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

// CJK ideographs, CJK and full-width punctuation, curly quotes: a space between two of these is never
// part of Chinese text; it is a line break inside a narrow cell.
const CJK = '[\\u2018-\\u201f\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const CJK_GAP = new RegExp(`(?<=${CJK})[\\s\\u3000]+(?=${CJK})`, 'g');

/** Drops the whitespace a line break put between Chinese characters ("开展各类培训 次数" → "开展各类培训次数"). */
export function dropCjkGaps(text: string): string {
  return text.replace(CJK_GAP, '');
}

export function firstNonEmpty(cells: string[], from = 0): number {
  for (let i = from; i < cells.length; i++) if (cells[i] !== '') return i;
  return -1;
}

export function nonEmptyCount(cells: string[]): number {
  return cells.filter((cell) => cell !== '').length;
}

const AMOUNT = /^-?[\d,]*\d(?:\.\d+)?$/;

/**
 * A published amount as a number: "4,000.00", "758.22 万", "200 万元" → 4000, 758.22, 200.
 * Returns null for an empty cell and undefined for text that is not an amount.
 */
export function parseAmount(cell: string): number | null | undefined {
  const text = squash(cell).replace(/万元$|万$/, '');
  if (text === '') return null;
  if (!AMOUNT.test(text)) return undefined;
  return Number(text.replace(/,/g, ''));
}

export function isAmount(cell: string): boolean {
  return cell !== '' && typeof parseAmount(cell) === 'number';
}

/** A percentage cell ("67.21%") as the number of percent. */
export function parsePercent(cell: string): number | null | undefined {
  const text = squash(cell);
  if (text === '') return null;
  const match = /^(-?\d+(?:\.\d+)?)[%％]$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Round to cents (or to the finest precision published) for comparisons free of float noise. */
export function roundAmount(value: number): number {
  return Math.round(value * 10000) / 10000;
}

export function sumAmounts(values: (number | null)[]): number {
  return roundAmount(values.reduce<number>((sum, value) => sum + (value ?? 0), 0));
}

/** Text of a row cell-by-cell for the report. */
export function rowText(cells: string[]): string {
  return cells.filter((cell) => cell !== '').join(' | ');
}
