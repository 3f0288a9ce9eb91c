import { yuanToWanOrNull } from '@jixiao/domain';
import type { Workbook } from 'exceljs';
import type { TargetGoalRow, TargetIndicatorRow, TargetProjectRow, TargetTables } from './exports.repository';
import { HEADER_FILL, heightFor, SheetWriter, WAN_FORMAT } from './sheet-writer';

const WIDTHS = [12, 16, 26, 16, 10, 26, 12, 12];
const COLUMNS = WIDTHS.length;
export const TARGET_HEADERS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '度量单位',
  '指标值确定依据',
  '前年',
  '上年',
];
export const TERM_TEXT = { long: '长期', annual: '年度' } as const;
const LABEL = { bold: true, fill: HEADER_FILL };

export interface DepartmentHeader {
  departmentCode: string;
  departmentName: string;
  year: number;
  functions: string | null;
  annualTasks: string | null;
}

/** 表11 部门整体支出绩效目标表 and one 表12 项目支出绩效目标表 per project with goals, as the budget publishes them. */
export function addTargetSheets(workbook: Workbook, header: DepartmentHeader, tables: TargetTables): void {
  // Where the tables come from, for the document import to find the department-year again.
  workbook.subject = targetTablesSubject(header.departmentCode, header.year);
  const goalsOf = (projectId: string | null) => tables.goals.filter((goal) => goal.projectId === projectId);
  addDepartmentSheet(workbook, header, goalsOf(null), tables.indicators);
  tables.projects
    .filter((project) => goalsOf(project.id).length > 0)
    .forEach((project, i) =>
      addProjectSheet(workbook, header, project, i + 1, goalsOf(project.id), tables.indicators),
    );
}

function addDepartmentSheet(
  workbook: Workbook,
  header: DepartmentHeader,
  goals: TargetGoalRow[],
  indicators: TargetIndicatorRow[],
): void {
  const w = SheetWriter.create(workbook, '表11 部门整体支出绩效目标表', WIDTHS, true);
  w.title(1, COLUMNS, '部门整体支出绩效目标表');
  w.merge(2, 1, 2, COLUMNS, `（${header.year} 年度）`, { border: false });
  let row = 3;
  for (const [label, text] of [
    ['部门名称', header.departmentName],
    ['部门职能', header.functions],
    ['年度主要任务', header.annualTasks],
  ] as const) {
    w.cell(row, 1, label, LABEL);
    w.merge(row, 2, row, COLUMNS, text, { align: 'left' });
    w.sheet.getRow(row).height = Math.max(20, heightFor([text, 70]));
    row++;
  }
  writeGoals(w, row, goals, indicators);
}

function addProjectSheet(
  workbook: Workbook,
  header: DepartmentHeader,
  project: TargetProjectRow,
  number: number,
  goals: TargetGoalRow[],
  indicators: TargetIndicatorRow[],
): void {
  const w = SheetWriter.create(workbook, `表12(${number}) ${project.name}`, WIDTHS, true);
  w.title(1, COLUMNS, '项目支出绩效目标表');
  w.merge(2, 1, 2, COLUMNS, `（${header.year} 年度）`, { border: false });
  const pairs: Array<[string, string | number | null, string, string | number | null, boolean]> = [
    ['项目名称', project.name, '项目编码', project.code, false],
    ['主管部门', project.competentDepartment, '执行单位', project.executingUnit, false],
    ['负责人', project.leadName, '联系电话', project.phone, false],
    ['项目属性', project.attribute, '支出项目类别', project.expenditureCategory, false],
    ['起始年度', project.startYear, '终止年度', project.endYear, false],
    [
      '项目总预算（万元）',
      yuanToWanOrNull(project.totalBudgetYuan),
      '项目当年预算（万元）',
      yuanToWanOrNull(project.annualBudgetYuan),
      true,
    ],
  ];
  let row = 3;
  for (const [leftLabel, left, rightLabel, right, money] of pairs) {
    const style = money ? { numFmt: WAN_FORMAT } : {};
    w.cell(row, 1, leftLabel, LABEL);
    w.merge(row, 2, row, 4, left, style);
    w.cell(row, 5, rightLabel, LABEL);
    w.merge(row, 6, row, COLUMNS, right, style);
    row++;
  }
  for (const term of ['long', 'annual'] as const) {
    const text = goals
      .filter((goal) => goal.term === term)
      .map((goal) => goal.title)
      .join('\n');
    w.cell(row, 1, `${TERM_TEXT[term]}绩效目标`, LABEL);
    w.merge(row, 2, row, COLUMNS, text, { align: 'left' });
    w.sheet.getRow(row).height = Math.max(30, heightFor([text, 70]));
    row++;
  }
  writeGoals(w, row, goals, indicators);
}

const SUBJECT = /^jixiao:targets:([0-9A-Za-z]{1,32}):(\d{4})$/;

/** The workbook's subject (document property) naming its department-year. */
export function targetTablesSubject(code: string, year: number): string {
  return `jixiao:targets:${code}:${year}`;
}

/** The department-year a workbook's subject names; null when it names none. */
export function departmentYearOfSubject(subject: string | undefined): { code: string; year: number } | null {
  const match = SUBJECT.exec(subject ?? '');
  return match ? { code: match[1], year: Number(match[2]) } : null;
}

/** The line a goal's indicator block starts with; the document import finds the goal again by it. */
export function goalLine(goal: Pick<TargetGoalRow, 'term' | 'label' | 'title'>): string {
  const title = goal.label
    ? `${goal.label}：${goal.title}`
    : `${TERM_TEXT[goal.term]}绩效目标：${goal.title}`;
  return `${TERM_TEXT[goal.term]}绩效指标 — ${title}`;
}

/** Per goal: a title line, the column headers and the indicator rows with 一级 / 二级 merged. */
function writeGoals(
  w: SheetWriter,
  start: number,
  goals: TargetGoalRow[],
  indicators: TargetIndicatorRow[],
): number {
  let row = start;
  for (const goal of goals) {
    const line = goalLine(goal);
    w.merge(row, 1, row, COLUMNS, line, {
      bold: true,
      align: 'left',
      fill: HEADER_FILL,
    });
    w.sheet.getRow(row).height = Math.max(20, heightFor([line, 70]));
    row++;
    TARGET_HEADERS.forEach((text, i) => w.cell(row, i + 1, text, LABEL));
    row++;
    row = w.tree(
      row,
      indicators
        .filter((indicator) => indicator.goalId === goal.id)
        .map((indicator) => ({
          level1: indicator.level1,
          level2: indicator.level2,
          cells: [
            { value: indicator.name, style: { align: 'left' } },
            { value: indicator.targetRaw },
            { value: indicator.unit },
            { value: indicator.basis, style: { align: 'left' } },
            { value: indicator.prev2Raw },
            { value: indicator.prev1Raw },
          ],
          height: heightFor([indicator.name, 13], [indicator.basis, 13]),
        })),
    );
  }
  return row;
}
