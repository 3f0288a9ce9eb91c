import { budgetStatus, yuanToWan } from '@jixiao/domain';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { EvaluationView, ItemView } from '../self-evaluation/self-evaluation.types';

export interface ReportInput {
  departmentName: string;
  year: number;
  functions: string | null;
  annualTasks: string | null;
  overall: EvaluationView;
  projects: EvaluationView[];
}

const FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const HEADING_FONT = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 万元 as the report writes it: two decimals at least, the published precision at most (1.932). */
export const wanText = (yuan: number): string =>
  yuanToWan(yuan).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 6 });
export const percentText = (rate: number): string => `${rate.toFixed(2)}%`;
export const scoreText = (score: number): string => score.toFixed(2);

const paragraph = (text: string, options: { bold?: boolean; indent?: boolean } = {}): Paragraph =>
  new Paragraph({
    spacing: { line: 360, after: 60 },
    indent: options.indent === false ? undefined : { firstLine: 480 },
    children: [new TextRun({ text, bold: options.bold, font: FONT, size: 28 })],
  });

const heading = (text: string, level: 1 | 2 = 1): Paragraph =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [
      new TextRun({ text, bold: true, font: level === 1 ? HEADING_FONT : FONT, size: level === 1 ? 30 : 28 }),
    ],
  });

function table(headers: string[], rows: Array<Array<string | null>>): Table {
  const cell = (text: string | null, bold = false) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: text ?? '—', bold, font: FONT, size: 21 })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((text) => cell(text, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  });
}

const gradeText = (view: EvaluationView): string =>
  view.total === null ? '尚未完成评分' : `自评得分 ${scoreText(view.total)} 分，等级为“${view.grade}”`;

const counts = (items: ItemView[]) => ({
  met: items.filter((item) => item.met === true).length,
  missed: items.filter((item) => item.met === false).length,
  open: items.filter((item) => item.met === null).length,
});

const budgetSentence = (view: EvaluationView): string => {
  const { budget } = view;
  const planned = budget.annualBudgetYuan === null ? '—' : `${wanText(budget.annualBudgetYuan)} 万元`;
  if (budget.executedYuan === null) return `全年预算数 ${planned}，全年执行数尚未填报`;
  return `全年预算数 ${planned}，全年执行数 ${wanText(budget.executedYuan)} 万元${budget.rate === null ? '' : `，执行率 ${percentText(budget.rate)}`}`;
};

/** A project whose year-end execution libs/domain lights red or yellow (budgetStatus in month 12). */
function slowSpending(view: EvaluationView): boolean {
  const { executedYuan, annualBudgetYuan } = view.budget;
  if (executedYuan === null || !annualBudgetYuan) return false;
  return budgetStatus({ month: 12, executed: executedYuan, budget: annualBudgetYuan }).light !== 'green';
}

/**
 * 部门整体支出绩效自评报告, written from the evaluations: overview, budget execution, goal attainment of the
 * department and of every project with the numbers, the problems the numbers show, measures and conclusion.
 */
