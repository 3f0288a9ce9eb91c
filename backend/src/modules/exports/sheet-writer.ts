import type { Alignment, Border, CellValue, Font, Workbook, Worksheet } from 'exceljs';

const FONT = '宋体';
const THIN: Partial<Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDERS = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface CellStyle {
  bold?: boolean;
  size?: number;
  align?: Alignment['horizontal'];
  numFmt?: string;
  border?: boolean;
  fill?: string; // ARGB
}

/** 万元 with up to six decimals (1.932 万元), shown with two at least. */
export const WAN_FORMAT = '#,##0.00####';
export const SCORE_FORMAT = '0.00';
export const PERCENT_FORMAT = '0.00%';

/** Excel forbids []:*?/\ in sheet names and allows 31 characters; names must be unique in a workbook. */
export function sheetName(workbook: Workbook, wanted: string): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, '').trim() || '表';
  let name = clean.slice(0, 31);
  for (let n = 2; workbook.getWorksheet(name); n++) {
    const suffix = `(${n})`;
    name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
  }
  return name;
}

/**
 * Writes an official form onto a worksheet: cells and merged ranges with the thin borders, 宋体 and centring
 * these forms are printed with. Rows and columns are 1-based.
 */
export class SheetWriter {
  constructor(readonly sheet: Worksheet) {}

  static create(workbook: Workbook, name: string, widths: number[], landscape = false): SheetWriter {
    const sheet = workbook.addWorksheet(sheetName(workbook, name), {
      pageSetup: {
        paperSize: 9, // A4
        orientation: landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
    });
    sheet.columns = widths.map((width) => ({ width }));
    return new SheetWriter(sheet);
  }

  cell(row: number, col: number, value: CellValue, style: CellStyle = {}): void {
    const cell = this.sheet.getCell(row, col);
    cell.value = value;
    this.style(row, col, style);
  }

  /** A merged range holding one value; every cell of it gets the border, so the printed box is closed. */
  merge(
    top: number,
    left: number,
    bottom: number,
    right: number,
    value: CellValue,
    style: CellStyle = {},
  ): void {
    if (bottom > top || right > left) this.sheet.mergeCells(top, left, bottom, right);
    this.sheet.getCell(top, left).value = value;
    for (let row = top; row <= bottom; row++)
      for (let col = left; col <= right; col++) this.style(row, col, style);
  }

  /**
   * Indicator rows from `start`: 一级 in column 1 and 二级 in column 2, each merged over its run of rows, the
   * row's own cells from column 3. Returns the row after the last one written.
   */
  tree(start: number, rows: TreeRow[]): number {
    let row = start;
    type Run = { text: string; start: number };
    let level1 = null as Run | null;
    let level2 = null as Run | null;
    const close = (run: Run | null, col: number) => {
      if (run) this.merge(run.start, col, row - 1, col, run.text);
    };
    for (const line of rows) {
      if (level1?.text !== line.level1) {
        close(level1, 1);
        close(level2, 2);
        level1 = { text: line.level1, start: row };
        level2 = null;
      }
      if (level2?.text !== line.level2) {
        close(level2, 2);
        level2 = { text: line.level2, start: row };
      }
      line.cells.forEach((cell, i) => this.cell(row, i + 3, cell.value, cell.style));
      if (line.height) this.sheet.getRow(row).height = line.height;
      row++;
    }
    close(level1, 1);
    close(level2, 2);
    return row;
  }

  /** A title line across the form, without borders. */
  title(row: number, width: number, text: string, size = 16): void {
    this.merge(row, 1, row, width, text, { bold: true, size, border: false, align: 'center' });
    this.sheet.getRow(row).height = size * 1.8;
  }

  private style(row: number, col: number, style: CellStyle): void {
    const cell = this.sheet.getCell(row, col);
    const font: Partial<Font> = { name: FONT, size: style.size ?? 10.5, bold: style.bold ?? false };
    cell.font = font;
    cell.alignment = { vertical: 'middle', horizontal: style.align ?? 'center', wrapText: true };
    if (style.numFmt) cell.numFmt = style.numFmt;
    if (style.border !== false) cell.border = BORDERS;
    if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
  }
}

export const HEADER_FILL = 'FFF2F2F2';

export interface TreeRow {
  level1: string; // 一级指标
  level2: string; // 二级指标
  cells: Array<{ value: CellValue; style?: CellStyle }>;
  height?: number;
}

/** Rough printed height of wrapped text: 15 points a line. */
export const heightFor = (...texts: Array<[string | null | undefined, number]>): number =>
  15 *
  Math.max(
    1,
    ...texts.map(([text, perLine]) =>
      (text ?? '').split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0),
    ),
  );
