import {
  DEVIATION_REASONS,
  type FormBudgetLine,
  type FormIndicatorRow,
  LIKELIHOODS,
  tick,
  yuanToWanOrNull,
} from '@jixiao/domain';
import type { Workbook } from 'exceljs';
import { HEADER_FILL, heightFor, PERCENT_FORMAT, SheetWriter, WAN_FORMAT } from '../exports/sheet-writer';
import type { DepartmentForms, MonitoringFormModel } from './monitoring-form.types';

/** Column widths: 一级, 二级, 三级, 年度指标值, 执行情况, 全年预计, five reason ticks, three likelihood ticks, 原因说明, 纠偏措施, 备注. */
const WIDTHS = [9, 10, 20, 13, 13, 13, 6, 6, 6, 7, 6, 7, 7, 7, 20, 20, 18];
export const FORM_COLUMNS = WIDTHS.length;
/** Where each block of the sheet starts (1-based): the first columns of the tick groups and the text columns. */
export const FORM_COLS = { reasons: 7, likelihood: 12, reasonText: 15, corrective: 16, remark: 17 } as const;

/** Fixed rows of the form's head; the budget block and the indicator block follow (see FormSheetLayout). */
export const FORM_HEAD_ROWS = { title: 1, span: 2, units: 3, name: 4, unit: 5, budgetHeader: 6 } as const;

/** Where the blocks of a sheet ended up, for readers (and tests). */
export interface FormSheetLayout {
  budgetRows: number[]; // 合计 first, then the funding sources
  indicatorHeader: number; // two rows
  firstIndicator: number;
  indicatorRows: number[];
  noteRow: number;
}

const percent = (rate: number | null): number | null => (rate === null ? null : rate / 100);
const label = { bold: true, fill: HEADER_FILL } as const;

const title = (form: MonitoringFormModel): string =>
  form.scope === 'department' ? '部门整体支出绩效目标执行监控表' : '项目支出绩效目标执行监控表';

/**
 * The 执行监控表 of one project (or 部门整体) on a sheet of A4 landscape, fitted to the page width, the indicator
 * head repeated on every printed page: header, the 项目资金 block (万元) and the indicator block with the
 * 偏差原因 and 完成目标可能性 tick columns. Lays out a MonitoringFormModel; computes nothing.
 */
export function addFormSheet(workbook: Workbook, form: MonitoringFormModel, name: string): FormSheetLayout {
  const w = SheetWriter.create(workbook, name, WIDTHS, true);
  const R = FORM_HEAD_ROWS;
  const last = FORM_COLUMNS;
  w.title(R.title, last, title(form));
  const stamp = form.round ? `，监控轮次：${form.round.name}（快照）` : '';
  w.merge(R.span, 1, R.span, last, `（${form.year}年${form.span}${stamp}）`, { border: false });
  w.merge(R.units, 1, R.units, 11, `填报单位：${form.executingUnit ?? form.departmentName}`, {
    border: false,
    align: 'left',
  });
  w.merge(R.units, 12, R.units, last, '金额单位：万元', { border: false, align: 'right' });

  if (form.scope === 'project') {
    w.cell(R.name, 1, '项目名称', label);
    w.merge(R.name, 2, R.name, 11, form.projectName, { align: 'left' });
    w.merge(R.name, 12, R.name, 14, '项目负责人', label);
    w.merge(R.name, 15, R.name, last, form.projectLead, { align: 'left' });
  } else {
    w.cell(R.name, 1, '部门名称', label);
    w.merge(R.name, 2, R.name, last, form.departmentName, { align: 'left' });
  }
  w.cell(R.unit, 1, '主管部门', label);
  w.merge(R.unit, 2, R.unit, 11, form.competentDepartment, { align: 'left' });
  w.merge(R.unit, 12, R.unit, 14, '实施单位', label);
  w.merge(R.unit, 15, R.unit, last, form.executingUnit, { align: 'left' });

  const budgetRows = writeBudget(w, form);
  const header = (budgetRows.at(-1) ?? R.budgetHeader) + 1;
  writeIndicatorHead(w, form, header);
  const first = header + 2;
  const indicatorRows: number[] = [];
  let row = first;
  for (const group of form.groups) {
    if (group.title) {
      w.merge(row, 1, row, last, group.title, { bold: true, align: 'left', fill: HEADER_FILL });
      row++;
    }
    group.rows.forEach((_, i) => indicatorRows.push(row + i));
    row = w.tree(row, group.rows.map(indicatorLine));
  }
  if (indicatorRows.length === 0) {
    w.merge(row, 1, row, last, '本期没有需要监控的年度指标', { align: 'left' });
    row++;
  }
  const notes = [
    '说明：1. 金额单位为万元；执行率 = 1–X月执行数 ÷ 全年预算数；预计结余 = 全年预算数 − 全年预计执行数。',
    '2. 1–X月执行情况取截至本期最近一次填报；全年预计未由填报人填写的，取系统年末预测（见备注）。',
    '3. 偏差原因分析、完成目标可能性以“☑”标示所选项。',
  ];
  notes.forEach((note, i) =>
    w.merge(row + 1 + i, 1, row + 1 + i, last, note, { border: false, align: 'left' }),
  );
  w.sheet.pageSetup.printTitlesRow = `${header}:${header + 1}`;
  w.sheet.views = [{ state: 'frozen', ySplit: header + 1, xSplit: 0 }];
  return { budgetRows, indicatorHeader: header, firstIndicator: first, indicatorRows, noteRow: row + 1 };
}

