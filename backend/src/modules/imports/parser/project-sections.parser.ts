import type { FundingSource, Goal, GoalTerm, ProcurementItem, SpendingDetail } from '@jixiao/domain';
import type { ImportLog } from './import-log';
import type { ReportLocation } from './import-report.types';
import { type IndicatorRow, isIndicatorHeader, parseIndicatorTable } from './indicator-table.parser';
import { isUnitRow } from './table-locator';
import { type Row, dropCjkGaps, firstNonEmpty, parseAmount, rowText, squash } from './text-table.util';

/** Header fields of a 表12 section (项目名称 … 项目前两年预算及当年预算变动情况), as published. */
export type HeaderField =
  | 'name'
  | 'code'
  | 'competentDepartment'
  | 'executingUnit'
  | 'leadName'
  | 'phone'
  | 'address'
  | 'postcode'
  | 'attribute'
  | 'expenditureCategory'
  | 'startYear'
  | 'endYear'
  | 'legalBasis'
  | 'implementationPlan'
  | 'totalBudget'
  | 'currentBudget'
  | 'priorBudgetChanges';

const HEADER_LABELS: readonly [RegExp, HeaderField][] = [
  [/^项目名称$/, 'name'],
  [/^项目编码$/, 'code'],
  [/^(项目)?主管部门$/, 'competentDepartment'],
  [/^(项目)?执行单位$/, 'executingUnit'],
  [/^(项目)?负责人$/, 'leadName'],
  [/^联系电话$/, 'phone'],
  [/^单位地址$/, 'address'],
  [/^邮政编码$/, 'postcode'],
  [/^项目属性$/, 'attribute'],
  [/^支出项目类别$/, 'expenditureCategory'],
  [/^起始年度$/, 'startYear'],
  [/^终止年度$/, 'endYear'],
  [/^(项目)?立项依据$/, 'legalBasis'],
  [/^(项目)?实施方案$/, 'implementationPlan'],
  [/^项目总预算$/, 'totalBudget'],
  [/^项目(当年|本年度)预算$/, 'currentBudget'],
  [/^项目前两年预算(及当年预算)?变动情况$/, 'priorBudgetChanges'],
];

/** One 表12 项目支出绩效目标表 section, before it is tied to its 表10 project. */
export interface ProjectSection {
  /** (n) as published; null when the marker is missing. */
  number: number | null;
  /** First line of the section. */
  line: number;
  /** Last line of the section. */
  endLine: number;
  headerFound: boolean;
  header: Partial<Record<HeaderField, string>>;
  fundingSources: FundingSource[];
  spendingDetails: SpendingDetail[];
  procurements: ProcurementItem[];
  goals: Goal[];
  /** Indicator rows by table, for the report and the truncation check. */
  tables: { term: GoalTerm; rows: IndicatorRow[] }[];
}

type Block = 'header' | 'funding' | 'details' | 'procurement' | 'goals' | 'long' | 'annual';
const BLOCK_ORDER: readonly Block[] = [
  'header',
  'funding',
  'details',
  'procurement',
  'goals',
  'long',
  'annual',
];

function blockStart(row: Row): Block | undefined {
  // Headings stand in the first column; the same words further right are table cells (a name cut to "项目采购").
  const first = squash(row.cells[0] ?? '');
  if (first === '项目名称') return 'header';
  if (first === '项目资金来源') return 'funding';
  if (first === '项目支出明细测算' || first === '项目活动') return 'details';
  if (first === '项目采购') return 'procurement';
  if (first === '项目绩效总目标') return 'goals';
  if (first === '长期绩效目标表') return 'long';
  if (first === '年度绩效目标表') return 'annual';
  return undefined;
}

const SECTION_MARKER = /^[（(]\s*(\d+)\s*[)）]$/;

// Rows of the 项目资金来源 block (来源项目 | 金额), the first rows of a section after its header.
const FUNDING_SOURCE =
  /^(合计|一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款|财政专户管理资金|单位资金|其他资金|上级补助收入|其中[:：](申请当年预算拨款|使用上年度财政拨款结转))$/;

