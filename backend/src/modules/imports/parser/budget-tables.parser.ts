import type { BudgetLine, BudgetTable, BudgetTotals, ThreePublicExpenses } from '@jixiao/domain';
import type { ImportLog } from './import-log';
import { type TableRegion, findUnit, isUnitRow } from './table-locator';
import {
  type Row,
  dropCjkGaps,
  isAmount,
  nonEmptyCount,
  parseAmount,
  rowText,
  squash,
} from './text-table.util';

/** A parsed budget table with the source line of each of its lines (for the report). */
export interface ParsedBudgetTable {
  table: BudgetTable;
  sourceLines: number[];
}

/** A project line of 表10. */
export interface Table10Project {
  /** 1-based order in 表10 */
  seq: number;
  category: string | null;
  categoryGroup: string | null;
  name: string;
  amounts: Record<string, number | null>;
  /** The 合计 column */
  budget: number;
  line: number;
}

const TWO_SIDED = new Set(['表1', '表4']);
const SINGLE_ROW = new Set(['表7']);

export function parseBudgetTable(region: TableRegion, log: ImportLog): ParsedBudgetTable {
  if (TWO_SIDED.has(region.code)) return parseTwoSided(region, log);
  if (SINGLE_ROW.has(region.code)) return parseSingleRow(region);
  return parseClassified(region, log);
}

/** Rows of the table itself: without the department line, the 单位 line and the notes. */
function bodyRows(region: TableRegion): { rows: Row[]; note: string | null } {
  const rows: Row[] = [];
  const notes: string[] = [];
  let started = false;
  for (const row of region.rows) {
    const first = squash(row.cells[0] ?? '');
    if (first.startsWith('备注')) {
      notes.push(row.cells.filter((cell) => cell !== '').join(' '));
      continue;
    }
    if (isUnitRow(row) && nonEmptyCount(row.cells) <= 2 && !row.cells.some(isAmount)) continue;
    // Department line and other single-cell lines above the header.
    if (!started && nonEmptyCount(row.cells) < 2) continue;
    started = true;
    rows.push(row);
  }
  return { rows, note: notes.length > 0 ? notes.join('\n') : null };
}

/**
 * Column keys from a multi-row header: each column's labels top-down joined by "/". A label spanning
 * several columns (merged, so empty to its right) is carried right over the columns that have sub-labels;
 * a label spanning every amount column is the table's title and dropped.
 */
export function columnKeys(header: string[][], from: number, width: number): string[] {
  const labels = header.map((cells) => cells.map((cell) => squash(cell).replace(/^[_—-]+|[_—-]+$/g, '')));
  const paths: string[][] = [];
  for (let c = from; c < width; c++) paths.push([]);
  labels.forEach((cells, r) => {
    let carry = '';
    for (let c = from; c < width; c++) {
      const label = cells[c] ?? '';
      const hasSubLabel = labels.slice(r + 1).some((below) => (below[c] ?? '') !== '');
      if (label !== '') {
        carry = label;
        paths[c - from].push(label);
      } else if (carry !== '' && hasSubLabel) {
        paths[c - from].push(carry);
      } else {
        carry = '';
      }
    }
  });
  const first = paths[0]?.[0];
  if (paths.length > 1 && paths.every((path) => path.length > 1 && path[0] === first)) {
    paths.forEach((path) => path.shift());
  }
  return paths.map((path, i) => (path.length > 0 ? path.join('/') : `列${from + i + 1}`));
}

function splitHeader(rows: Row[], isData: (row: Row) => boolean): { header: Row[]; data: Row[] } {
  const firstData = rows.findIndex(isData);
  if (firstData < 0) return { header: rows, data: [] };
  return { header: rows.slice(0, firstData), data: rows.slice(firstData) };
}

function amountsOf(cells: string[], keys: string[], from: number): Record<string, number | null> {
  const amounts: Record<string, number | null> = {};
  keys.forEach((key, i) => {
    const value = parseAmount(cells[from + i] ?? '');
    amounts[key] = typeof value === 'number' ? value : null;
  });
  return amounts;
}

function cleanName(name: string, region: TableRegion, row: Row, log: ImportLog): string {
  const clean = dropCjkGaps(name);
  if (clean !== name) {
    log.recover(
      'name-whitespace',
      { table: region.code, line: row.line, row: name },
      `名称中的断行空格已去除：「${name}」→「${clean}」`,
    );
  }
  return clean;
}

// --- 表2, 表3, 表5-1, 表5-2, 表6, 表8, 表9: 编码 | 名称 | amounts… -----------------------------------------

