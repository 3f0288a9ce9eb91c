import { budgetStatus, REVIEW_STATUS_LABELS, yuanToWanOrNull } from '@jixiao/domain';
import type { Workbook } from 'exceljs';
import { exceljs } from './exceljs';
import type { EvaluationView, ItemView } from '../self-evaluation/self-evaluation.types';
import {
  HEADER_FILL,
  heightFor,
  PERCENT_FORMAT,
  SCORE_FORMAT,
  SheetWriter,
  TreeRow,
  WAN_FORMAT,
} from './sheet-writer';

export const LIGHT_TEXT = { red: '红灯', green: '正常' } as const;

/** The fixed rows of a 自评表, so that readers (and tests) find each block where the form puts it. */
export const FORM_ROWS = {
  title: 1,
  year: 2,
  name: 3,
  units: 4,
  fundsHeader: 5,
  funds: 6,
  goalHeader: 7,
  goal: 8,
  indicatorHeader: 9,
  firstIndicator: 10,
} as const;

const WIDTHS = [12, 14, 26, 16, 16, 8, 8, 34];
const COLUMNS = WIDTHS.length;
const INDICATOR_HEADERS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
];

const percent = (rate: number | null): number | null => (rate === null ? null : rate / 100);

/** Where each indicator row, and the 总分 / 等级 rows, ended up on the sheet. */
export interface FormLayout {
  itemRows: number[];
  totalRow: number;
  gradeRow: number;
}

/**
 * The 项目支出绩效自评表 (or, department-wide, the 部门整体支出绩效自评表) of one evaluation, in the official
 * layout: header, 项目资金 block, 年度总体目标, the indicator rows with 一级 / 二级 merged, 总分 and 等级.
 */