function fundingSourceName(row: Row): string | undefined {
  const first = firstNonEmpty(row.cells);
  if (first < 0) return undefined;
  const name = squash(row.cells[first]);
  const rest = row.cells.slice(first + 1).filter((cell) => cell !== '');
  return FUNDING_SOURCE.test(name) && rest.every((cell) => parseAmount(cell) !== undefined)
    ? name
    : undefined;
}

/** 资金来源 rows met after a section's goals: the start of the next section, whose marker and header were lost. */
interface MovedRows {
  first: number;
  last: number;
  names: string[];
  /** Last line and block of the section they would otherwise have joined. */
  previousEnd: number;
  previousBlock: Block;
}

interface RawSection {
  number: number | null;
  line: number;
  endLine: number;
  blocks: Map<Block, Row[]>;
  moved?: MovedRows;
}

/**
 * The run of 资金来源 rows starting at rows[i] when the current block is a section's goals or indicator tables
 * (where they never belong): two or more of them, or one followed by another block's heading.
 */
function orphanFundingRun(rows: Row[], i: number, block: Block | undefined): number {
  if (block !== 'goals' && block !== 'long' && block !== 'annual') return 0;
  let end = i;
  while (end < rows.length && fundingSourceName(rows[end]) !== undefined) end++;
  const run = end - i;
  if (run >= 2 || (run === 1 && end < rows.length && blockStart(rows[end]) !== undefined)) return run;
  return 0;
}

/** Cuts 表12 into sections at "(n)" markers, and where a block repeats (a section that lost its start). */
function splitSections(rows: Row[]): RawSection[] {
  const sections: RawSection[] = [];
  let current: RawSection | undefined;
  let block: Block | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const run = orphanFundingRun(rows, i, block);
    if (run > 0 && current && block) {
      const moved: MovedRows = {
        first: row.line,
        last: rows[i + run - 1].line,
        names: rows.slice(i, i + run).map((r) => fundingSourceName(r) as string),
        previousEnd: current.endLine,
        previousBlock: block,
      };
      current = { number: null, line: row.line, endLine: row.line, blocks: new Map(), moved };
      sections.push(current);
      block = 'funding';
      current.blocks.set('funding', []);
    }
    const text = squash(row.cells.join(''));
    const marker = SECTION_MARKER.exec(text);
    if (marker && row.cells.filter((c) => c !== '').length === 1) {
      current = { number: Number(marker[1]), line: row.line, endLine: row.line, blocks: new Map() };
      sections.push(current);
      block = undefined;
      continue;
    }
    if (isUnitRow(row) && row.cells.filter((c) => c !== '').length === 1) continue;
    const start = blockStart(row);
    if (start) {
      const goesBack = block !== undefined && BLOCK_ORDER.indexOf(start) < BLOCK_ORDER.indexOf(block);
      const repeats = start === block && start !== 'details';
      if (!current || goesBack || repeats) {
        current = { number: null, line: row.line, endLine: row.line, blocks: new Map() };
        sections.push(current);
      }
      if (!(start === 'details' && block === 'details')) current.blocks.set(start, []);
      block = start;
    }
    if (!current || !block) continue;
    current.blocks.get(block)?.push(row);
    current.endLine = row.line;
  }
  return sections;
}

export function parseProjectSections(rows: Row[], log: ImportLog): ProjectSection[] {
  const raws = splitSections(rows);
  // A section without its "(n)" marker takes the number between its neighbours.
  raws.forEach((raw, i) => {
    if (raw.number !== null) return;
    const before = raws[i - 1]?.number ?? 0;
    const after = raws[i + 1]?.number;
    if (after === undefined || after === before + 2) raw.number = before + 1;
  });
  return raws.map((raw) => parseSection(raw, log));
}

/** "(3) 人社局就业资金工作经费"; a section that lost its header is "(2) （表头缺失）" until matched. */
export function sectionLabel(section: ProjectSection, name?: string): string {
  const n = section.number === null ? '(?)' : `(${section.number})`;
  return `${n} ${name ?? section.header.name ?? '（表头缺失）'}`;
}

