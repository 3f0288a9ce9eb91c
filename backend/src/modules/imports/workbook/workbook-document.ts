import type { BudgetDocument, Indicator } from '@jixiao/domain';
import type { Workbook, Worksheet } from 'exceljs';
import {
  cellText,
  isTargetSheet,
  NO_ROWS,
  readTargetWorksheet,
  type TargetSheetRow,
} from '../../exports/target-sheet.reader';
import { departmentYearOfSubject, goalLine, TARGET_HEADERS } from '../../exports/target-tables.workbook';

/** What a workbook sent to the document import is: the product's own target tables, or the provincial layout. */
export type ImportWorkbook =
  | {
      kind: 'target-tables';
      /** From the workbook's subject when it was downloaded from here; else found by 部门名称. */
      departmentCode: string | null;
      departmentName: string;
      year: number;
      sheets: OwnSheet[];
    }
  | {
      kind: 'provincial';
      /** The department-year the workbook's subject names when it was downloaded from here; else null. */
      named: { code: string; year: number } | null;
      sheets: ProvincialSheet[];
    };

/** A 表11 or 表12 sheet of the product's own export: its owner and its goals' indicator rows. */
export interface OwnSheet {
  sheet: string;
  /** null: 表11, the department as a whole. */
  project: { name: string; code: string | null } | null;
  goals: { line: string; row: number; indicators: OwnRow[] }[];
}

export interface OwnRow {
  level1: string;
  level2: string;
  name: string;
  target: string;
  unit: string;
  basis: string;
  prev2: string;
  prev1: string;
}

/** A sheet of the provincial exchange layout: the sheet's name names the project. */
export interface ProvincialSheet {
  sheet: string;
  rows: TargetSheetRow[];
}

/** Field → Chinese message of a workbook that cannot be imported, e.g. `file` or `sheets[表12(1)].rows[5]`. */
export class WorkbookImportError extends Error {
  constructor(
    message: string,
    readonly errors: Record<string, string>,
  ) {
    super(message);
  }
}

/** What the import takes, said when a workbook is neither. */
export const EXPECTED_WORKBOOKS =
  '应为本系统导出的绩效目标表（表11 部门整体、表12 各项目，“下载绩效目标表”），或省一体化格式（每个项目一张工作表，以项目名称或编码命名，表头为 一级指标、二级指标、三级指标、指标性质、指标值 等列，见导入模板）';

const DEPARTMENT_TITLE = '部门整体支出绩效目标表';
const PROJECT_TITLE = '项目支出绩效目标表';
const GOAL_LINE = /^(长期|年度)绩效指标 — /;

/** Classifies and reads an uploaded workbook; a workbook that is neither layout → WorkbookImportError. */
export function readImportWorkbook(workbook: Workbook): ImportWorkbook {
  const titled = workbook.worksheets.filter((sheet) =>
    [DEPARTMENT_TITLE, PROJECT_TITLE].includes(cellText(sheet.getCell(1, 1))),
  );
  if (titled.length > 0) return readOwnExport(titled, departmentYearOfSubject(workbook.subject));
  const provincial = workbook.worksheets.filter((sheet) => isTargetSheet(sheet));
  // A sheet with the header and no row (the template as downloaded) imports nothing.
  const filled = provincial.filter((sheet) => {
    const read = readTargetWorksheet(sheet);
    return read.ok || read.fileError !== NO_ROWS;
  });
  if (filled.length > 0)
    return { ...readProvincial(filled), named: departmentYearOfSubject(workbook.subject) };
  const empty = provincial.length
    ? `（工作表“${provincial.map((sheet) => sheet.name).join('”“')}”没有指标行）`
    : '';
  throw new WorkbookImportError(`无法识别的 Excel 文件${empty}：${EXPECTED_WORKBOOKS}`, {
    file: `file：无法识别的 Excel 文件${empty}，${EXPECTED_WORKBOOKS}`,
  });
}

