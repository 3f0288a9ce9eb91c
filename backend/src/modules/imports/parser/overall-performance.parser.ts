import type { FundLine, Goal, OverallPerformance, OverallProjectLine } from '@jixiao/domain';
import type { ImportLog } from './import-log';
import type { ReportLocation } from './import-report.types';
import { isIndicatorHeader, parseIndicatorTable } from './indicator-table.parser';
import { termOf } from './project-sections.parser';
import type { TableRegion } from './table-locator';
import {
  type Row,
  dropCjkGaps,
  firstNonEmpty,
  parseAmount,
  parsePercent,
  rowText,
  squash,
} from './text-table.util';

/** Source lines of the 表11 fund lines, for the report. */
export interface ParsedOverall {
  overall: OverallPerformance;
  fundLines: { side: 'income' | 'expenditure'; line: FundLine; sourceLine: number }[];
}

const GOAL_ROW = /^(长期|年度)目标\s*\d*\s*[:：]?$/;

function label(row: Row): string {
  return squash(row.cells[firstNonEmpty(row.cells)] ?? '');
}

function valueAfter(row: Row, labelTest: RegExp): string | null {
  const at = row.cells.findIndex((cell) => labelTest.test(squash(cell)));
  if (at < 0) return null;
  const valueAt = firstNonEmpty(row.cells, at + 1);
  return valueAt >= 0 ? row.cells[valueAt] : null;
}

function amount(cell: string | undefined): number | null {
  const value = parseAmount(cell ?? '');
  return typeof value === 'number' ? value : null;
}

/** 表11 部门整体支出绩效目标表 */
export function parseOverallPerformance(region: TableRegion, log: ImportLog): ParsedOverall {
  const rows = region.rows;
  const overall: OverallPerformance = {
    departmentName: null,
    preparer: null,
    phone: null,
    funds: { income: [], expenditure: [] },
    functions: null,
    annualTasks: null,
    projects: [],
    summary: { long: null, annual: null },
    goals: [],
  };
  const fundLines: ParsedOverall['fundLines'] = [];
  const where = (part: string, row?: Row): ReportLocation => ({
    table: '表11',
    part,
    ...(row ? { line: row.line, row: rowText(row.cells) } : {}),
  });

  let i = 0;
  while (i < rows.length) {
    const row = rows[i];
    const first = label(row);
    if (/^部门[(（]单位[)）]名称$/.test(first)) {
      overall.departmentName = valueAfter(row, /^部门[(（]单位[)）]名称$/);
      i++;
    } else if (first === '填报人') {
      overall.preparer = valueAfter(row, /^填报人$/);
      overall.phone = valueAfter(row, /^联系电话$/);
      i++;
    } else if (first === '部门总体资金情况') {
      i = parseFunds(rows, i, overall, fundLines);
    } else if (first === '部门职能概述') {
      overall.functions = valueAfter(row, /^部门职能概述$/);
      i++;
    } else if (first === '年度工作任务') {
      overall.annualTasks = valueAfter(row, /^年度工作任务$/);
      i++;
    } else if (first === '项目支出情况') {
      i = parseProjectList(rows, i, overall.projects);
    } else if (/^整体绩效总目标$/.test(first)) {
      const longAt = row.cells.findIndex((cell) => /长期目标/.test(squash(cell)));
      const annualAt = row.cells.findIndex((cell) => /年度目标/.test(squash(cell)));
      const next = rows[i + 1];
      if (next && firstNonEmpty(next.cells) > 0) {
        overall.summary.long = longAt >= 0 ? next.cells[longAt] || null : null;
        overall.summary.annual = annualAt >= 0 ? next.cells[annualAt] || null : null;
        i += 2;
      } else {
        i++;
      }
    } else if (firstNonEmpty(row.cells) === 0 && GOAL_ROW.test(first)) {
      i = parseGoal(rows, i, overall.goals, log, where);
    } else {
      i++;
    }
  }
  return { overall, fundLines };
}

