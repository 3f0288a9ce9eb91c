// 勾稽关系 (docs/domain.md §7): totals that must agree. Every comparison is counted; a mismatch becomes a finding.
// No number is ever changed here.
import type { BudgetLine, BudgetTable, OverallPerformance, Project } from '@jixiao/domain';
import type { ParsedBudgetTable } from './budget-tables.parser';
import type { ImportLog } from './import-log';
import type { ReportLocation } from './import-report.types';
import type { ParsedOverall } from './overall-performance.parser';
import type { ProjectSection } from './project-sections.parser';
import { squash, sumAmounts } from './text-table.util';

export function formatAmount(value: number): string {
  return String(Number(value.toFixed(4)));
}

function lineName(line: BudgetLine): string {
  return line.code ? `${line.code} ${line.name}` : line.name;
}

function lastLabel(key: string): string {
  const labels = key.split('/');
  return labels[labels.length - 1];
}

/** 合计 = the sum of the column groups; a group's 小计 = the sum of its columns. */
function checkColumnParts(parsed: ParsedBudgetTable, log: ImportLog): void {
  const { table } = parsed;
  const [totalKey, ...rest] = table.columns;
  if (totalKey === undefined || !lastLabel(totalKey).includes('合计') || rest.length === 0) return;
  const groups = new Map<string, string[]>();
  for (const key of rest) {
    const group = key.split('/')[0];
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  table.lines.forEach((line, index) => {
    const where: ReportLocation = { table: table.code, line: parsed.sourceLines[index], row: lineName(line) };
    const values = table.columns.map((key) => line.amounts[key]);
    if (values.every((value) => value === null)) return;
    const groupValues: (number | null)[] = [];
    const groupNames: string[] = [];
    for (const [group, keys] of groups) {
      const subtotal = keys.find((key) => lastLabel(key) === '小计');
      const parts = keys.filter((key) => key !== subtotal);
      if (subtotal) {
        groupValues.push(line.amounts[subtotal]);
        if (parts.some((key) => line.amounts[key] !== null) || line.amounts[subtotal] !== null) {
          const expected = sumAmounts(parts.map((key) => line.amounts[key]));
          const actual = line.amounts[subtotal] ?? 0;
          log.check(
            'column-parts',
            { ...where, part: `${subtotal} 列` },
            `${lineName(line)}：「${subtotal}」${formatAmount(actual)} 不等于 ${parts.join(' + ')} = ${formatAmount(expected)}`,
            expected,
            actual,
          );
        }
      } else {
        groupValues.push(sumAmounts(parts.map((key) => line.amounts[key])));
      }
      groupNames.push(subtotal ?? group);
    }
    const expected = sumAmounts(groupValues);
    const actual = line.amounts[totalKey] ?? 0;
    log.check(
      'column-parts',
      { ...where, part: `${totalKey} 列` },
      `${lineName(line)}：「${totalKey}」${formatAmount(actual)} 不等于 ${groupNames.join(' + ')} = ${formatAmount(expected)}`,
      expected,
      actual,
    );
  });
}

function checkSum(
  log: ImportLog,
  kind: 'children-sum' | 'total-sum',
  table: BudgetTable,
  where: ReportLocation,
  whole: BudgetLine,
  parts: BudgetLine[],
  partsLabel: string,
): void {
  for (const key of table.columns) {
    const values = parts.map((part) => part.amounts[key]);
    const actualValue = whole.amounts[key];
    if (actualValue === null && values.every((value) => value === null)) continue;
    const expected = sumAmounts(values);
    const actual = actualValue ?? 0;
    log.check(
      kind,
      { ...where, part: `${key} 列` },
      `${lineName(whole)}：「${key}」${formatAmount(actual)} 不等于${partsLabel}之和 ${formatAmount(expected)}`,
      expected,
      actual,
    );
  }
}

function checkClassified(parsed: ParsedBudgetTable, log: ImportLog): void {
  const { table, sourceLines } = parsed;
  checkColumnParts(parsed, log);
  table.lines.forEach((line, index) => {
    const where: ReportLocation = { table: table.code, line: sourceLines[index], row: lineName(line) };
    if (line.code !== null) {
      const children = table.lines.filter((child) => child.parentCode === line.code && child.code !== null);
      if (children.length > 0) {
        checkSum(
          log,
          'children-sum',
          table,
          where,
          line,
          children,
          `下级（${children.map((c) => c.code).join('、')}）`,
        );
      }
    } else if (line.level === 0) {
      const top = table.lines.filter((other) => other.level === 1 && other.code !== null);
      if (top.length > 0) checkSum(log, 'total-sum', table, where, line, top, '各类科目');
    }
  });
}

function checkTwoSided(parsed: ParsedBudgetTable, log: ImportLog): void {
  const { table, sourceLines } = parsed;
  const grandTotals: { line: BudgetLine; index: number }[] = [];
  for (const side of ['income', 'expenditure'] as const) {
    const lines = table.lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => line.side === side);
    let subtotal: BudgetLine | undefined;
    let sinceTotal: BudgetLine[] = [];
    lines.forEach(({ line, index }, k) => {
      const where: ReportLocation = { table: table.code, line: sourceLines[index], row: line.name };
      if (line.level > 0) {
        const children: BudgetLine[] = [];
        for (let j = k + 1; j < lines.length && lines[j].line.level > line.level; j++) {
          if (lines[j].line.level === line.level + 1) children.push(lines[j].line);
        }
        if (children.length > 0) checkSum(log, 'children-sum', table, where, line, children, '所属各项');
        if (line.level === 1) sinceTotal.push(line);
        return;
      }
      if (/总计/.test(squash(line.name))) {
        const parts = subtotal ? [subtotal, ...sinceTotal] : sinceTotal;
        checkSum(log, 'total-sum', table, where, line, parts, `${parts.map((p) => p.name).join('、')}`);
        grandTotals.push({ line, index });
      } else {
        checkSum(log, 'total-sum', table, where, line, sinceTotal, '以上各项');
        subtotal = line;
      }
      sinceTotal = [];
    });
  }
  const [income, expenditure] = grandTotals;
  if (income && expenditure) {
    const key = table.columns[0];
    log.check(
      'balance',
      {
        table: table.code,
        line: sourceLines[expenditure.index],
        row: `${income.line.name} / ${expenditure.line.name}`,
      },
      `收入总计 ${formatAmount(income.line.amounts[key] ?? 0)} 不等于支出总计 ${formatAmount(expenditure.line.amounts[key] ?? 0)}`,
      income.line.amounts[key] ?? 0,
      expenditure.line.amounts[key] ?? 0,
    );
  }
}

