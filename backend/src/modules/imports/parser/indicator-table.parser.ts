import { type Indicator, parseTarget } from '@jixiao/domain';
import type { ImportLog } from './import-log';
import type { ReportLocation } from './import-report.types';
import { isLevel1, isLevel2, isLevelFragment, level1For } from './indicator-levels';
import { type Row, dropCjkGaps, firstNonEmpty, rowText, squash } from './text-table.util';

/** An indicator with the text of its 目标名称 cell (carried down) and its source line. */
export interface IndicatorRow {
  /** 目标名称 cell, "" when the table has none or it is empty throughout. */
  goalLabel: string;
  indicator: Indicator;
  line: number;
}

export interface IndicatorTable {
  annual: boolean;
  rows: IndicatorRow[];
}

type Role =
  'goal' | 'level1' | 'level2' | 'name' | 'target' | 'prev2' | 'prev1' | 'expected' | 'basis' | 'unit';

interface Layout {
  roles: Partial<Record<Role, number>>;
  /** Empty header columns between the name and the basis (a merged cell's second half). */
  spacers: number[];
  width: number;
}

const HEADER_WORDS =
  /^(目标名称|一级指标|二级指标|三级指标|指标值|前年|上年|近两年指标值|预[计期]当年实现值?|指标值确定依据|计量单位|[长年][期度]绩效指标)$/;
// Labels of the 表11 row-header column; they name no goal.
const TABLE_LABEL = /^(长期绩效指标|年度绩效指标)$/;

function headerWord(cell: string): string {
  return squash(cell).replace(/[_—-]+/g, '');
}

/** The first row of an indicator table: 一级指标 | 二级指标 | 三级指标 … */
export function isIndicatorHeader(row: Row): boolean {
  const words = row.cells.map(headerWord);
  return words.includes('一级指标') && words.includes('二级指标') && words.includes('三级指标');
}

function isHeaderContinuation(row: Row): boolean {
  const words = row.cells.map(headerWord).filter((word) => word !== '');
  return (
    words.length > 0 && words.every((word) => HEADER_WORDS.test(word)) && !words.some((w) => w === '一级指标')
  );
}

function layoutOf(header: Row[]): Layout {
  const width = Math.max(...header.map((row) => row.cells.length));
  const leaves: string[] = [];
  for (let c = 0; c < width; c++) {
    const labels = header.map((row) => headerWord(row.cells[c] ?? '')).filter((label) => label !== '');
    leaves.push(labels[labels.length - 1] ?? '');
  }
  const roles: Partial<Record<Role, number>> = {};
  leaves.forEach((leaf, c) => {
    if (leaf === '目标名称' || TABLE_LABEL.test(leaf)) roles.goal = c;
    else if (leaf === '一级指标') roles.level1 = c;
    else if (leaf === '二级指标') roles.level2 = c;
    else if (leaf === '三级指标') roles.name = c;
    else if (leaf === '指标值') roles.target = c;
    else if (leaf === '前年') roles.prev2 = c;
    else if (leaf === '上年') roles.prev1 = c;
    else if (/当年实现/.test(leaf)) roles.expected = c;
    else if (/依据/.test(leaf)) roles.basis = c;
    else if (leaf === '计量单位') roles.unit = c;
  });
  if (roles.goal === undefined && (roles.level1 ?? 0) > 0) roles.goal = (roles.level1 ?? 0) - 1;
  // Annual tables put the year's target under 预计当年实现 when 指标值 only heads the value columns.
  if (roles.target === undefined && roles.expected !== undefined) {
    roles.target = roles.expected;
    delete roles.expected;
  }
  const spacers: number[] = [];
  const name = roles.name ?? 0;
  const basis = roles.basis ?? width;
  for (let c = name + 1; c < basis; c++) if (leaves[c] === '') spacers.push(c);
  return { roles, spacers, width: Math.max(width, basis + 1) };
}

function levelIndex(cells: string[], test: (name: string) => boolean): number {
  return cells.findIndex((cell) => cell !== '' && test(squash(cell)));
}

function isGoalLike(cell: string): boolean {
  return /目标|绩效指标/.test(squash(cell));
}

interface Draft {
  line: number;
  cells: string[];
  raw: string[];
}

/**
 * Reads one indicator table (header row first). Repairs rows shifted by a column, rows split by a page
 * break and merged cells, and sets each 二级's 一级 per the domain table; every repair goes to the log.
 */
export function parseIndicatorTable(rows: Row[], log: ImportLog, where: ReportLocation): IndicatorTable {
  const headerRows = [rows[0]];
  let k = 1;
  while (k < rows.length && isHeaderContinuation(rows[k])) headerRows.push(rows[k++]);
  const layout = layoutOf(headerRows);
  const { roles } = layout;
  const annual = roles.prev1 !== undefined || roles.prev2 !== undefined;
  const at = (row: Row): ReportLocation => ({ ...where, line: row.line, row: rowText(row.cells) });

  const drafts: Draft[] = [];
  for (const row of rows.slice(k)) {
    const previous = drafts[drafts.length - 1];
    const continuation = previous ? continuationOf(row, previous, layout) : undefined;
    if (previous && continuation !== undefined) {
      joinContinuation(row, previous, continuation, log, at(row));
      continue;
    }
    drafts.push({ line: row.line, cells: alignRow(row, layout, log, at(row)), raw: row.cells });
  }
  return { annual, rows: carryDown(drafts, layout, annual, log, where) };
}