function parseSection(raw: RawSection, log: ImportLog): ProjectSection {
  const section: ProjectSection = {
    number: raw.number,
    line: raw.line,
    endLine: raw.endLine,
    headerFound: raw.blocks.has('header'),
    header: {},
    fundingSources: [],
    spendingDetails: [],
    procurements: [],
    goals: [],
    tables: [],
  };
  const where = (part: string): ReportLocation => ({ table: '表12', project: sectionLabel(section), part });
  if (raw.moved) reportMovedRows(raw.moved, log, where('项目资金来源'));
  const header = raw.blocks.get('header');
  if (header) section.header = parseHeader(header, log, where('项目信息'));
  section.fundingSources = parseFunding(raw.blocks.get('funding') ?? []);
  section.spendingDetails = parseDetails(raw.blocks.get('details') ?? [], log, where('项目支出明细测算'));
  section.procurements = parseProcurement(raw.blocks.get('procurement') ?? [], log, where('项目采购'));
  section.goals = parseGoalTexts(raw.blocks.get('goals') ?? [], log, where('项目绩效总目标'));
  for (const term of ['long', 'annual'] as const) {
    const rows = raw.blocks.get(term);
    if (!rows) continue;
    const part = term === 'long' ? '长期绩效目标表' : '年度绩效目标表';
    const headerAt = rows.findIndex(isIndicatorHeader);
    if (headerAt < 0) {
      log.find('missing', where(part), `${part}没有“一级指标/二级指标/三级指标”表头，未能读取`);
      continue;
    }
    const table = parseIndicatorTable(rows.slice(headerAt), log, where(part));
    section.tables.push({ term, rows: table.rows });
    attachToGoals(section, term, table.rows, log, where(part));
  }
  return section;
}

const BLOCK_NAMES: Record<Block, string> = {
  header: '项目信息',
  funding: '项目资金来源',
  details: '项目支出明细测算',
  procurement: '项目采购',
  goals: '项目绩效总目标',
  long: '长期绩效目标表',
  annual: '年度绩效目标表',
};

function reportMovedRows(moved: MovedRows, log: ImportLog, where: ReportLocation): void {
  const lines = moved.first === moved.last ? `第 ${moved.first} 行` : `第 ${moved.first}–${moved.last} 行`;
  log.recover(
    'missing-header',
    { ...where, line: moved.first, row: moved.names.join('、') },
    `${lines}「${moved.names.join('、')}」是项目资金来源行，不属于上一节的${BLOCK_NAMES[moved.previousBlock]}：` +
      `上一节止于第 ${moved.previousEnd} 行，这些行作为下一节的开始（该节的“(n)”编号、表头及其前面的资金来源行随缺页丢失）`,
  );
}

function parseHeader(
  rows: Row[],
  log: ImportLog,
  where: ReportLocation,
): Partial<Record<HeaderField, string>> {
  const header: Partial<Record<HeaderField, string>> = {};
  const fieldOf = (cell: string): HeaderField | undefined =>
    HEADER_LABELS.find(([label]) => label.test(squash(cell)))?.[1];
  let last: HeaderField | undefined;
  for (const row of rows) {
    let found = false;
    for (let i = 0; i < row.cells.length; i++) {
      const field = fieldOf(row.cells[i]);
      if (!field) continue;
      found = true;
      let j = i + 1;
      while (j < row.cells.length && row.cells[j] === '') j++;
      const hasValue = j < row.cells.length && !fieldOf(row.cells[j]);
      header[field] = hasValue ? row.cells[j] : '';
      last = field;
      if (hasValue) i = j;
    }
    if (!found && last && row.afterBreak) {
      const text = row.cells.filter((cell) => cell !== '').join('');
      log.recover(
        'page-break-join',
        { ...where, line: row.line, row: rowText(row.cells) },
        `「${last}」的内容被分页截断，已拼接续行「${text}」`,
      );
      header[last] = (header[last] ?? '') + text;
    }
  }
  if (header.name !== undefined) {
    const clean = dropCjkGaps(header.name);
    if (clean !== header.name) {
      log.recover('name-whitespace', where, `项目名称中的断行空格已去除：「${header.name}」→「${clean}」`);
      header.name = clean;
    }
  }
  return header;
}