function checkProjectList(parsed: ParsedBudgetTable, log: ImportLog): void {
  const { table, sourceLines } = parsed;
  checkColumnParts(parsed, log);
  const projects = table.lines.filter((line) => line.category !== undefined);
  const total = table.lines.find((line) => line.level === 0);
  table.lines.forEach((line, index) => {
    const where: ReportLocation = { table: table.code, line: sourceLines[index], row: line.name };
    if (line === total) {
      checkSum(log, 'total-sum', table, where, line, projects, `全部 ${projects.length} 个项目`);
    } else if (line.code !== null) {
      checkSum(
        log,
        'children-sum',
        table,
        where,
        line,
        projects.filter((p) => p.parentCode === line.code),
        `分组 ${line.code} 下各项目`,
      );
    } else if (line.category === undefined && total) {
      checkSum(log, 'total-sum', table, where, line, projects, `全部 ${projects.length} 个项目`);
    }
  });
}

export function checkBudgetTables(parsedTables: ParsedBudgetTable[], year: number, log: ImportLog): void {
  for (const parsed of parsedTables) {
    if (parsed.table.kind === 'two-sided') checkTwoSided(parsed, log);
    else if (parsed.table.kind === 'classified') checkClassified(parsed, log);
    else if (parsed.table.kind === 'single-row') checkColumnParts(parsed, log);
    else checkProjectList(parsed, log);
    const note = parsed.table.note;
    for (const match of note?.matchAll(/(\d{4})\s*年/g) ?? []) {
      if (Number(match[1]) !== year) {
        log.find(
          'inconsistent',
          { table: parsed.table.code, row: note ?? '' },
          `备注中的年份 ${match[1]} 与预算年度 ${year} 不一致`,
        );
      }
    }
  }
}

