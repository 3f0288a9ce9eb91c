// Realistic variants of the seed document (issue 17): other departments, years, projects, rows and units,
// rendered in the published layout and then damaged the way PDF extraction damages it. Each variant carries the
// facts the importer must yield and the repairs it must report, so property tests need no hand-written oracle.
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Indicator, Project } from '@jixiao/domain';
import { parseBudgetDocument } from '../../src/modules/imports/parser/budget-document.parser';

const SEED = join(__dirname, '../../../seeds/000_fecdbe4f42164389.txt');

/** Deterministic PRNG (mulberry32): one seed, one variant. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (random: Random, p: number): boolean => random() < p;

export interface ExpectedIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  prev1?: string;
  /** Reading libs/domain must give, for the rows with units the seed does not use. */
  reading?: { operator: string; unit?: string };
}

export interface ExpectedProject {
  name: string;
  code: string | null;
  budget: number;
  long: ExpectedIndicator[];
  annual: ExpectedIndicator[];
}

/** A repair the report must name: its kind and the text its entry must contain. */
export interface ExpectedRepair {
  kind: 'page-break-join' | 'missing-header';
  contains: string;
}

export interface Variant {
  seed: number;
  text: string;
  department: { code: string; name: string };
  year: number;
  projects: ExpectedProject[];
  /** Sections 表10 does not list: a 'missing' finding each, naming the project. */
  unlisted: string[];
  repairs: ExpectedRepair[];
  /** What was done, for a failing test's message. */
  steps: string[];
}

// Rows with the units and dates of other departments' documents (class 4), and how they must read.
const NEW_ROWS: readonly (ExpectedIndicator & { reading: { operator: string; unit?: string } })[] = [
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '志愿服务时长',
    target: '1.5 万小时',
    reading: { operator: '>=', unit: '小时' },
  },
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '走访服务企业',
    target: '2000 家次',
    reading: { operator: '>=', unit: '家次' },
  },
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '图书借阅',
    target: '500 册次',
    reading: { operator: '>=', unit: '册次' },
  },
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '入户走访',
    target: '≥300 户次',
    reading: { operator: '>=', unit: '户次' },
  },
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '办理投诉案件',
    target: '80 件次',
    reading: { operator: '>=', unit: '件次' },
  },
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '参训人员',
    target: '1.2 万人次',
    reading: { operator: '>=', unit: '人次' },
  },
  {
    level1: '产出指标',
    level2: '时效指标',
    name: '进度报送',
    target: '次月 12 日前',
    reading: { operator: 'by-date' },
  },
  {
    level1: '产出指标',
    level2: '时效指标',
    name: '资金拨付',
    target: '每季度首月',
    reading: { operator: 'by-date' },
  },
  {
    level1: '产出指标',
    level2: '时效指标',
    name: '项目验收',
    target: '年底前',
    reading: { operator: 'by-date' },
  },
  {
    level1: '产出指标',
    level2: '时效指标',
    name: '资金支付及时性',
    target: '在合同规定的时间内支付',
    reading: { operator: 'qualitative' },
  },
];

const DEPARTMENTS = [
  '武汉市东西湖区民政局',
  '武汉市东西湖区文化和旅游局',
  '武汉市东西湖区卫生健康局',
  '武汉市东西湖区城市管理执法局',
];
const LEVEL2_ORDER = [
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
  '数量指标',
  '质量指标',
  '时效指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
];

let seedProjects: Project[] | undefined;
function seedProjectsWithTables(): Project[] {
  seedProjects ??= parseBudgetDocument(readFileSync(SEED, 'utf8')).document.projects.filter((project) =>
    project.goals.some((goal) => goal.indicators.length > 0),
  );
  return seedProjects;
}

const clean = (indicator: Indicator): ExpectedIndicator => ({
  level1: indicator.level1,
  level2: indicator.level2,
  name: indicator.name,
  target: indicator.target,
  prev1: indicator.prev1,
});

/** One table's rows, edited: rows deleted, rows of other units added, kept in 一级 / 二级 order. */
function editRows(
  random: Random,
  rows: ExpectedIndicator[],
  annual: boolean,
  steps: string[],
): ExpectedIndicator[] {
  // Rows the seed published with an empty or unknown level are left out: a variant is a well-formed table.
  let out = rows.filter((row) => LEVEL2_ORDER.includes(row.level2) && row.name !== '' && row.target !== '');
  out = out.filter((row) => {
    const drop = out.length > 3 && chance(random, 0.15);
    if (drop) steps.push(`删除「${row.name}」`);
    return !drop;
  });
  const added = NEW_ROWS.filter(() => chance(random, 0.25));
  for (const row of added) {
    if (out.some((existing) => existing.name === row.name)) continue;
    out.push({ ...row, prev1: annual ? row.target : undefined });
    steps.push(`新增「${row.name} ${row.target}」`);
  }
  const rank = (row: ExpectedIndicator): number => LEVEL2_ORDER.indexOf(row.level2);
  return out
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rank(a.row) - rank(b.row) || a.i - b.i)
    .map(({ row }) => row);
}