/**
 * A row holding the rest of the row above, cut by a page break: only pieces of cells above, and either no
 * target of its own or a target piece that does not read alone and reads once joined ("在合同规定的" +
 * "时间内支付", "1.5 万" + "小时"). Returns why the target was joined ('' when it had none), or undefined.
 */
function continuationOf(row: Row, previous: Draft, layout: Layout): string | undefined {
  if (!row.afterBreak) return undefined;
  // A whole level name starts a row of its own, unless it completes a fragment above ("服务对象" + "满意度 指标").
  const startsRow = row.cells.some(
    (cell, c) =>
      cell !== '' &&
      (isLevel1(squash(cell)) || isLevel2(squash(cell))) &&
      !isLevelFragment(squash(previous.cells[c] ?? '')),
  );
  if (startsRow) return undefined;
  if (!row.cells.every((cell, c) => cell === '' || (previous.cells[c] ?? '') !== '')) return undefined;
  const target = layout.roles.target;
  const piece = target === undefined ? '' : (row.cells[target] ?? '');
  if (piece === '') return '';
  // A row with a whole 确定依据 of its own is a row of its own: a split row leaves its short basis above.
  const basis = layout.roles.basis;
  if (basis !== undefined && BASIS_WORD.test(squash(row.cells[basis] ?? ''))) return undefined;
  return splitTargetReason(previous.cells[target as number], piece);
}

// 指标值确定依据 as tables write it in a few characters (docs/domain.md §3).
const BASIS_WORD = /^(历史数据|计划标准|行业标准|计划数据|其他)$/;

/** Whether two halves of a target cell belong together: judged by libs/domain's reading of each. */
function splitTargetReason(top: string, bottom: string): string | undefined {
  const unread = (text: string): boolean => parseTarget(text).confidence === 'unparsed';
  if (unread(`${top}${bottom}`)) return undefined;
  const topAlone = unread(top);
  const bottomAlone = unread(bottom);
  if (topAlone && bottomAlone) return '；指标值两半单独均不成立，合起来可读';
  if (topAlone || bottomAlone) return `；指标值「${topAlone ? top : bottom}」单独不成立，合起来可读`;
  return undefined;
}

function joinContinuation(
  row: Row,
  previous: Draft,
  why: string,
  log: ImportLog,
  where: ReportLocation,
): void {
  row.cells.forEach((cell, c) => {
    if (cell === '') return;
    const before = previous.cells[c];
    previous.cells[c] = before + cell;
    log.recover(
      'page-break-join',
      { ...where, line: previous.line },
      `单元格被分页截断（第 ${previous.line} 行与第 ${row.line} 行），已拼接：「${before}」+「${cell}」→「${before}${cell}」${why}`,
    );
  });
}

/** The row's cells moved to the header's columns. */
function alignRow(row: Row, layout: Layout, log: ImportLog, where: ReportLocation): string[] {
  const { roles, spacers } = layout;
  const level1 = roles.level1 ?? 1;
  const level2 = roles.level2 ?? 2;
  const name = roles.name ?? 3;
  const basis = roles.basis ?? layout.width - 1;
  let cells = [...row.cells];

  const i1 = levelIndex(cells, isLevel1);
  const i2 = levelIndex(cells, isLevel2);
  let shift = 0;
  let why = '';
  if (i1 >= 0 && i1 !== level1) {
    shift = level1 - i1;
    why = `一级指标「${cells[i1]}」在第 ${i1 + 1} 列`;
  } else if (i1 < 0 && i2 >= 0 && i2 !== level2) {
    shift = level2 - i2;
    why = `二级指标「${cells[i2]}」在第 ${i2 + 1} 列`;
  } else if (i1 < 0 && i2 < 0) {
    const first = firstNonEmpty(cells);
    if (first === level2 && (cells[basis] ?? '') === '' && !isLevelFragment(squash(cells[first]))) {
      shift = 1;
      why = `三级指标「${cells[first]}」在二级指标列`;
    }
  }
  if (shift < 0 && cells.slice(0, -shift).some((cell) => cell !== '')) shift = 0;
  if (shift !== 0) {
    cells = shift > 0 ? [...Array<string>(shift).fill(''), ...cells] : cells.slice(-shift);
    const lost =
      shift < 0 && (cells[basis] ?? '') === '' ? '；末列「指标值确定依据」在原文中缺失，记为空' : '';
    log.recover(
      'shifted-row',
      where,
      `整行${shift > 0 ? '左' : '右'}移了 ${Math.abs(shift)} 列（${why}），已按表头列位还原${lost}`,
    );
  }

  // A page whose table lost an empty spacer column: values sit one column early.
  for (const spacer of spacers) {
    if ((cells[spacer] ?? '') !== '') {
      cells.splice(spacer, 0, '');
      log.recover(
        'shifted-row',
        where,
        `本行缺少表头中的空白列（第 ${spacer + 1} 列），其后的单元格已右移一列`,
      );
    }
  }

  // The name written into the 目标名称 column, and the values one column early.
  const goal = roles.goal;
  if (
    goal !== undefined &&
    (cells[goal] ?? '') !== '' &&
    !isGoalLike(cells[goal]) &&
    [level1, level2, name].every((c) => (cells[c] ?? '') === '')
  ) {
    const text = cells[goal];
    cells[goal] = '';
    cells[name] = text;
    let moved = '';
    if ((cells[basis] ?? '') === '' && (cells[basis - 1] ?? '') !== '') {
      cells.splice(name + 1, 0, '');
      cells.splice(basis + 1, 1);
      moved = '，其后的指标值与依据右移一列';
    }
    log.recover('shifted-row', where, `三级指标「${text}」错位在目标名称列，已移回三级指标列${moved}`);
  }
  while (cells.length < layout.width) cells.push('');
  return cells;
}