export function checkOverallFunds(parsed: ParsedOverall, log: ImportLog): void {
  for (const side of ['income', 'expenditure'] as const) {
    const lines = parsed.fundLines.filter((entry) => entry.side === side);
    const sideName = side === 'income' ? '收入构成' : '支出构成';
    const totalEntry = lines.find((entry) => entry.line.item === '合计');
    const items = lines.filter((entry) => entry !== totalEntry);
    if (!totalEntry) continue;
    const total = totalEntry.line;
    const where: ReportLocation = { table: '表11', part: sideName, line: totalEntry.sourceLine, row: '合计' };
    if (total.amount !== null) {
      const expected = sumAmounts(items.map((entry) => entry.line.amount));
      log.check(
        'total-sum',
        { ...where, part: `${sideName}/当年金额` },
        `${sideName}合计 ${formatAmount(total.amount)} 不等于各项之和 ${formatAmount(expected)}`,
        expected,
        total.amount,
      );
    }
    total.history.forEach((entry, k) => {
      if (entry.amount === null) return;
      const expected = sumAmounts(items.map((item) => item.line.history[k]?.amount ?? null));
      log.check(
        'total-sum',
        { ...where, part: `${sideName}/${entry.year}年` },
        `${sideName} ${entry.year} 年合计 ${formatAmount(entry.amount)} 不等于各项之和 ${formatAmount(expected)}`,
        expected,
        entry.amount,
      );
    });
    const shared = items.filter((entry) => entry.line.share !== null);
    for (const { line, sourceLine } of shared) {
      if (line.amount === null || !total.amount) continue;
      const expected = Math.round((line.amount / total.amount) * 10000) / 100;
      log.check(
        'share',
        { table: '表11', part: sideName, line: sourceLine, row: line.item },
        `${line.item}占比 ${line.share}% 与金额不符：${formatAmount(line.amount)} ÷ ${formatAmount(total.amount)} = ${expected}%`,
        expected,
        line.share ?? 0,
      );
    }
    if (shared.length > 0) {
      const sum = sumAmounts(shared.map((entry) => entry.line.share));
      log.check(
        'share',
        { ...where, part: `${sideName}/占比` },
        `${sideName}各项占比之和 ${sum}% 不等于 100%`,
        100,
        sum,
      );
    }
  }
}

export function checkProjects(
  projects: Project[],
  sections: Map<Project, ProjectSection>,
  log: ImportLog,
  label: (p: Project) => string,
): void {
  for (const project of projects) {
    const section = sections.get(project);
    if (!section) continue;
    const where: ReportLocation = { table: '表12', project: label(project) };
    const budget = project.currentBudget ?? project.budget;
    const budgetName = project.currentBudget !== null ? '项目当年预算' : '表10 合计';
    if (project.currentBudget !== null) {
      log.check(
        'cross-table',
        { ...where, part: '项目当年预算' },
        `项目当年预算 ${formatAmount(project.currentBudget)} 与表10 合计 ${formatAmount(project.budget)} 不一致`,
        project.budget,
        project.currentBudget,
      );
    }
    if (project.spendingDetails.length > 0) {
      const expected = sumAmounts(project.spendingDetails.map((detail) => detail.amount));
      log.check(
        'project-sum',
        { ...where, part: '项目支出明细测算' },
        `支出明细合计 ${formatAmount(expected)} 不等于${budgetName} ${formatAmount(budget)}`,
        budget,
        expected,
      );
    }
    const fundingTotal = project.fundingSources.find((source) => squash(source.name) === '合计');
    if (fundingTotal?.amount != null) {
      log.check(
        'project-sum',
        { ...where, part: '项目资金来源' },
        `资金来源合计 ${formatAmount(fundingTotal.amount)} 不等于${budgetName} ${formatAmount(budget)}`,
        budget,
        fundingTotal.amount,
      );
    }
  }
}