function parseFunds(
  rows: Row[],
  start: number,
  overall: OverallPerformance,
  out: ParsedOverall['fundLines'],
): number {
  const header = rows[start];
  const amountAt = header.cells.findIndex((cell) => squash(cell) === '当年金额');
  const shareAt = header.cells.findIndex((cell) => squash(cell) === '占比');
  let i = start + 1;
  const years: { year: number; at: number }[] = [];
  if (rows[i]) {
    rows[i].cells.forEach((cell, at) => {
      const match = /^(\d{4})年?$/.exec(squash(cell));
      if (match) years.push({ year: Number(match[1]), at });
    });
    if (years.length > 0) i++;
  }
  let side: 'income' | 'expenditure' | undefined;
  for (; i < rows.length; i++) {
    const row = rows[i];
    if (row.cells[0] !== '') break;
    const group = squash(row.cells[amountAt - 2] ?? '');
    if (group === '收入构成') side = 'income';
    else if (group === '支出构成') side = 'expenditure';
    else if (group !== '') break;
    if (!side) break;
    const share = parsePercent(row.cells[shareAt] ?? '');
    const line: FundLine = {
      item: dropCjkGaps(
        squash(row.cells[amountAt - 1] ?? '') === '合计' ? '合计' : (row.cells[amountAt - 1] ?? ''),
      ),
      amount: amount(row.cells[amountAt]),
      share: typeof share === 'number' ? share : null,
      history: years.map(({ year, at }) => ({ year, amount: amount(row.cells[at]) })),
    };
    overall.funds[side].push(line);
    out.push({ side, line, sourceLine: row.line });
  }
  return i;
}

function parseProjectList(rows: Row[], start: number, out: OverallProjectLine[]): number {
  const header = rows[start];
  const at = (test: RegExp): number => header.cells.findIndex((cell) => test.test(squash(cell)));
  const col = {
    name: at(/^项目名称$/),
    category: at(/项目类别/),
    total: at(/总预算/),
    current: at(/本年度预算|当年预算/),
    purpose: at(/支出方向|用途/),
  };
  let i = start + 1;
  for (; i < rows.length && rows[i].cells[0] === ''; i++) {
    const cells = rows[i].cells;
    out.push({
      name: dropCjkGaps(cells[col.name] ?? ''),
      category: cells[col.category] || null,
      totalBudget: amount(cells[col.total]),
      currentBudget: amount(cells[col.current]),
      purpose: cells[col.purpose] || null,
    });
  }
  return i;
}

function parseGoal(
  rows: Row[],
  start: number,
  goals: Goal[],
  log: ImportLog,
  where: (part: string, row?: Row) => ReportLocation,
): number {
  const row = rows[start];
  const goalLabel = row.cells[0].replace(/\s*[:：]\s*$/, '');
  const term = termOf(goalLabel) ?? 'long';
  const titleAt = firstNonEmpty(row.cells, 1);
  if (titleAt > 1) {
    log.recover(
      'shifted-row',
      where(goalLabel, row),
      `目标说明在第 ${titleAt + 1} 列（应在第 2 列），已按目标说明读取`,
    );
  }
  const goal: Goal = {
    term,
    label: goalLabel,
    title: titleAt >= 0 ? row.cells[titleAt] : '',
    indicators: [],
  };
  goals.push(goal);
  let end = start + 1;
  while (end < rows.length && !(firstNonEmpty(rows[end].cells) === 0 && GOAL_ROW.test(label(rows[end]))))
    end++;
  const body = rows.slice(start + 1, end);
  const headerAt = body.findIndex(isIndicatorHeader);
  if (headerAt < 0) {
    log.find('missing', where(goalLabel, row), `「${goalLabel}」下没有指标表`);
    return end;
  }
  const table = parseIndicatorTable(body.slice(headerAt), log, where(goalLabel));
  goal.indicators = table.rows.map((indicatorRow) => indicatorRow.indicator);
  return end;
}