const amount = (value: number): string => (Math.round(value * 100) / 100).toFixed(2);

/** A published line: cells joined by tabs, with the padding and full-width spaces extraction leaves. */
interface Line {
  cells: string[];
  /** Indicator row of a project's table, for page breaks inside rows. */
  indicator?: { project: number; annual: boolean; target: number; name: number };
  /** Start of a section, for lost pages. */
  sectionStart?: number;
  fundingRow?: boolean;
}

/** Builds one variant from its seed number. */
export function makeVariant(seed: number): Variant {
  const random = randomFrom(seed);
  const steps: string[] = [];
  const code = String(100 + Math.floor(random() * 800)).padStart(3, '0');
  const departmentName = pick(random, DEPARTMENTS);
  const year = 2022 + Math.floor(random() * 6);
  const scale = 1 + Math.floor(random() * 4);
  steps.push(`部门 [${code}] ${departmentName}，${year} 年，金额 ×${scale}`);

  // Projects: a shuffled subset of the seed's, with new codes, scaled amounts and edited tables.
  const source = [...seedProjectsWithTables()].sort(() => random() - 0.5);
  const chosen = source.slice(0, 3 + Math.floor(random() * (source.length - 2)));
  const projects: ExpectedProject[] = chosen.map((project, i) => {
    const goals = (term: 'long' | 'annual'): ExpectedIndicator[] =>
      project.goals.filter((goal) => goal.term === term).flatMap((goal) => goal.indicators.map(clean));
    return {
      name: project.name,
      code: `4201${String(year).slice(2)}25${code}T${String(100 + i).padStart(9, '0')}`,
      budget: Number(amount(project.budget * scale)),
      long: editRows(random, goals('long'), false, steps),
      annual: editRows(random, goals('annual'), true, steps),
    };
  });
  const unlisted: string[] = [];
  if (chance(random, 0.3)) unlisted.push('区级专项宣传经费');

  const lines: Line[] = [];
  const push = (...cells: string[]): void => void lines.push({ cells });
  push(`${departmentName.replace(/^武汉市东西湖区/, '区')} ${year} 年部门预算`);
  push('');
  push('表10');
  push('项目支出表');
  push(`[${code}]${departmentName}`);
  push('单位：万元');
  push('项目分类', '项目名称', '合计', '本年拨款');
  const total = projects.reduce((sum, p) => sum + p.budget, 0);
  push('', '合计', amount(total), amount(total));
  push('', departmentName, amount(total), amount(total));
  push('', '31', amount(total), amount(total));
  // 表10 lists the projects in another order than 表12 (sections reordered).
  for (const p of [...projects].sort(() => random() - 0.5))
    push('本级支出项目', p.name, amount(p.budget), amount(p.budget));
  push('');
  push('表12');
  push('项目支出绩效目标表');

  const sections = [
    ...projects.map((p, i) => ({ p, i })),
    ...unlisted.map((name) => ({
      p: {
        name,
        code: `4201${String(year).slice(2)}25${code}T000000999`,
        budget: 9.99,
        long: projects[0].long,
        annual: [],
      },
      i: -1,
    })),
  ];
  sections.forEach(({ p, i }, n) => {
    lines.push({ cells: [`(${n + 1})`], sectionStart: i });
    push('');
    push('单位：万元');
    push('项目名称', '', p.name, '', '项目编码', '', p.code ?? '', '');
    push('项目主管部门', '', departmentName, '', '项目执行单位', '', departmentName, '');
    push('项目负责人', '', '张三', '', '联系电话', '', '83000000', '');
    push('项目总预算', '', amount(p.budget), '', '项目当年预算', '', amount(p.budget), '');
    push('项目资金来源', '', '来源项目', '', '', '', '金额', '');
    for (const [name, value] of [
      ['合计', amount(p.budget)],
      ['一般公共预算财政拨款', amount(p.budget)],
      ['其中：申请当年预算拨款', amount(p.budget)],
      ['政府性基金预算财政拨款', ''],
      ['财政专户管理资金', ''],
      ['单位资金', ''],
      ['其中：使用上年度财政拨款结转', ''],
    ])
      lines.push({ cells: ['', '', name, '', '', '', value, ''], fundingRow: true });
    push('项目支出明细测算', '', '', '', '', '', '', '');
    push('项目活动', '活动内容表述', '支出经济分类', '金额', '测算依据及说明', '备注');
    // Distinct 科目 per project so a section that lost its header still matches by amount and 科目.
    push(
      `${p.name}工作`,
      '日常工作',
      `20801${String(10 + n).padStart(2, '0')} 其他人力资源事务`,
      amount(p.budget),
      '按计划测算',
      '',
    );
    push('项目绩效总目标', '', '', '', '');
    push('名称', '', '目标说明', '', '');
    push('长期绩效目标 1', '', `持续做好${p.name}相关工作`, '', '');
    if (p.annual.length > 0) push('年度绩效目标 1', '', `完成${year}年度${p.name}相关工作`, '', '');
    const table = (rows: ExpectedIndicator[], annual: boolean): void => {
      push(annual ? '年度绩效目标表' : '长期绩效目标表', '', '', '', '', '', '', '');
      if (annual) {
        push('目标名称', '一级指标', '二级指标', '三级指标', '指标值', '', '', '指标值确定依据');
        push('', '', '', '', '前年', '上年', '预计当年实现', '');
      } else push('目标名称', '一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据');
      rows.forEach((row, r) => {
        const above = rows[r - 1];
        const cells = [
          r === 0 ? (annual ? '年度绩效目标 1' : '长期绩效目标 1') : '',
          above?.level1 === row.level1 ? '' : row.level1,
          above?.level2 === row.level2 ? '' : row.level2,
          row.name,
          ...(annual ? [row.prev1 ?? row.target, row.prev1 ?? row.target, row.target] : [row.target]),
          '计划标准',
        ];
        lines.push({ cells, indicator: { project: i, annual, target: annual ? 6 : 4, name: 3 } });
      });
    };
    table(p.long, false);
    if (p.annual.length > 0) table(p.annual, true);
    push('');
  });
  push('第三部分 预算情况说明');

  const repairs: ExpectedRepair[] = [];
  damage(random, lines, projects, repairs, steps);
  const text = lines.map((line) => line.cells.join('\t')).join('\n');
  return { seed, text, department: { code, name: departmentName }, year, projects, unlisted, repairs, steps };
}