function parseClassified(region: TableRegion, log: ImportLog): ParsedBudgetTable {
  const { rows, note } = bodyRows(region);
  const { header, data } = splitHeader(rows, (row) => row.cells.slice(2).some(isAmount));
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  const columns = columnKeys(
    header.map((row) => row.cells),
    2,
    width,
  );
  const lines: BudgetLine[] = [];
  const sourceLines: number[] = [];
  const levelOf = new Map<string, number>();
  for (const row of data) {
    const codeCell = squash(row.cells[0] ?? '');
    const code = /^\d+$/.test(codeCell) ? codeCell : null;
    const name = cleanName(row.cells[1] ?? '', region, row, log);
    let parentCode: string | null = null;
    let level = 1;
    if (code) {
      parentCode =
        [...levelOf.keys()]
          .filter((known) => code.startsWith(known) && known !== code)
          .sort((a, b) => b.length - a.length)[0] ?? null;
      level = parentCode ? (levelOf.get(parentCode) ?? 0) + 1 : 1;
      levelOf.set(code, level);
    } else if (isTotalName(name)) {
      level = 0;
    }
    lines.push({ code, parentCode, name, level, amounts: amountsOf(row.cells, columns, 2) });
    sourceLines.push(row.line);
  }
  return {
    table: {
      code: region.code,
      caption: region.caption,
      unit: findUnit(region.rows),
      kind: 'classified',
      columns,
      lines,
      note,
    },
    sourceLines,
  };
}

export function isTotalName(name: string): boolean {
  return /合计|总计/.test(squash(name));
}

// --- 表1, 表4: 收入 项目 | 预算数 | 支出 项目 | 预算数 ---------------------------------------------------------

const ORDINAL = /^[一二三四五六七八九十廿]+、/;
const PAREN_ORDINAL = /^[（(][一二三四五六七八九十廿]+[)）]/;

function parseTwoSided(region: TableRegion, log: ImportLog): ParsedBudgetTable {
  const { rows, note } = bodyRows(region);
  const { header, data } = splitHeader(
    rows,
    (row) => isAmount(row.cells[1] ?? '') || isAmount(row.cells[3] ?? ''),
  );
  const amountLabel = squash(header[header.length - 1]?.cells[1] ?? '') || '预算数';
  const sides: { side: 'income' | 'expenditure'; lines: BudgetLine[]; sourceLines: number[] }[] = [
    { side: 'income', lines: [], sourceLines: [] },
    { side: 'expenditure', lines: [], sourceLines: [] },
  ];
  for (const row of data) {
    sides.forEach((side, s) => {
      const rawName = row.cells[s * 2] ?? '';
      if (rawName === '') return;
      const value = parseAmount(row.cells[s * 2 + 1] ?? '');
      side.lines.push({
        side: side.side,
        code: null,
        parentCode: null,
        name: cleanName(rawName, region, row, log),
        level: 1,
        amounts: { [amountLabel]: typeof value === 'number' ? value : null },
      });
      side.sourceLines.push(row.line);
    });
  }
  for (const side of sides) assignOrdinalLevels(side.lines);
  return {
    table: {
      code: region.code,
      caption: region.caption,
      unit: findUnit(region.rows),
      kind: 'two-sided',
      columns: [amountLabel],
      lines: [...sides[0].lines, ...sides[1].lines],
      note,
    },
    sourceLines: [...sides[0].sourceLines, ...sides[1].sourceLines],
  };
}

/** Levels from the ordinals: "一、" 1, "（一）" one below, unnumbered lines below the last numbered one. */
function assignOrdinalLevels(lines: BudgetLine[]): void {
  const hasOrdinal = lines.some((line) => ORDINAL.test(line.name));
  let lastNumbered = 0;
  let afterTotal = false;
  for (const line of lines) {
    if (isTotalName(line.name)) {
      line.level = 0;
      lastNumbered = 0;
      afterTotal = true;
    } else if (ORDINAL.test(line.name)) {
      line.level = lastNumbered = 1;
    } else if (PAREN_ORDINAL.test(line.name)) {
      line.level = lastNumbered = hasOrdinal ? 2 : 1;
    } else {
      line.level = afterTotal && lastNumbered === 0 ? 1 : lastNumbered + 1;
    }
  }
}

// --- 表7: one row of amounts ------------------------------------------------------------------------------

function parseSingleRow(region: TableRegion): ParsedBudgetTable {
  const { rows, note } = bodyRows(region);
  const isData = (row: Row): boolean => row.cells.filter((cell) => cell !== '').every(isAmount);
  const { header, data } = splitHeader(rows, isData);
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  const columns = columnKeys(
    header.map((row) => row.cells),
    0,
    width,
  );
  return {
    table: {
      code: region.code,
      caption: region.caption,
      unit: findUnit(region.rows),
      kind: 'single-row',
      columns,
      lines: data.map((row) => ({
        code: null,
        parentCode: null,
        name: '预算数',
        level: 1,
        amounts: amountsOf(row.cells, columns, 0),
      })),
      note,
    },
    sourceLines: data.map((row) => row.line),
  };
}