function readOwnExport(sheets: Worksheet[], named: { code: string; year: number } | null): ImportWorkbook {
  const department = sheets.find((sheet) => cellText(sheet.getCell(1, 1)) === DEPARTMENT_TITLE);
  if (!department)
    throw new WorkbookImportError('缺少“表11 部门整体支出绩效目标表”工作表，无法确定部门', {
      file: 'file：缺少“表11 部门整体支出绩效目标表”工作表（含部门名称与年度），无法确定部门',
    });
  const year = Number(/(\d{4})\s*年度/.exec(cellText(department.getCell(2, 1)))?.[1]);
  const nameRow = rowsOf(department).find((row) => cellText(department.getCell(row, 1)) === '部门名称');
  const departmentName = nameRow ? cellText(department.getCell(nameRow, 2)) : '';
  if (!year || !departmentName)
    throw new WorkbookImportError('表11 中未找到部门名称或年度', {
      file: `file：工作表“${department.name}”第 2 行应为“（年份 年度）”，并有“部门名称”一行`,
    });
  return {
    kind: 'target-tables',
    departmentCode: named?.year === year ? named.code : null,
    departmentName,
    year,
    sheets: sheets.map((sheet) => ({
      sheet: sheet.name,
      project: sheet === department ? null : projectOf(sheet),
      goals: goalsOf(sheet),
    })),
  };
}

function projectOf(sheet: Worksheet): { name: string; code: string | null } {
  const row = rowsOf(sheet).find((r) => cellText(sheet.getCell(r, 1)) === '项目名称');
  const name = row ? cellText(sheet.getCell(row, 2)) : '';
  if (!row || !name)
    throw new WorkbookImportError(`工作表“${sheet.name}”中未找到项目名称`, {
      [`sheets[${sheet.name}]`]: `工作表“${sheet.name}”：未找到“项目名称”一行`,
    });
  return { name, code: cellText(sheet.getCell(row, 6)) || null };
}

function goalsOf(sheet: Worksheet): OwnSheet['goals'] {
  const goals: OwnSheet['goals'] = [];
  let current: OwnSheet['goals'][number] | null = null;
  for (const row of rowsOf(sheet)) {
    const first = cellText(sheet.getCell(row, 1));
    if (GOAL_LINE.test(first)) {
      current = { line: first, row, indicators: [] };
      goals.push(current);
      continue;
    }
    if (!current || first === TARGET_HEADERS[0]) continue;
    const cells = TARGET_HEADERS.map((_, i) => cellText(sheet.getCell(row, i + 1)));
    if (!cells[2]) continue;
    const [level1, level2, name, target, unit, basis, prev2, prev1] = cells;
    current.indicators.push({ level1, level2, name, target, unit, basis, prev2, prev1 });
  }
  return goals;
}

function readProvincial(sheets: Worksheet[]): { kind: 'provincial'; sheets: ProvincialSheet[] } {
  const errors: Record<string, string> = {};
  const read: ProvincialSheet[] = [];
  for (const sheet of sheets) {
    const result = readTargetWorksheet(sheet);
    if (result.ok) read.push({ sheet: sheet.name, rows: result.rows });
    else if (result.fileError) errors[`sheets[${sheet.name}]`] = `工作表“${sheet.name}”：${result.fileError}`;
    else
      for (const error of result.errors)
        errors[`sheets[${sheet.name}].rows[${error.row}]${error.column ? `.${error.column}` : ''}`] =
          `工作表“${sheet.name}”第 ${error.row} 行${error.column ? `「${error.column}」` : ''}：${error.message}`;
  }
  if (Object.keys(errors).length)
    throw new WorkbookImportError(`导入文件有 ${Object.keys(errors).length} 处错误，未导入任何内容`, errors);
  return { kind: 'provincial', sheets: read };
}

/** The project a provincial sheet names: its name without a 表12(n) prefix. */
export function projectNameOfSheet(sheet: string): string {
  return sheet.replace(/^表12\s*[(（]\d+[)）]\s*/, '').trim();
}

function rowsOf(sheet: Worksheet): number[] {
  return Array.from({ length: sheet.rowCount }, (_, i) => i + 1);
}

/**
 * The department-year's current document with the workbook's indicators in place of the ones it lists: an
 * unchanged row keeps its stored indicator as it is (reading included), so exporting and importing back
 * changes nothing; a goal or project the workbook leaves out stays as it is.
 */