function parseFunding(rows: Row[]): FundingSource[] {
  return rows.flatMap((row) => {
    const first = firstNonEmpty(row.cells);
    if (first < 0 || squash(row.cells[first]) === '项目资金来源') return [];
    let lastIndex = row.cells.length - 1;
    while (lastIndex > first && row.cells[lastIndex] === '') lastIndex--;
    const amount = lastIndex > first ? parseAmount(row.cells[lastIndex]) : null;
    return [{ name: dropCjkGaps(row.cells[first]), amount: typeof amount === 'number' ? amount : null }];
  });
}

function columnIndex(header: Row, test: RegExp): number {
  return header.cells.findIndex((cell) => test.test(squash(cell)));
}

function parseDetails(rows: Row[], log: ImportLog, where: ReportLocation): SpendingDetail[] {
  const headerAt = rows.findIndex((row) => squash(row.cells[0] ?? '') === '项目活动');
  if (headerAt < 0) return [];
  const header = rows[headerAt];
  const col = {
    activity: columnIndex(header, /^项目活动$/),
    description: columnIndex(header, /^活动内容/),
    classification: columnIndex(header, /经济分类/),
    amount: columnIndex(header, /^金额/),
    basis: columnIndex(header, /测算依据/),
    remark: columnIndex(header, /^备注$/),
  };
  const details: SpendingDetail[] = [];
  let remarkMoved = 0;
  const cell = (row: Row, index: number): string => (index >= 0 ? (row.cells[index] ?? '') : '');
  for (const row of rows.slice(headerAt + 1)) {
    const previous = details[details.length - 1];
    if (previous && row.afterBreak && cell(row, col.amount) === '' && cell(row, col.classification) === '') {
      const fields: [keyof SpendingDetail, number][] = [
        ['activity', col.activity],
        ['description', col.description],
        ['basis', col.basis],
      ];
      row.cells.forEach((text, index) => {
        if (text === '') return;
        const field = fields.find(([, at]) => at === index)?.[0] ?? 'remark';
        const before = (previous[field] as string | null) ?? '';
        (previous as unknown as Record<string, string>)[field] = before + text;
        log.recover(
          'page-break-join',
          { ...where, line: row.line, row: rowText(row.cells) },
          `支出明细单元格被分页截断，已拼接：「${before}」+「${text}」`,
        );
      });
      continue;
    }
    if (row.cells.every((text) => text === '')) continue;
    let remark = cell(row, col.remark);
    if (remark === '') {
      for (let i = row.cells.length - 1; i > col.basis; i--) {
        if (row.cells[i] !== '') {
          remark = row.cells[i];
          remarkMoved++;
          break;
        }
      }
    }
    const rawActivity = cell(row, col.activity);
    const activity = dropCjkGaps(rawActivity);
    if (activity !== rawActivity) {
      log.recover(
        'name-whitespace',
        { ...where, line: row.line, row: rawActivity },
        `项目活动名称中的断行空格已去除：「${rawActivity}」→「${activity}」`,
      );
    }
    const classification = dropCjkGaps(cell(row, col.classification));
    const amount = parseAmount(cell(row, col.amount));
    if (amount === undefined) {
      log.find(
        'inconsistent',
        { ...where, line: row.line, row: activity },
        `金额「${cell(row, col.amount)}」不是数字，记为空`,
      );
    }
    details.push({
      activity,
      description: cell(row, col.description) || null,
      economicClassification: classification || null,
      classificationCode: /^(\d{3,})/.exec(classification)?.[1] ?? null,
      amount: typeof amount === 'number' ? amount : null,
      basis: cell(row, col.basis) || null,
      remark: remark || null,
    });
  }
  if (remarkMoved > 0) {
    log.recover(
      'shifted-row',
      where,
      `${remarkMoved} 行的备注不在表头“备注”所在的第 ${col.remark + 1} 列（测算依据单元格合并宽度不同），按测算依据之后的末个非空单元格读取`,
    );
  }
  return details;
}