export function addEvaluationSheet(workbook: Workbook, view: EvaluationView, name: string): FormLayout {
  const w = SheetWriter.create(workbook, name, WIDTHS);
  const department = view.scope === 'department';
  const label = { bold: true, fill: HEADER_FILL };
  w.title(FORM_ROWS.title, COLUMNS, department ? '部门整体支出绩效自评表' : '项目支出绩效自评表');
  w.merge(FORM_ROWS.year, 1, FORM_ROWS.year, COLUMNS, `（${view.year} 年度）`, { border: false });

  w.cell(FORM_ROWS.name, 1, department ? '部门名称' : '项目名称', label);
  w.merge(
    FORM_ROWS.name,
    2,
    FORM_ROWS.name,
    COLUMNS,
    department ? view.header.departmentName : view.header.projectName,
    {
      align: 'left',
    },
  );
  w.cell(FORM_ROWS.units, 1, '主管部门', label);
  w.merge(FORM_ROWS.units, 2, FORM_ROWS.units, 4, view.header.competentDepartment);
  w.cell(FORM_ROWS.units, 5, '实施单位', label);
  w.merge(FORM_ROWS.units, 6, FORM_ROWS.units, COLUMNS, view.header.executingUnit);

  const { budget } = view;
  w.merge(FORM_ROWS.fundsHeader, 1, FORM_ROWS.funds, 1, '项目资金（万元）', label);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率'].forEach((text, i) =>
    w.cell(FORM_ROWS.fundsHeader, i + 2, text, label),
  );
  w.merge(FORM_ROWS.fundsHeader, 7, FORM_ROWS.fundsHeader, COLUMNS, '得分', label);
  w.cell(FORM_ROWS.funds, 2, yuanToWanOrNull(budget.initialBudgetYuan), { numFmt: WAN_FORMAT });
  w.cell(FORM_ROWS.funds, 3, yuanToWanOrNull(budget.annualBudgetYuan), { numFmt: WAN_FORMAT });
  w.cell(FORM_ROWS.funds, 4, yuanToWanOrNull(budget.executedYuan), { numFmt: WAN_FORMAT });
  w.cell(FORM_ROWS.funds, 5, budget.weight, { numFmt: SCORE_FORMAT });
  w.cell(FORM_ROWS.funds, 6, percent(budget.rate), { numFmt: PERCENT_FORMAT });
  w.merge(FORM_ROWS.funds, 7, FORM_ROWS.funds, COLUMNS, budget.score, { numFmt: SCORE_FORMAT });

  w.merge(FORM_ROWS.goalHeader, 1, FORM_ROWS.goal, 1, '年度总体目标', label);
  w.merge(FORM_ROWS.goalHeader, 2, FORM_ROWS.goalHeader, 5, '预期目标', label);
  w.merge(FORM_ROWS.goalHeader, 6, FORM_ROWS.goalHeader, COLUMNS, '实际完成情况', label);
  w.merge(FORM_ROWS.goal, 2, FORM_ROWS.goal, 5, view.overallTarget, { align: 'left' });
  w.merge(FORM_ROWS.goal, 6, FORM_ROWS.goal, COLUMNS, view.overallResult, { align: 'left' });
  w.sheet.getRow(FORM_ROWS.goal).height = Math.max(
    30,
    heightFor([view.overallTarget, 30], [view.overallResult, 28]),
  );

  INDICATOR_HEADERS.forEach((text, i) => w.cell(FORM_ROWS.indicatorHeader, i + 1, text, label));
  const layout = writeIndicators(w, view, FORM_ROWS.firstIndicator);

  const weightTotal = view.weightCheck.total;
  w.merge(layout.totalRow, 1, layout.totalRow, 5, '总分', label);
  w.cell(layout.totalRow, 6, weightTotal, { numFmt: SCORE_FORMAT });
  w.cell(layout.totalRow, 7, view.total, { numFmt: SCORE_FORMAT });
  w.cell(layout.totalRow, 8, view.complete ? null : '尚未全部评分', { align: 'left' });
  w.merge(layout.gradeRow, 1, layout.gradeRow, 5, '等级', label);
  w.merge(layout.gradeRow, 6, layout.gradeRow, COLUMNS, view.grade);

  const notes = [
    view.consistency ? `一致性预警：${view.consistency.reason}` : null,
    view.weightCheck.valid ? null : `分值设置问题：${view.weightCheck.problems.join('；')}`,
    `填报状态：${REVIEW_STATUS_LABELS[view.status]}${view.returnReason && view.status === 'returned' ? `（退回原因：${view.returnReason}）` : ''}`,
    '说明：金额单位为万元；实际完成值未另行填写的，取全年最后一次监控填报的完成值。',
    ...scoringNotes(view),
  ].filter((note): note is string => note !== null);
  notes.forEach((note, i) =>
    w.merge(layout.gradeRow + 1 + i, 1, layout.gradeRow + 1 + i, COLUMNS, note, {
      border: false,
      align: 'left',
    }),
  );
  // Each score cell also carries its explanation as a cell note, for whoever reads the file on screen.
  view.items.forEach((item, i) => {
    if (item.explanation) w.sheet.getCell(layout.itemRows[i], 7).note = item.explanation;
  });
  if (budget.explanation) w.sheet.getCell(FORM_ROWS.funds, 7).note = budget.explanation;
  w.sheet.pageSetup.printTitlesRow = `${FORM_ROWS.indicatorHeader}:${FORM_ROWS.indicatorHeader}`;
  return layout;
}

/** 计分说明 below the form: how every score of the sheet came about, with its figures, so that it prints. */
export function scoringNotes(view: EvaluationView): string[] {
  const lines = [
    view.budget.explanation ? `预算执行率：${view.budget.explanation}` : null,
    ...view.items.map((item) => (item.explanation ? `${item.name}：${item.explanation}` : null)),
    view.items.length ? view.indicatorExplanation : null,
    view.totalExplanation,
    view.consistency ? `一致性预警：${view.consistency.explanation}` : null,
  ].filter((line): line is string => line !== null);
  return lines.length ? ['计分说明：', ...lines.map((line, i) => `${i + 1}. ${line}`)] : [];
}

/** Indicator rows with 一级 and 二级 merged over their run; department-wide, a line per 表11 goal first. */
function writeIndicators(w: SheetWriter, view: EvaluationView, first: number): FormLayout {
  const itemRows: number[] = [];
  let row = first;
  const groups =
    view.scope === 'department'
      ? view.goals.map((goal) => ({ goal, items: view.items.filter((item) => item.goalId === goal.id) }))
      : [{ goal: null, items: view.items }];
  for (const { goal, items } of groups) {
    if (goal) {
      w.merge(row, 1, row, COLUMNS, `${goal.label}：${goal.title}`, {
        bold: true,
        align: 'left',
        fill: HEADER_FILL,
      });
      row++;
    }
    items.forEach((_, i) => itemRows.push(row + i));
    row = w.tree(row, items.map(indicatorRow));
  }
  return { itemRows, totalRow: row, gradeRow: row + 1 };
}