export function threePublicExpenses(table: BudgetTable | undefined): ThreePublicExpenses | null {
  const line = table?.lines[0];
  if (!table || !line) return null;
  const pick = (test: (path: string[]) => boolean): number | null => {
    const key = table.columns.find((column) => test(column.split('/')));
    return key === undefined ? null : (line.amounts[key] ?? null);
  };
  const last = (path: string[]): string => path[path.length - 1];
  return {
    total: pick((path) => last(path).includes('三公') && last(path).includes('合计')),
    overseasTravel: pick((path) => last(path).includes('因公出国')),
    officialVehicles: pick(
      (path) => path[0].includes('公务用车') && (path.length === 1 || last(path) === '小计'),
    ),
    vehiclePurchase: pick((path) => last(path).includes('公务用车购置费')),
    vehicleOperation: pick((path) => last(path).includes('公务用车运行费')),
    officialReception: pick((path) => last(path).includes('公务接待')),
  };
}

// --- 表10: 项目分类 | 项目名称 | amounts… ----------------------------------------------------------------

export function parseProjectList(
  region: TableRegion,
  log: ImportLog,
): { parsed: ParsedBudgetTable; projects: Table10Project[] } {
  const { rows, note } = bodyRows(region);
  const { header, data } = splitHeader(rows, (row) => row.cells.slice(2).some(isAmount));
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  const columns = columnKeys(
    header.map((row) => row.cells),
    2,
    width,
  );
  const lines: BudgetLine[] = [];
  const sourceLines: number[] = [];
  const projects: Table10Project[] = [];
  let group: { code: string; level: number } | null = null;
  let unitLevel = 0;
  let category: string | null = null;
  for (const row of data) {
    const categoryCell = row.cells[0] ?? '';
    const name = row.cells[1] ?? '';
    const amounts = amountsOf(row.cells, columns, 2);
    const push = (line: BudgetLine): void => {
      lines.push(line);
      sourceLines.push(row.line);
    };
    if (categoryCell === '' && isTotalName(name)) {
      push({ code: null, parentCode: null, name, level: 0, amounts });
    } else if (categoryCell === '' && /^\d+$/.test(squash(name))) {
      group = { code: squash(name), level: unitLevel + 1 };
      push({ code: group.code, parentCode: null, name, level: group.level, amounts });
    } else if (categoryCell === '' && projects.length === 0 && group === null) {
      unitLevel++;
      push({ code: null, parentCode: null, name, level: unitLevel, amounts });
    } else {
      if (categoryCell !== '') {
        category = categoryCell;
      } else {
        log.recover(
          'merged-cells',
          { table: region.code, line: row.line, row: rowText(row.cells) },
          `项目分类为空（合并单元格），沿用上一行的「${category ?? ''}」`,
        );
      }
      const line: BudgetLine = {
        code: null,
        parentCode: group?.code ?? null,
        name,
        level: (group?.level ?? unitLevel) + 1,
        category: category ?? undefined,
        amounts,
      };
      push(line);
      projects.push({
        seq: projects.length + 1,
        category,
        categoryGroup: group?.code ?? null,
        name: dropCjkGaps(name),
        amounts,
        budget: amounts[columns[0]] ?? 0,
        line: row.line,
      });
    }
  }
  return {
    parsed: {
      table: {
        code: region.code,
        caption: region.caption,
        unit: findUnit(region.rows),
        kind: 'project-list',
        columns,
        lines,
        note,
      },
      sourceLines,
    },
    projects,
  };
}

// --- totals -----------------------------------------------------------------------------------------------

export function budgetTotals(tables: BudgetTable[]): BudgetTotals {
  const byCode = (code: string): BudgetTable | undefined => tables.find((table) => table.code === code);
  const twoSided = (code: string, side: 'income' | 'expenditure', test: RegExp): number | null => {
    const table = byCode(code);
    const line = table?.lines.find((l) => l.side === side && test.test(squash(l.name)));
    return line ? (Object.values(line.amounts)[0] ?? null) : null;
  };
  const table3 = byCode('表3');
  const total3 = table3?.lines.find((line) => line.level === 0);
  const column3 = (label: string): number | null => {
    const key = table3?.columns.find((column) => column === label);
    return key && total3 ? (total3.amounts[key] ?? null) : null;
  };
  return {
    incomeTotal: twoSided('表1', 'income', /总计/),
    expenditureTotal: twoSided('表1', 'expenditure', /总计/),
    currentYearIncome: twoSided('表1', 'income', /本年收入合计/),
    currentYearExpenditure: twoSided('表1', 'expenditure', /本年支出合计/),
    basicExpenditure: column3('基本支出'),
    projectExpenditure: column3('项目支出'),
    fiscalIncomeTotal: twoSided('表4', 'income', /总计/),
    fiscalExpenditureTotal: twoSided('表4', 'expenditure', /总计/),
  };
}