const CJK_PAIR = /[\u4e00-\u9fff]{2}/;

/** The damage of extraction: page breaks between and inside rows, a lost page, blank lines, padding. */
function damage(
  random: Random,
  lines: Line[],
  projects: ExpectedProject[],
  repairs: ExpectedRepair[],
  steps: string[],
): void {
  // A lost page: a section (not the first) loses its marker, header and first 资金来源 rows.
  if (chance(random, 0.4)) {
    const starts = lines
      .map((line, at) => ({ line, at }))
      .filter(({ line }) => line.sectionStart !== undefined && line.sectionStart > 0);
    if (starts.length > 0) {
      const { line, at } = pick(random, starts);
      const firstFunding = lines.findIndex((l, k) => k > at && l.fundingRow);
      const lost = 3 + Math.floor(random() * 3); // 合计 … and up to two more rows
      const project = projects[line.sectionStart as number];
      lines.splice(at, firstFunding - at + lost, { cells: [''] });
      project.code = null;
      repairs.push({ kind: 'missing-header', contains: '是项目资金来源行，不属于上一节' });
      steps.push(`丢页：「${project.name}」的编号、表头与前 ${lost} 行资金来源`);
    }
  }
  // Page breaks inside indicator rows: the name cut, and the target too when its halves do not read alone.
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k];
    if (!line.indicator || !chance(random, 0.08)) continue;
    const { name: nameAt, target: targetAt } = line.indicator;
    const name = line.cells[nameAt];
    // Cut between two Chinese characters: a cut at a space would lose the space, as extraction does.
    const cuts = [...name]
      .map((_, at) => at)
      .filter((at) => at >= 2 && CJK_PAIR.test(name.slice(at - 1, at + 1)));
    if (cuts.length === 0) continue;
    const cut = pick(random, cuts);
    const rest = line.cells.map(() => '');
    rest[nameAt] = name.slice(cut);
    line.cells = [...line.cells];
    line.cells[nameAt] = name.slice(0, cut);
    const target = line.cells[targetAt];
    const splitTarget = SPLIT_TARGETS[target];
    if (splitTarget) {
      for (let c = 4; c <= targetAt; c++) {
        if (line.cells[c] !== target) continue;
        line.cells[c] = splitTarget[0];
        rest[c] = splitTarget[1];
      }
    }
    lines.splice(k + 1, 0, { cells: [''] }, { cells: rest });
    repairs.push({ kind: 'page-break-join', contains: `「${name.slice(0, cut)}」+「${name.slice(cut)}」` });
    if (splitTarget)
      repairs.push({ kind: 'page-break-join', contains: `「${splitTarget[0]}」+「${splitTarget[1]}」` });
    steps.push(`跨页拆分「${name}」${splitTarget ? `及指标值「${target}」` : ''}`);
  }
  // Page breaks between rows, padded cells and full-width spaces: nothing to repair that changes a fact.
  for (let k = lines.length - 1; k > 0; k--) {
    if (chance(random, 0.05)) lines.splice(k, 0, { cells: [''] });
  }
  for (const line of lines) {
    if (!chance(random, 0.2)) continue;
    line.cells = line.cells.map((cell) =>
      cell === '' ? cell : chance(random, 0.5) ? ` ${cell}\u3000` : `\u3000${cell} `,
    );
  }
}

// Targets a page break may cut in two halves that do not read alone.
const SPLIT_TARGETS: Record<string, [string, string]> = {
  在合同规定的时间内支付: ['在合同规定的', '时间内支付'],
  '1.5 万小时': ['1.5 万', '小时'],
  在规定时间内发放: ['在规定', '时间内发放'],
  完成市级下达任务: ['完成市级', '下达任务'],
};