/** 项目资金 (万元): one line for the total, then one per funding source where known. */
function writeBudget(w: SheetWriter, form: MonitoringFormModel): number[] {
  const top = FORM_HEAD_ROWS.budgetHeader;
  const lines: FormBudgetLine[] = form.budget ? [form.budget.total, ...form.budget.sources] : [];
  const heads: Array<[number, number, string]> = [
    [2, 3, '资金来源'],
    [4, 4, '年初预算数'],
    [5, 5, '全年预算数'],
    [6, 6, `${form.span}执行数`],
    [7, 8, '执行率'],
    [9, 11, '全年预计执行数'],
    [12, 14, '预计结余'],
    [15, FORM_COLUMNS, '备注'],
  ];
  const rows = lines.map((_, i) => top + 1 + i);
  w.merge(top, 1, top + Math.max(lines.length, 1), 1, '项目资金（万元）', label);
  for (const [left, right, text] of heads) w.merge(top, left, top, right, text, label);
  if (!form.budget) {
    w.merge(top + 1, 2, top + 1, FORM_COLUMNS, '（无项目资金）');
    return [top + 1];
  }
  const wan = { numFmt: WAN_FORMAT };
  lines.forEach((line, i) => {
    const row = rows[i];
    w.merge(row, 2, row, 3, line.name, { align: 'left', bold: i === 0 });
    w.cell(row, 4, yuanToWanOrNull(line.initialYuan), wan);
    w.cell(row, 5, yuanToWanOrNull(line.annualYuan), wan);
    w.cell(row, 6, yuanToWanOrNull(line.executedYuan), wan);
    w.merge(row, 7, row, 8, percent(line.rate), { numFmt: PERCENT_FORMAT });
    w.merge(row, 9, row, 11, yuanToWanOrNull(line.projectedYuan), wan);
    w.merge(row, 12, row, 14, yuanToWanOrNull(line.balanceYuan), wan);
    w.merge(row, 15, row, FORM_COLUMNS, i === 0 ? form.budget?.remark || null : null, { align: 'left' });
  });
  return rows;
}

/** The two head rows of the indicator block: names merged down, the tick groups merged across. */
function writeIndicatorHead(w: SheetWriter, form: MonitoringFormModel, row: number): void {
  const down = (col: number, text: string) => w.merge(row, col, row + 1, col, text, label);
  ['一级指标', '二级指标', '三级指标', '年度指标值', `${form.span}执行情况`, '全年预计完成情况'].forEach(
    (text, i) => down(i + 1, text),
  );
  w.merge(row, FORM_COLS.reasons, row, FORM_COLS.reasons + 4, '偏差原因分析', label);
  DEVIATION_REASONS.forEach((reason, i) => w.cell(row + 1, FORM_COLS.reasons + i, reason, label));
  w.merge(row, FORM_COLS.likelihood, row, FORM_COLS.likelihood + 2, '完成目标可能性', label);
  LIKELIHOODS.forEach((likelihood, i) => w.cell(row + 1, FORM_COLS.likelihood + i, likelihood, label));
  down(FORM_COLS.reasonText, '原因说明');
  down(FORM_COLS.corrective, '纠偏措施');
  down(FORM_COLS.remark, '备注');
  w.sheet.getRow(row + 1).height = 30;
}