function parseProcurement(rows: Row[], log: ImportLog, where: ReportLocation): ProcurementItem[] {
  const headerAt = rows.findIndex((row) => squash(row.cells[0] ?? '') === '品名');
  if (headerAt < 0) return [];
  const header = rows[headerAt];
  const col = { item: 0, quantity: columnIndex(header, /^数量$/), amount: columnIndex(header, /^金额$/) };
  return rows.slice(headerAt + 1).map((row) => {
    const raw = row.cells[col.item] ?? '';
    const item = dropCjkGaps(raw);
    if (item !== raw)
      log.recover(
        'name-whitespace',
        { ...where, line: row.line, row: raw },
        `品名中的断行空格已去除：「${raw}」→「${item}」`,
      );
    const quantity = parseAmount(row.cells[col.quantity] ?? '');
    const amount = parseAmount(row.cells[col.amount] ?? '');
    return {
      item,
      quantity: typeof quantity === 'number' ? quantity : null,
      amount: typeof amount === 'number' ? amount : null,
    };
  });
}

export function termOf(label: string): GoalTerm | undefined {
  if (/长期/.test(label)) return 'long';
  if (/年度/.test(label)) return 'annual';
  return undefined;
}

function parseGoalTexts(rows: Row[], log: ImportLog, where: ReportLocation): Goal[] {
  const goals: Goal[] = [];
  for (const row of rows) {
    const first = firstNonEmpty(row.cells);
    if (first < 0) continue;
    const label = row.cells[first];
    const term = first === 0 ? termOf(label) : undefined;
    if (term) {
      const textAt = firstNonEmpty(row.cells, first + 1);
      goals.push({ term, label, title: textAt >= 0 ? row.cells[textAt] : '', indicators: [] });
    } else if (first > 0 && goals.length > 0 && row.afterBreak) {
      const goal = goals[goals.length - 1];
      const text = row.cells.filter((cell) => cell !== '').join('');
      log.recover(
        'page-break-join',
        { ...where, line: row.line, row: goal.label },
        `目标说明被分页截断，已拼接：「${goal.title}」+「${text}」`,
      );
      goal.title += text;
    }
  }
  return goals;
}

function attachToGoals(
  section: ProjectSection,
  term: GoalTerm,
  rows: IndicatorRow[],
  log: ImportLog,
  where: ReportLocation,
): void {
  const sameTerm = (): Goal[] => section.goals.filter((goal) => goal.term === term);
  let warnedEmpty = false;
  const warnedLabels = new Set<string>();
  for (const row of rows) {
    let goal = sameTerm().find((candidate) => squash(candidate.label) === squash(row.goalLabel));
    if (!goal && row.goalLabel === '' && sameTerm().length > 0) {
      goal = sameTerm()[0];
      if (!warnedEmpty) {
        warnedEmpty = true;
        log.recover(
          'merged-cells',
          { ...where, line: row.line },
          `目标名称列为空，指标归入「${goal.label}」`,
        );
      }
    }
    if (!goal && sameTerm().length === 1) {
      goal = sameTerm()[0];
      if (!warnedLabels.has(row.goalLabel)) {
        warnedLabels.add(row.goalLabel);
        log.recover(
          'stray-cell',
          { ...where, line: row.line },
          `目标名称「${row.goalLabel}」与绩效总目标中的「${goal.label}」写法不一致，本表该目标的指标归入后者`,
        );
      }
    }
    if (!goal) {
      goal = {
        term,
        label: row.goalLabel || (term === 'long' ? '长期绩效目标' : '年度绩效目标'),
        title: '',
        indicators: [],
      };
      section.goals.push(goal);
      log.find('missing', { ...where, line: row.line }, `绩效总目标中没有「${goal.label}」的目标说明`);
    }
    goal.indicators.push(row.indicator);
  }
}