export async function selfEvaluationReport(input: ReportInput): Promise<Buffer> {
  const { overall, projects, year } = input;
  const children: Array<Paragraph | Table> = [];
  const section = (() => {
    let n = 0;
    return (title: string) => children.push(heading(`${CHINESE_NUMBERS[n++]}、${title}`));
  })();

  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        new TextRun({
          text: `${input.departmentName}${year}年度部门整体支出绩效自评报告`,
          bold: true,
          font: HEADING_FONT,
          size: 36,
        }),
      ],
    }),
  );

  // 一、部门基本情况
  section('部门基本情况');
  children.push(heading('（一）部门职能', 2), paragraph(input.functions || '—'));
  children.push(heading('（二）年度主要任务', 2), paragraph(input.annualTasks || '—'));
  const projectBudget = projects.reduce((sum, view) => sum + (view.budget.annualBudgetYuan ?? 0), 0);
  children.push(
    heading('（三）预算及项目情况', 2),
    paragraph(
      `${year}年部门全年预算数 ${overall.budget.annualBudgetYuan === null ? '—' : `${wanText(overall.budget.annualBudgetYuan)} 万元`}；` +
        `纳入绩效自评的项目 ${projects.length} 个，项目全年预算合计 ${wanText(projectBudget)} 万元。`,
    ),
  );

  // 二、预算执行情况
  section('预算执行情况');
  children.push(
    paragraph(
      overall.budget.executedYuan === null
        ? `部门整体${budgetSentence(overall)}；已填报的项目执行数合计 ${wanText(overall.budget.projectsExecutedYuan ?? 0)} 万元。`
        : `部门整体${budgetSentence(overall)}，预算执行得分 ${scoreText(overall.budget.score ?? 0)} 分（分值 ${overall.budget.weight} 分）。`,
    ),
  );
  const reported = projects.filter(
    (view) => view.budget.executedYuan !== null && view.budget.annualBudgetYuan,
  );
  const reportedBudget = reported.reduce((sum, view) => sum + (view.budget.annualBudgetYuan ?? 0), 0);
  const reportedExecuted = reported.reduce((sum, view) => sum + (view.budget.executedYuan ?? 0), 0);
  children.push(
    paragraph(
      `各项目全年预算合计 ${wanText(projectBudget)} 万元。已填报执行数的项目 ${reported.length} 个，全年预算 ${wanText(reportedBudget)} 万元，` +
        `全年执行 ${wanText(reportedExecuted)} 万元` +
        (reportedBudget > 0 ? `，执行率 ${percentText((reportedExecuted / reportedBudget) * 100)}` : '') +
        (reported.length < projects.length
          ? `；另有 ${projects.length - reported.length} 个项目尚未填报执行数。`
          : '。'),
    ),
    table(
      ['序号', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '执行率', '预算执行得分'],
      projects.map((view, i) => [
        String(view.header.projectSeq ?? i + 1),
        view.header.projectName,
        view.budget.annualBudgetYuan === null ? null : wanText(view.budget.annualBudgetYuan),
        view.budget.executedYuan === null ? null : wanText(view.budget.executedYuan),
        view.budget.rate === null ? null : percentText(view.budget.rate),
        view.budget.score === null ? null : scoreText(view.budget.score),
      ]),
    ),
  );

  // 三、绩效目标完成情况
  section('绩效目标完成情况');
  const overallCounts = counts(overall.items);
  children.push(
    heading('（一）部门整体绩效目标', 2),
    paragraph(
      `部门整体设年度绩效目标 ${overall.goals.length} 个、三级指标 ${overall.items.length} 项，其中达成目标值 ${overallCounts.met} 项，` +
        `未达成 ${overallCounts.missed} 项，尚未评价 ${overallCounts.open} 项；${gradeText(overall)}。`,
    ),
  );
  for (const goal of overall.goals) {
    const items = overall.items.filter((item) => item.goalId === goal.id);
    const c = counts(items);
    children.push(
      paragraph(
        `${goal.label}：${goal.title}。三级指标 ${items.length} 项，达成 ${c.met} 项，未达成 ${c.missed} 项。`,
      ),
    );
  }
  children.push(heading('（二）项目绩效目标', 2));
  projects.forEach((view, i) => {
    const c = counts(view.items);
    const indicators = view.items.length
      ? `三级指标 ${view.items.length} 项，达成 ${c.met} 项、未达成 ${c.missed} 项`
      : '未设置年度绩效指标';
    children.push(
      paragraph(
        `${i + 1}. ${view.header.projectName}：${budgetSentence(view)}；${indicators}；${gradeText(view)}。`,
      ),
    );
    if (view.items.length)
      children.push(
        table(
          ['三级指标', '年度指标值', '实际完成值', '分值', '得分'],
          view.items.map((item) => [
            item.name,
            // An adjusted target says so (申报、批复与调整, docs/domain.md §17), as the 自评表 does.
            item.targetNote ? `${item.targetRaw}（${item.targetNote}）` : item.targetRaw,
            item.actual,
            scoreText(item.weight),
            item.score === null ? null : scoreText(item.score),
          ]),
        ),
      );
  });

  // 四、存在的问题
  section('存在的问题');
  const problems: string[] = [];
  const slow = projects.filter(slowSpending);
  if (slow.length)
    problems.push(
      `预算执行偏慢：${slow.map((view) => `“${view.header.projectName}”（执行率 ${percentText(view.budget.rate ?? 0)}）`).join('、')}。`,
    );
  for (const view of [overall, ...projects]) {
    const name = view.scope === 'department' ? '部门整体' : view.header.projectName;
    const missed = view.items.filter((item) => item.met === false);
    if (missed.length)
      problems.push(
        `${name}有 ${missed.length} 项指标未达成目标值：${missed.map((item) => `${item.name}（目标 ${item.targetRaw}，实际 ${item.actual}）`).join('、')}。`,
      );
    if (view.consistency?.light === 'red') problems.push(`${name}：${view.consistency.reason}。`);
  }
  const incomplete = [overall, ...projects].filter((view) => !view.complete);
  if (incomplete.length)
    problems.push(
      `以下自评尚未完成评分：${incomplete.map((view) => `“${view.scope === 'department' ? '部门整体' : view.header.projectName}”`).join('、')}。`,
    );
  (problems.length ? problems : ['本年度自评未发现明显问题。']).forEach((text, i) =>
    children.push(paragraph(`${i + 1}. ${text}`)),
  );

  // 五、改进措施
  section('改进措施');
  const measures: string[] = [];
  for (const view of [overall, ...projects]) {
    const name = view.scope === 'department' ? '部门整体' : view.header.projectName;
    for (const item of view.items.filter((i) => i.deviationAnalysis))
      measures.push(`${name}“${item.name}”：${item.deviationAnalysis}`);
  }
  if (slow.length)
    measures.push('加快预算执行进度：对执行偏慢的项目按月跟踪执行数，及时调整支出计划，避免资金沉淀。');
  if (problems.some((text) => text.includes('未达成目标值')))
    measures.push(
      '对未达成目标值的指标逐项分析原因，落实责任人和整改时限，并在下一年度目标设定中合理调整指标值。',
    );
  if (projects.some((view) => view.consistency?.light === 'red') || overall.consistency?.light === 'red')
    measures.push('核实指标完成情况与资金使用的对应关系，确保绩效自评结果与预算执行相一致。');
  if (incomplete.length) measures.push('督促尚未完成自评的项目补充实际完成值和评分，按时提交审核。');
  (measures.length ? measures : ['继续做好绩效运行监控，巩固绩效目标完成成果。']).forEach((text, i) =>
    children.push(paragraph(`${i + 1}. ${text}`)),
  );

  // 六、自评结论
  section('自评结论');
  const byGrade = (grade: string) => projects.filter((view) => view.grade === grade).length;
  children.push(
    paragraph(
      `部门整体${gradeText(overall)}。参评项目 ${projects.length} 个，其中“优”${byGrade('优')} 个、“良”${byGrade('良')} 个、` +
        `“中”${byGrade('中')} 个、“差”${byGrade('差')} 个，尚未完成评分 ${projects.filter((view) => view.grade === null).length} 个。`,
    ),
  );

  const document = new Document({
    creator: 'Jixiao 绩效',
    title: `${input.departmentName}${year}年度部门整体支出绩效自评报告`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