const indicatorRow = (item: ItemView): TreeRow => ({
  level1: item.level1,
  level2: item.level2,
  cells: [
    { value: item.name, style: { align: 'left' } },
    // An adjusted target says so under it (年中调整：原目标 X → Y（N月起，原因：…）).
    { value: item.targetNote ? `${item.targetRaw}\n${item.targetNote}` : item.targetRaw },
    { value: item.actual },
    { value: item.weight, style: { numFmt: SCORE_FORMAT } },
    { value: item.score, style: { numFmt: SCORE_FORMAT } },
    { value: item.deviationAnalysis, style: { align: 'left' } },
  ],
  height: heightFor([item.name, 12], [item.deviationAnalysis, 22]),
});

export const SUMMARY_HEADERS = [
  '序号',
  '项目名称',
  '全年预算数（万元）',
  '全年执行数（万元）',
  '执行率',
  '预算执行得分',
  '指标得分',
  '总分',
  '等级',
  '一致性预警',
  '状态',
];

/** The summary sheet (汇总表): the department as a whole, then one line per project, then the projects' total. */
export function addSummarySheet(
  workbook: Workbook,
  departmentName: string,
  year: number,
  overall: EvaluationView,
  projects: EvaluationView[],
): void {
  const w = SheetWriter.create(workbook, '汇总', [6, 34, 14, 14, 10, 10, 10, 10, 8, 10, 12], true);
  w.title(1, SUMMARY_HEADERS.length, `${departmentName}${year}年度绩效自评汇总表`);
  SUMMARY_HEADERS.forEach((text, i) => w.cell(2, i + 1, text, { bold: true, fill: HEADER_FILL }));
  const line = (row: number, seq: number | string | null, name: string, view: EvaluationView) => {
    const values = [
      seq,
      name,
      yuanToWanOrNull(view.budget.annualBudgetYuan),
      yuanToWanOrNull(view.budget.executedYuan),
      percent(view.budget.rate),
      view.budget.score,
      view.indicatorScore,
      view.total,
      view.grade,
      view.consistency ? LIGHT_TEXT[view.consistency.light] : null,
      REVIEW_STATUS_LABELS[view.status],
    ];
    const formats = [
      undefined,
      undefined,
      WAN_FORMAT,
      WAN_FORMAT,
      PERCENT_FORMAT,
      SCORE_FORMAT,
      SCORE_FORMAT,
      SCORE_FORMAT,
    ];
    values.forEach((value, i) =>
      w.cell(row, i + 1, value, { numFmt: formats[i], align: i === 1 ? 'left' : 'center' }),
    );
  };
  line(3, null, '部门整体', overall);
  projects.forEach((view, i) =>
    line(4 + i, view.header.projectSeq ?? i + 1, view.header.projectName ?? '', view),
  );
  const totalRow = 4 + projects.length;
  const budgetYuan =
    Math.round(projects.reduce((sum, v) => sum + (v.budget.annualBudgetYuan ?? 0) * 100, 0)) / 100;
  const executedYuan =
    Math.round(projects.reduce((sum, v) => sum + (v.budget.executedYuan ?? 0) * 100, 0)) / 100;
  w.merge(totalRow, 1, totalRow, 2, '项目合计', { bold: true });
  w.cell(totalRow, 3, yuanToWanOrNull(budgetYuan), { numFmt: WAN_FORMAT, bold: true });
  w.cell(totalRow, 4, yuanToWanOrNull(executedYuan), { numFmt: WAN_FORMAT, bold: true });
  const { rate } = budgetStatus({ month: 12, budget: budgetYuan, executed: executedYuan });
  w.cell(totalRow, 5, rate === null ? null : rate / 100, {
    numFmt: PERCENT_FORMAT,
    bold: true,
  });
  for (let col = 6; col <= SUMMARY_HEADERS.length; col++) w.cell(totalRow, col, null);
}

/** The sheet name of a project's 自评表: its 表10 number and name. */
export const projectSheetName = (view: EvaluationView): string =>
  `${view.header.projectSeq ?? ''}.${view.header.projectName ?? ''}`;

export async function toBuffer(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function newWorkbook(): Workbook {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Jixiao 绩效';
  workbook.created = new Date(0); // a fixed stamp: the same data exports the same file
  return workbook;
}