export function mergeWorkbook(doc: BudgetDocument, workbook: ImportWorkbook): BudgetDocument {
  const merged: BudgetDocument = structuredClone(doc);
  if (workbook.kind === 'target-tables') {
    for (const sheet of workbook.sheets) {
      const goals = sheet.project
        ? projectFor(merged, sheet.sheet, sheet.project).goals
        : merged.overall.goals;
      for (const block of sheet.goals) {
        const goal = goals.find((candidate) => goalLine(candidate) === block.line);
        if (!goal)
          throw new WorkbookImportError(`工作表“${sheet.sheet}”第 ${block.row} 行的目标与现有目标不符`, {
            [`sheets[${sheet.sheet}].rows[${block.row}]`]: `工作表“${sheet.sheet}”第 ${block.row} 行：未找到目标“${block.line}”（目标的增减请导入预算文本或 JSON）`,
          });
        goal.indicators = replaceIndicators(goal.indicators, block.indicators.map(ownIndicator));
      }
    }
    return merged;
  }
  for (const sheet of workbook.sheets) {
    const name = projectNameOfSheet(sheet.sheet);
    const project = projectFor(merged, sheet.sheet, { name, code: name });
    const annual = project.goals.filter((goal) => goal.term === 'annual');
    if (annual.length === 0)
      throw new WorkbookImportError(`项目“${project.name}”没有年度绩效目标`, {
        [`sheets[${sheet.sheet}]`]: `工作表“${sheet.sheet}”：项目“${project.name}”没有年度绩效目标，无法导入年度指标`,
      });
    // The sheet is the project's whole annual table: the first annual goal takes its rows, the others none.
    const all = annual.flatMap((goal) => goal.indicators);
    annual.forEach((goal, i) => {
      goal.indicators = i === 0 ? replaceIndicators(all, sheet.rows.map(provincialIndicator)) : [];
    });
  }
  return merged;
}

function projectFor(
  doc: BudgetDocument,
  sheet: string,
  wanted: { name: string; code: string | null },
): BudgetDocument['projects'][number] {
  const project =
    doc.projects.find((candidate) => candidate.name === wanted.name) ??
    doc.projects.find((candidate) => wanted.code !== null && candidate.code === wanted.code);
  if (!project)
    throw new WorkbookImportError(`工作表“${sheet}”的项目不在该部门年度中`, {
      [`sheets[${sheet}]`]: `工作表“${sheet}”：该部门年度没有名称或编码为“${wanted.name}”的项目`,
    });
  return project;
}

type Incoming = Indicator & { parsed?: Indicator['parsed'] };

function ownIndicator(row: OwnRow): Incoming {
  return {
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    target: row.target,
    basis: row.basis,
    ...(row.prev2 ? { prev2: row.prev2 } : {}),
    ...(row.prev1 ? { prev1: row.prev1 } : {}),
    ...(row.unit ? { unit: row.unit } : {}),
  };
}

function provincialIndicator(row: TargetSheetRow): Incoming {
  return {
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    target: row.target.raw,
    basis: '',
    ...(row.unit ? { unit: row.unit } : {}),
    parsed: row.target,
  };
}

const SAME_FIELDS = ['level1', 'level2', 'name', 'target', 'basis', 'prev2', 'prev1', 'unit'] as const;

/**
 * The incoming rows in their order; each takes the stored indicator of the same 一级 / 二级 / name when the
 * workbook changed nothing the workbook shows (it keeps what the workbook does not show: 预计当年实现, the
 * reading). A provincial row (with its own explicit reading) keeps what the table does not show too.
 */
function replaceIndicators(stored: Indicator[], incoming: Incoming[]): Indicator[] {
  const free = [...stored];
  return incoming.map((row) => {
    const index = free.findIndex(
      (candidate) =>
        candidate.level1 === row.level1 && candidate.level2 === row.level2 && candidate.name === row.name,
    );
    if (index < 0) return row;
    const [match] = free.splice(index, 1);
    const same = SAME_FIELDS.every((field) =>
      field === 'basis' && row.parsed ? true : (match[field] ?? '') === (row[field] ?? ''),
    );
    if (same) return match;
    return {
      ...match,
      ...row,
      basis: row.parsed ? match.basis : row.basis,
      ...(row.parsed ? {} : { parsed: undefined }),
    };
  });
}