const indicatorLine = (row: FormIndicatorRow) => ({
  level1: row.level1,
  level2: row.level2,
  cells: [
    { value: row.name, style: { align: 'left' as const } },
    { value: row.target },
    { value: row.actual },
    { value: row.forecast },
    ...DEVIATION_REASONS.map((reason) => ({ value: tick(row.reasons[reason]) })),
    ...LIKELIHOODS.map((likelihood) => ({ value: tick(row.likelihood === likelihood) })),
    { value: row.reasonText, style: { align: 'left' as const } },
    { value: row.correctiveAction, style: { align: 'left' as const } },
    { value: row.remark || null, style: { align: 'left' as const } },
  ],
  height: heightFor([row.name, 11], [row.reasonText, 11], [row.correctiveAction, 11], [row.remark, 10]),
});

export const FORM_SUMMARY_HEADERS = [
  '序号',
  '项目名称',
  '全年预算数（万元）',
  '执行数（万元）',
  '执行率',
  '全年预计执行数（万元）',
  '预计结余（万元）',
  '三级指标数',
  '已填报',
  '确定能',
  '有可能',
  '完全不可能',
  '有偏差原因',
];

/** 汇总: 部门整体, then a line per project, then the projects' total (its budget line is 部门整体's). */
export function addFormSummarySheet(workbook: Workbook, forms: DepartmentForms): void {
  const widths = [6, 30, 12, 12, 9, 13, 12, 9, 8, 8, 8, 9, 9];
  const w = SheetWriter.create(workbook, '汇总', widths, true);
  const { overall } = forms;
  const columns = FORM_SUMMARY_HEADERS.length;
  w.title(1, columns, `${overall.departmentName}${overall.year}年${overall.span}绩效目标执行监控汇总表`);
  w.merge(
    2,
    1,
    2,
    columns,
    overall.round ? `监控轮次：${overall.round.name}（快照）` : `截至 ${overall.period}`,
    {
      border: false,
      align: 'right',
    },
  );
  FORM_SUMMARY_HEADERS.forEach((text, i) =>
    w.cell(3, i + 1, i === 3 ? `${overall.span}执行数（万元）` : text, label),
  );
  const line = (row: number, seq: number | null, name: string, form: MonitoringFormModel) => {
    const rows = form.groups.flatMap((g) => g.rows);
    const total = form.budget?.total ?? null;
    const count = (pick: (r: FormIndicatorRow) => boolean) => rows.filter(pick).length;
    const values = [
      seq,
      name,
      yuanToWanOrNull(total?.annualYuan ?? null),
      yuanToWanOrNull(total?.executedYuan ?? null),
      percent(total?.rate ?? null),
      yuanToWanOrNull(total?.projectedYuan ?? null),
      yuanToWanOrNull(total?.balanceYuan ?? null),
      rows.length,
      count((r) => r.actual !== null),
      ...LIKELIHOODS.map((l) => count((r) => r.likelihood === l)),
      count((r) => Object.values(r.reasons).some(Boolean)),
    ];
    const formats = [undefined, undefined, WAN_FORMAT, WAN_FORMAT, PERCENT_FORMAT, WAN_FORMAT, WAN_FORMAT];
    values.forEach((value, i) =>
      w.cell(row, i + 1, value, { numFmt: formats[i], align: i === 1 ? 'left' : 'center' }),
    );
  };
  line(4, null, '部门整体', overall);
  forms.projects.forEach((form, i) => line(5 + i, form.projectSeq, form.projectName ?? '', form));
  w.sheet.pageSetup.printTitlesRow = '3:3';
}

/** A project's sheet name: its 表10 number and name. */
export const formSheetName = (form: MonitoringFormModel): string =>
  `${form.projectSeq ?? ''}.${form.projectName ?? ''}`;