const TYPO = /[》《]\s*\d/;

function carryDown(
  drafts: Draft[],
  layout: Layout,
  annual: boolean,
  log: ImportLog,
  where: ReportLocation,
): IndicatorRow[] {
  const { roles } = layout;
  const cell = (draft: Draft, role: Role): string =>
    roles[role] === undefined ? '' : (draft.cells[roles[role]] ?? '');
  const out: IndicatorRow[] = [];
  let goalLabel = '';
  let level1 = '';
  let level2 = '';
  const carried = { level1: 0, level2: 0, goal: 0 };
  for (const draft of drafts) {
    const at: ReportLocation = { ...where, line: draft.line, row: rowText(draft.raw) };
    const goalCell = cell(draft, 'goal');
    if (goalCell !== '' && squash(goalCell) === '目标名称') {
      log.recover('stray-cell', at, '目标名称列中出现表头文字「目标名称」，视为空（沿用本表的目标）');
    } else if (goalCell !== '' && !TABLE_LABEL.test(squash(goalCell))) {
      goalLabel = goalCell;
    } else if (out.length > 0) {
      carried.goal++;
    }

    const rawLevel1 = cell(draft, 'level1');
    const rawLevel2 = cell(draft, 'level2');
    const newLevel1 = squash(rawLevel1);
    const newLevel2 = squash(rawLevel2);
    // An empty cell is a merged one: it repeats the row above, even under a new 一级 (the 二级 decides).
    if (newLevel1 !== '') level1 = newLevel1;
    else carried.level1++;
    if (newLevel2 !== '') level2 = newLevel2;
    else carried.level2++;
    for (const [raw, clean] of [
      [rawLevel1, newLevel1],
      [rawLevel2, newLevel2],
    ]) {
      if (raw !== clean && dropCjkGaps(raw) === clean) {
        log.recover('name-whitespace', at, `指标层级名称中的断行空格已去除：「${raw}」→「${clean}」`);
      }
    }

    const parent = level1For(level2);
    if (parent !== undefined && parent !== level1) {
      log.recover(
        'wrong-parent',
        at,
        `二级指标「${level2}」落在一级指标「${level1 || '（空）'}」下（合并单元格），按二级→一级对应表改为「${parent}」`,
      );
      level1 = parent;
    }
    if (level1 !== '' && !isLevel1(level1)) {
      log.find('unknown-level', at, `一级指标「${level1}」不在一级指标表中，原文保留`);
    }
    if (level2 !== '' && !isLevel2(level2)) {
      log.find('unknown-level', at, `二级指标「${level2}」不在二级指标表中，原文保留`);
    }

    const rawName = cell(draft, 'name');
    const name = dropCjkGaps(rawName);
    if (name !== rawName) {
      log.recover('name-whitespace', at, `三级指标名称中的断行空格已去除：「${rawName}」→「${name}」`);
    }
    const indicator: Indicator = {
      level1,
      level2,
      name,
      target: cell(draft, 'target'),
      basis: cell(draft, 'basis'),
    };
    if (annual) {
      indicator.prev2 = cell(draft, 'prev2');
      indicator.prev1 = cell(draft, 'prev1');
    }
    if (roles.expected !== undefined) indicator.expected = cell(draft, 'expected');
    if (roles.unit !== undefined) indicator.unit = cell(draft, 'unit');
    for (const [label, value] of [
      ['指标值', indicator.target],
      ['前年', indicator.prev2],
      ['上年', indicator.prev1],
    ] as const) {
      if (value && TYPO.test(value)) {
        log.recover(
          'typo',
          at,
          `${label}「${value}」中的「${/[》《]/.exec(value)?.[0]}」疑为「≥」/「≤」的录入错误；原文保留`,
        );
      }
    }
    out.push({ goalLabel, indicator, line: draft.line });
  }
  if (carried.level1 + carried.level2 > 0) {
    log.recover(
      'merged-cells',
      where,
      `合并单元格：${carried.level1} 行的一级指标、${carried.level2} 行的二级指标为空，沿用上一行`,
    );
  }
  return out;
}
