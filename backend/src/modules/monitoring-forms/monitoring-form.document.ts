import {
  DEVIATION_REASONS,
  type FormBudgetLine,
  likelihoodTicks,
  reasonTicks,
  yuanToWanOrNull,
} from '@jixiao/domain';
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { MonitoringFormModel } from './monitoring-form.types';

const FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const HEADING_FONT = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

const wan = (yuan: number | null): string => {
  const value = yuanToWanOrNull(yuan);
  return value === null
    ? '—'
    : value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 6 });
};
const rate = (value: number | null): string => (value === null ? '—' : `${value.toFixed(2)}%`);

interface CellSpec {
  text: string | null;
  bold?: boolean;
  span?: number;
  merge?: 'restart' | 'continue';
  left?: boolean;
}

const cell = ({ text, bold, span, merge, left }: CellSpec): TableCell =>
  new TableCell({
    columnSpan: span,
    verticalMerge:
      merge === 'restart'
        ? VerticalMergeType.RESTART
        : merge === 'continue'
          ? VerticalMergeType.CONTINUE
          : undefined,
    children: [
      new Paragraph({
        alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [new TextRun({ text: text ?? '', bold, font: FONT, size: 18 })],
      }),
    ],
  });

const row = (cells: CellSpec[], header = false): TableRow =>
  new TableRow({ tableHeader: header, children: cells.map(cell) });

const table = (rows: TableRow[]): Table =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });

const budgetRow = (line: FormBudgetLine, remark: string | null): TableRow =>
  row([
    { text: line.name, left: true },
    { text: wan(line.initialYuan) },
    { text: wan(line.annualYuan) },
    { text: wan(line.executedYuan) },
    { text: rate(line.rate) },
    { text: wan(line.projectedYuan) },
    { text: wan(line.balanceYuan) },
    { text: remark, left: true },
  ]);

/**
 * The 执行监控表 as a Word document (A4 landscape) for those who hand it in on paper: the header table, the
 * 项目资金 table (万元) and the indicator table whose 偏差原因 and 完成目标可能性 print as ☑ / ☐ lists.
 */
export async function monitoringFormDocument(form: MonitoringFormModel): Promise<Buffer> {
  const heading =
    form.scope === 'department' ? '部门整体支出绩效目标执行监控表' : '项目支出绩效目标执行监控表';
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: heading, bold: true, font: HEADING_FONT, size: 32 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [
        new TextRun({
          text: `（${form.year}年${form.span}${form.round ? `，监控轮次：${form.round.name}` : ''}）`,
          font: FONT,
          size: 24,
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: '金额单位：万元', font: FONT, size: 20 })],
    }),
    table([
      row(
        form.scope === 'project'
          ? [
              { text: '项目名称', bold: true },
              { text: form.projectName, left: true },
              { text: '项目负责人', bold: true },
              { text: form.projectLead, left: true },
            ]
          : [
              { text: '部门名称', bold: true },
              { text: form.departmentName, left: true, span: 3 },
            ],
      ),
      row([
        { text: '主管部门', bold: true },
        { text: form.competentDepartment, left: true },
        { text: '实施单位', bold: true },
        { text: form.executingUnit, left: true },
      ]),
    ]),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
  if (form.budget) {
    children.push(
      table([
        row(
          [
            '资金来源',
            '年初预算数',
            '全年预算数',
            `${form.span}执行数`,
            '执行率',
            '全年预计执行数',
            '预计结余',
            '备注',
          ].map((text) => ({ text, bold: true })),
          true,
        ),
        budgetRow(form.budget.total, form.budget.remark || null),
        ...form.budget.sources.map((line) => budgetRow(line, null)),
      ]),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
    );
  }
  const heads = [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    `${form.span}执行情况`,
    '全年预计完成情况',
    `偏差原因分析（${DEVIATION_REASONS.join(' / ')}）`,
    '完成目标可能性',
    '原因说明',
    '纠偏措施',
    '备注',
  ];
  const rows: TableRow[] = [
    row(
      heads.map((text) => ({ text, bold: true })),
      true,
    ),
  ];
  for (const group of form.groups) {
    if (group.title) rows.push(row([{ text: group.title, bold: true, left: true, span: heads.length }]));
    group.rows.forEach((line, i) => {
      const previous = group.rows[i - 1];
      const sameLevel1 = previous?.level1 === line.level1;
      const sameLevel2 = sameLevel1 && previous?.level2 === line.level2;
      const next = group.rows[i + 1];
      const runsOn1 = next?.level1 === line.level1;
      const runsOn2 = runsOn1 && next?.level2 === line.level2;
      rows.push(
        row([
          {
            text: sameLevel1 ? null : line.level1,
            merge: sameLevel1 ? 'continue' : runsOn1 ? 'restart' : undefined,
          },
          {
            text: sameLevel2 ? null : line.level2,
            merge: sameLevel2 ? 'continue' : runsOn2 ? 'restart' : undefined,
          },
          { text: line.name, left: true },
          { text: line.target },
          { text: line.actual },
          { text: line.forecast },
          { text: reasonTicks(line), left: true },
          { text: likelihoodTicks(line.likelihood), left: true },
          { text: line.reasonText, left: true },
          { text: line.correctiveAction, left: true },
          { text: line.remark || null, left: true },
        ]),
      );
    });
  }
  children.push(table(rows));
  const document = new Document({
    creator: 'Jixiao 绩效',
    title: heading,
    styles: { default: { document: { run: { font: FONT, size: 18 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: 720, bottom: 720, left: 720, right: 720 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