/** The same amount read from two tables. */
export function checkAcrossTables(tables: BudgetTable[], overall: OverallPerformance, log: ImportLog): void {
  const table = (code: string): BudgetTable | undefined => tables.find((t) => t.code === code);
  const totalOf = (code: string, column: (key: string) => boolean): number | null => {
    const t = table(code);
    const line = t?.lines.find((l) => l.level === 0);
    const key = t?.columns.find(column);
    return line && key ? (line.amounts[key] ?? null) : null;
  };
  const grand = (code: string, side: 'income' | 'expenditure'): number | null => {
    const line = table(code)?.lines.find((l) => l.side === side && /总计/.test(squash(l.name)));
    return line ? (Object.values(line.amounts)[0] ?? null) : null;
  };
  const pairs: [string, number | null, string, number | null][] = [
    [
      '表10 项目支出合计',
      totalOf('表10', (k) => k === '合计'),
      '表3 项目支出合计',
      totalOf('表3', (k) => k === '项目支出'),
    ],
    [
      '表6 基本支出合计',
      totalOf('表6', (k) => k === '合计'),
      '表5-1 基本支出小计',
      totalOf('表5-1', (k) => k === '基本支出/小计'),
    ],
    ['表4 支出总计', grand('表4', 'expenditure'), '表5-1 合计', totalOf('表5-1', (k) => k === '合计')],
    ['表1 收入总计', grand('表1', 'income'), '表2 合计', totalOf('表2', (k) => k === '合计')],
    ['表1 支出总计', grand('表1', 'expenditure'), '表3 合计', totalOf('表3', (k) => k === '合计')],
    [
      '表11 收入构成合计',
      overall.funds.income.find((l) => l.item === '合计')?.amount ?? null,
      '表1 收入总计',
      grand('表1', 'income'),
    ],
  ];
  for (const [leftName, left, rightName, right] of pairs) {
    if (left === null || right === null) continue;
    log.check(
      'cross-table',
      { table: leftName.split(' ')[0], row: `${leftName} / ${rightName}` },
      `${leftName} ${formatAmount(left)} 与${rightName} ${formatAmount(right)} 不一致`,
      right,
      left,
    );
  }
}

/** Every 表10 project should be in 表11's 项目支出情况 (names there are short, so amounts lead). */
export function checkOverallProjectList(
  overall: OverallPerformance,
  projects: Project[],
  log: ImportLog,
): void {
  if (overall.projects.length === 0) return;
  const free = [...overall.projects];
  for (const project of projects) {
    log.checksRun++;
    const candidates = free
      .filter((line) => line.currentBudget !== null && Math.abs(line.currentBudget - project.budget) < 0.005)
      .map((line) => ({ line, run: longestCommonRun(squash(line.name), squash(project.name)) }))
      .sort((a, b) => b.run - a.run);
    // A unique amount identifies the line; several with the same amount need a shared name part.
    if (candidates.length === 1 || (candidates.length > 1 && candidates[0].run >= 2)) {
      free.splice(free.indexOf(candidates[0].line), 1);
      continue;
    }
    log.find(
      'missing',
      { table: '表11', part: '项目支出情况', row: project.name },
      `表10 项目「${project.name}」（${formatAmount(project.budget)} 万元）未列入表11 项目支出情况`,
    );
  }
  for (const line of free) {
    log.find(
      'missing',
      { table: '表11', part: '项目支出情况', row: line.name },
      `表11 项目支出情况中的「${line.name}」在表10 中找不到对应项目`,
    );
  }
}

/** The 科目 a project's 支出明细 is classified under should be a 科目 of 表3 / 表5-1. */
export function checkClassificationCodes(
  projects: Project[],
  tables: BudgetTable[],
  log: ImportLog,
  label: (p: Project) => string,
): void {
  const functional = tables.filter((table) => table.code === '表3' || table.code === '表5-1');
  if (functional.length === 0) return;
  const known = new Set(
    functional.flatMap((table) => table.lines.map((line) => line.code)).filter((code) => code !== null),
  );
  for (const project of projects) {
    const codes = new Set(
      project.spendingDetails.map((detail) => detail.classificationCode).filter((code) => code !== null),
    );
    for (const code of codes) {
      log.checksRun++;
      if (known.has(code)) continue;
      const text =
        project.spendingDetails.find((detail) => detail.classificationCode === code)
          ?.economicClassification ?? code;
      log.find(
        'inconsistent',
        { table: '表12', project: label(project), part: '项目支出明细测算' },
        `支出明细的支出经济分类「${text}」不是表3/表5-1 中的科目`,
      );
    }
  }
}

/** A name a narrow column cut short, seen in full under the same code in another table. Kept as printed. */
export function noteTruncatedNames(tables: BudgetTable[], log: ImportLog): void {
  const full = new Map<string, string>();
  for (const table of tables) {
    for (const line of table.lines) {
      if (line.code === null) continue;
      const known = full.get(line.code);
      if (!known || line.name.length > known.length) full.set(line.code, line.name);
    }
  }
  for (const table of tables) {
    for (const line of table.lines) {
      const longer = line.code === null ? undefined : full.get(line.code);
      if (longer && longer !== line.name && longer.startsWith(line.name)) {
        log.recover(
          'truncated-name',
          { table: table.code, row: `${line.code} ${line.name}` },
          `名称「${line.name}」疑被列宽截断（其他表中同一编码为「${longer}」），本表原文保留`,
        );
      }
    }
  }
}

/** Length of the longest run of characters two names share. */
export function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}
