// Text in → normalized document + import report out. Pure: no I/O, no framework.
import {
  type BudgetDocument,
  type BudgetUnitInfo,
  type Goal,
  type OverallPerformance,
  type Project,
  type ProjectMatch,
  type Target,
  type TargetContext,
  countBySeverity,
  parseTarget,
  reviewTree,
} from '@jixiao/domain';
import {
  type ParsedBudgetTable,
  type Table10Project,
  budgetTotals,
  parseBudgetTable,
  parseProjectList,
  threePublicExpenses,
} from './budget-tables.parser';
import {
  checkAcrossTables,
  checkBudgetTables,
  checkClassificationCodes,
  checkOverallFunds,
  checkOverallProjectList,
  checkProjects,
  formatAmount,
  longestCommonRun,
  noteTruncatedNames,
} from './cross-checks';
import { ImportLog } from './import-log';
import type {
  GoalCount,
  ImportReport,
  ProjectCount,
  ReportLocation,
  SwitchedRule,
  TargetReadings,
  TargetReviewSection,
} from './import-report.types';
import { parseOverallPerformance } from './overall-performance.parser';
import { type ProjectSection, parseProjectSections, sectionLabel } from './project-sections.parser';
import { TABLE_CODES, findDepartment, findYear, locateTables } from './table-locator';
import { readRows, squash, sumAmounts } from './text-table.util';

export interface ParseBudgetDocumentOptions {
  /** Overrides the 部门编码 read from the tables ("[031] …"). */
  departmentCode?: string;
  /** Overrides the 部门名称 read from the tables. */
  departmentName?: string;
  /** Overrides the year read from the title ("… 2025 年部门预算"). */
  year?: number;
}

export interface ParsedBudgetDocument {
  document: BudgetDocument;
  report: ImportReport;
}

/** The text cannot be read as a 部门预算 at all (no department or no year). */
export class BudgetDocumentParseError extends Error {
  override readonly name = 'BudgetDocumentParseError';
}

export function parseBudgetDocument(
  text: string,
  options: ParseBudgetDocumentOptions = {},
): ParsedBudgetDocument {
  const log = new ImportLog();
  const rows = readRows(text);
  const regions = locateTables(rows);

  const found = findDepartment(rows);
  const code = options.departmentCode ?? found?.code;
  const name = options.departmentName ?? found?.name;
  const year = options.year ?? findYear(rows);
  if (!code || !name)
    throw new BudgetDocumentParseError(
      '未能识别部门编码与名称（如“[031] 武汉市东西湖区人力资源和社会保障局”）',
    );
  if (!year) throw new BudgetDocumentParseError('未能识别预算年度（如“2025 年部门预算”）');

  const parsedTables: ParsedBudgetTable[] = [];
  let table10: Table10Project[] = [];
  for (const region of regions) {
    if (region.code === '表10') {
      const { parsed, projects } = parseProjectList(region, log);
      parsedTables.push(parsed);
      table10 = projects;
    } else if (region.code !== '表11' && region.code !== '表12') {
      parsedTables.push(parseBudgetTable(region, log));
    }
  }
  const tables = parsedTables.map((parsed) => parsed.table);

  const region11 = regions.find((region) => region.code === '表11');
  const parsedOverall = region11 ? parseOverallPerformance(region11, log) : undefined;
  const overall: OverallPerformance = parsedOverall?.overall ?? emptyOverall();

  const region12 = regions.find((region) => region.code === '表12');
  const sections = region12 ? parseProjectSections(region12.rows, log) : [];
  const provisional = new Map(sections.map((section) => [section, sectionLabel(section)]));

  const matches = matchSections(table10, sections, tables, log);
  const bySection = new Map<Project, ProjectSection>();
  const projects = table10.map((line) => {
    const match = matches.get(line);
    const project = buildProject(line, match?.section, match?.by ?? 'none');
    if (match) bySection.set(project, match.section);
    return project;
  });
  const label = (project: Project): string => {
    const section = bySection.get(project);
    return section ? sectionLabel(section, project.name) : project.name;
  };

  // Entries logged before a header-less section was matched name it by its final label.
  for (const [project, section] of bySection) {
    const before = provisional.get(section);
    const after = sectionLabel(section, project.name);
    for (const entry of [...log.recoveries, ...log.findings]) {
      if (entry.location.project === before) entry.location.project = after;
    }
  }
  const projectOf = (section: ProjectSection): Project | undefined =>
    [...bySection].find(([, matched]) => matched === section)?.[0];
  const labelOf = (section: ProjectSection): string => sectionLabel(section, projectOf(section)?.name);
  reportTruncatedSections(sections, log);
  for (const project of projects) {
    if (!bySection.has(project)) {
      log.find(
        'missing',
        { table: '表12', project: project.name },
        `表10 项目「${project.name}」（${formatAmount(project.budget)} 万元）在表12 中没有项目支出绩效目标表`,
      );
    }
  }
  for (const section of sections) {
    for (const term of ['long', 'annual'] as const) {
      if (!section.tables.some((table) => table.term === term)) {
        const name = term === 'long' ? '长期绩效目标表' : '年度绩效目标表';
        log.find(
          'missing',
          { table: '表12', project: labelOf(section), line: section.line },
          `本节没有${name}`,
        );
      }
    }
    if (!projectOf(section)) {
      log.find(
        'missing',
        { table: '表12', project: sectionLabel(section), line: section.line },
        section.headerFound ? unlistedSection(section) : '该节未能匹配到表10 中的项目，未导入',
      );
    }
  }

  const targets: TargetReadings = { explicit: 0, inferred: 0, unparsed: 0, unread: [] };
  readTargets(overall.goals, '表11', year, log, targets);
  for (const project of projects) readTargets(project.goals, label(project), year, log, targets);

  const targetReview = reviewTargets(overall.goals, projects, label, year);

  checkBudgetTables(parsedTables, year, log);
  if (parsedOverall) checkOverallFunds(parsedOverall, log);
  checkProjects(projects, bySection, log, label);
  checkAcrossTables(tables, overall, log);
  checkOverallProjectList(overall, projects, log);
  checkClassificationCodes(projects, tables, log, label);
  noteTruncatedNames(tables, log);

  const document: BudgetDocument = {
    schemaVersion: 1,
    department: { code, name, shortName: overall.departmentName },
    year,
    moneyUnit: '万元',
    units: budgetUnits(tables, code),
    budgetTables: {
      tables,
      totals: budgetTotals(tables),
      threePublicExpenses: threePublicExpenses(tables.find((table) => table.code === '表7')),
    },
    overall,
    projects,
  };
  const report: ImportReport = {
    department: { code, name },
    year,
    tables: regions.map((region) => ({ code: region.code, caption: region.caption, line: region.line })),
    missingTables: TABLE_CODES.filter((tableCode) => !regions.some((region) => region.code === tableCode)),
    counts: {
      overall: goalCounts(overall.goals),
      projects: projects.map((project, index) => projectCount(project, index, bySection.get(project))),
    },
    targets,
    targetReview,
    recoveries: log.recoveries,
    findings: log.findings,
    checksRun: log.checksRun,
  };
  return { document, report };
}

function emptyOverall(): OverallPerformance {
  return {
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
}

function budgetUnits(tables: ParsedBudgetTable['table'][], departmentCode: string): BudgetUnitInfo[] {
  for (const tableCode of ['表2', '表5-2']) {
    const lines = tables.find((table) => table.code === tableCode)?.lines ?? [];
    const units = lines
      .filter(
        (line) =>
          line.code !== null &&
          line.code.startsWith(departmentCode) &&
          line.code.length > departmentCode.length,
      )
      .map((line) => ({ code: line.code as string, name: line.name }));
    if (units.length > 0) return units;
  }
  return [];
}

interface Match {
  section: ProjectSection;
  by: ProjectMatch;
}

function sectionAmount(section: ProjectSection): number | null {
  const current = section.header.currentBudget;
  const fromHeader = current ? Number(squash(current).replace(/万元$|万$/, '')) : NaN;
  if (!Number.isNaN(fromHeader)) return fromHeader;
  const amounts = section.spendingDetails.map((detail) => detail.amount);
  return amounts.some((amount) => amount !== null) ? sumAmounts(amounts) : null;
}

/** Ties each 表12 section to its 表10 line: by name, by a name 表10 cut short, then by amount and 科目. */
function matchSections(
  table10: Table10Project[],
  sections: ProjectSection[],
  tables: ParsedBudgetTable['table'][],
  log: ImportLog,
): Map<Table10Project, Match> {
  const matches = new Map<Table10Project, Match>();
  const free = (): Table10Project[] => table10.filter((line) => !matches.has(line));
  const unmatched = (): ProjectSection[] =>
    sections.filter((s) => ![...matches.values()].some((m) => m.section === s));

  for (const section of sections) {
    const sectionName = squash(section.header.name ?? '');
    if (sectionName === '') continue;
    const exact = free().find((line) => squash(line.name) === sectionName);
    if (exact) {
      matches.set(exact, { section, by: 'name' });
      continue;
    }
    const cut = free().filter(
      (line) => squash(line.name).length >= 4 && sectionName.startsWith(squash(line.name)),
    );
    if (cut.length === 1) {
      matches.set(cut[0], { section, by: 'name-prefix' });
      log.recover(
        'truncated-name',
        { table: '表10', line: cut[0].line, row: cut[0].name, project: sectionLabel(section) },
        `表10 中的项目名称「${cut[0].name}」被列宽截断，按表12 ${sectionLabel(section)} 的完整名称导入`,
      );
    }
  }

  const functional = tables.filter((table) => table.code === '表3' || table.code === '表5-1');
  for (const section of unmatched()) {
    const amount = sectionAmount(section);
    if (amount === null) continue;
    const candidates = free().filter((line) => Math.abs(line.budget - amount) < 0.0005);
    const codes = [
      ...new Set(
        section.spendingDetails
          .map((detail) => detail.classificationCode)
          .filter((c): c is string => c !== null),
      ),
    ];
    const subjects = codes.map((subjectCode) => {
      const line = functional.flatMap((table) => table.lines).find((l) => l.code === subjectCode);
      const table3 = functional.find((table) => table.code === '表3');
      const projectSpend = table3?.lines.find((l) => l.code === subjectCode)?.amounts['项目支出'] ?? null;
      return { code: subjectCode, name: line?.name ?? '（表3 中无此科目）', projectSpend };
    });
    let chosen = candidates.length === 1 ? candidates[0] : undefined;
    if (candidates.length > 1 && subjects.length > 0) {
      const scored = candidates
        .map((line) => ({
          line,
          score: Math.max(...subjects.map((s) => longestCommonRun(squash(s.name), squash(line.name)))),
        }))
        .sort((a, b) => b.score - a.score);
      if (scored[0].score > scored[1].score) chosen = scored[0].line;
    }
    const where: ReportLocation = {
      table: '表12',
      project: sectionLabel(section, chosen?.name),
      line: section.line,
    };
    const source = section.headerFound
      ? `项目当年预算 ${formatAmount(amount)} 万元`
      : `支出明细合计 ${formatAmount(amount)} 万元`;
    const subjectText = subjects
      .map(
        (s) =>
          `支出经济分类 ${s.code} ${s.name}${s.projectSpend !== null ? `（表3 该科目项目支出 ${formatAmount(s.projectSpend)} 万元）` : ''}`,
      )
      .join('；');
    const funding =
      section.fundingSources.length > 0
        ? `均缺失，资金来源只余 ${section.fundingSources.length} 行`
        : '及资金来源均缺失';
    const lost = section.headerFound
      ? ''
      : `表12 ${sectionLabel(section, '')}缺少表头：“(${section.number ?? '?'})”编号、项目名称、项目编码、主管部门、执行单位、负责人、联系电话、单位地址、邮政编码、项目属性、支出项目类别、起止年度、立项依据、实施方案、项目总预算、项目当年预算、前两年预算变动情况${funding}，本节从第 ${section.line} 行开始。`;
    // A complete header names its project; when no 表10 line takes it, that is a finding (below), not a lost header.
    if (!chosen && section.headerFound) continue;
    if (!chosen) {
      log.recover(
        'missing-header',
        where,
        `${lost}按金额与支出经济分类未能唯一匹配（${source}；${subjectText || '无支出经济分类'}；候选 ${candidates.length} 个），未导入该节`,
      );
      continue;
    }
    matches.set(chosen, { section, by: 'amount-and-classification' });
    log.recover(
      'missing-header',
      where,
      `${lost}按金额与支出经济分类匹配到表10 第 ${chosen.seq} 行「${chosen.name}」：${source} = 表10 合计 ${formatAmount(chosen.budget)} 万元` +
        `（未匹配项目中${candidates.length === 1 ? '唯一' : '科目名称最接近'}）；${subjectText}。项目名称取自表10，项目编码等表头字段无法恢复，记为空`,
    );
  }
  return matches;
}

/** A section with its header whose project 表10 does not list (by name, cut name or amount). */
function unlistedSection(section: ProjectSection): string {
  const facts = [
    section.header.code ? `项目编码 ${section.header.code}` : '',
    section.header.currentBudget ? `项目当年预算 ${squash(section.header.currentBudget)} 万元` : '',
  ].filter((fact) => fact !== '');
  const number = section.number === null ? '(?)' : `(${section.number})`;
  return `表12 ${number}「${section.header.name ?? ''}」${facts.length > 0 ? `（${facts.join('，')}）` : ''}表头完整，但表10 中没有这个项目，未导入，需人工确认`;
}

function buildProject(line: Table10Project, section: ProjectSection | undefined, by: ProjectMatch): Project {
  const header = section?.header ?? {};
  const text = (value: string | undefined): string | null =>
    value === undefined || value === '' ? null : value;
  const amount = (value: string | undefined): number | null => {
    const number = Number(squash(value ?? '').replace(/万元$|万$/, ''));
    return value && !Number.isNaN(number) ? number : null;
  };
  const yearOf = (value: string | undefined): number | null => {
    const match = /(\d{4})/.exec(value ?? '');
    return match ? Number(match[1]) : null;
  };
  return {
    code: text(header.code),
    name: text(header.name) ?? line.name,
    budget: line.budget,
    category: line.category,
    categoryGroup: line.categoryGroup,
    source: {
      table10Name: line.name,
      table10Amounts: line.amounts,
      section: section?.number ?? null,
      headerFound: section?.headerFound ?? false,
      matchedBy: by,
    },
    competentDepartment: text(header.competentDepartment),
    executingUnit: text(header.executingUnit),
    leadName: text(header.leadName),
    phone: text(header.phone),
    address: text(header.address),
    postcode: text(header.postcode),
    attribute: text(header.attribute),
    expenditureCategory: text(header.expenditureCategory),
    startYear: yearOf(header.startYear),
    endYear: yearOf(header.endYear),
    legalBasis: text(header.legalBasis),
    implementationPlan: text(header.implementationPlan),
    totalBudget: amount(header.totalBudget),
    currentBudget: amount(header.currentBudget),
    priorBudgetChanges: text(header.priorBudgetChanges),
    fundingSources: section?.fundingSources ?? [],
    spendingDetails: section?.spendingDetails ?? [],
    procurements: section?.procurements ?? [],
    goals: section?.goals ?? [],
  };
}

/** A section followed by one that lost its header lost its own end with it. */
function reportTruncatedSections(sections: ProjectSection[], log: ImportLog): void {
  sections.forEach((section, i) => {
    const next = sections[i + 1];
    if (!next || next.headerFound) return;
    const notes: string[] = [];
    const lastTable = section.tables[section.tables.length - 1];
    const lastRow = lastTable?.rows[lastTable.rows.length - 1];
    if (lastTable && lastRow) {
      const tableName = lastTable.term === 'long' ? '长期绩效目标表' : '年度绩效目标表';
      notes.push(`${tableName}止于第 ${lastRow.line} 行「${lastRow.indicator.name}」`);
      const longer = section.tables
        .flatMap((table) => table.rows)
        .map((row) => row.indicator.name)
        .find(
          (other) => other.length > lastRow.indicator.name.length && other.startsWith(lastRow.indicator.name),
        );
      if (longer) notes.push(`该名称是本项目另一表中「${longer}」的前缀，疑被截断，原文保留未补全`);
      const levelsOf = (term: 'long' | 'annual'): Set<string> =>
        new Set(
          section.tables.filter((t) => t.term === term).flatMap((t) => t.rows.map((r) => r.indicator.level1)),
        );
      const other = lastTable.term === 'annual' ? 'long' : 'annual';
      const missing = [...levelsOf(other)].filter((level) => !levelsOf(lastTable.term).has(level));
      if (missing.length > 0) {
        notes.push(
          `${tableName}缺少${other === 'long' ? '长期' : '年度'}表中有的一级指标「${missing.join('、')}」的行，未补造`,
        );
      }
    }
    log.recover(
      'truncated-section',
      { table: '表12', project: sectionLabel(section), line: section.endLine },
      `本节结尾缺失（其后一节的表头一并丢失）：${notes.join('；') || '无指标表'}`,
    );
  });
}

/** Fills the structured reading of each 指标值 from libs/domain's parser, 上年 as the base of relative targets. */
function readTargets(
  goals: Goal[],
  owner: string,
  year: number,
  log: ImportLog,
  readings: TargetReadings,
): void {
  for (const goal of goals) {
    for (const indicator of goal.indicators) {
      if (indicator.target === '') continue;
      const where: ReportLocation = {
        table: owner === '表11' ? '表11' : '表12',
        project: owner === '表11' ? undefined : owner,
        part: goal.label,
        row: indicator.name,
      };
      const context: TargetContext = {
        level1: indicator.level1,
        level2: indicator.level2,
        name: indicator.name,
        previous: indicator.prev1 || undefined,
        year,
      };
      let parsed: Target;
      try {
        parsed = parseTarget(indicator.target, context);
      } catch (error) {
        log.find(
          'inconsistent',
          where,
          `指标值「${indicator.target}」未能结构化（${(error as Error).message}），仅保留原文`,
        );
        continue;
      }
      indicator.parsed = parsed;
      readings[parsed.confidence]++;
      if (parsed.confidence === 'unparsed')
        readings.unread.push({ location: where, raw: parsed.raw, note: parsed.note ?? '' });
    }
  }
}

/**
 * 目标质量审查 of the department's and every project's tree (docs/domain.md §9): with the rules' defaults when
 * parsing, with the department-year's switches (`switched`, the rules set otherwise than by default) at import;
 * also run on a normalized document loaded as JSON, whose projects go by their names.
 */
export function reviewTargets(
  overallGoals: Goal[],
  projects: Project[],
  label: (project: Project) => string,
  year: number,
  switched: SwitchedRule[] = [],
): TargetReviewSection {
  const switches = Object.fromEntries(switched.map((rule) => [rule.ruleId, rule.enabled]));
  const trees = [
    { owner: '表11', goals: overallGoals },
    ...projects.map((project) => ({ owner: label(project), goals: project.goals })),
  ];
  const findings = trees.flatMap(({ owner, goals }) =>
    reviewTree(goals, { year, switches }).map(
      ({ goalIndex, indicatorIndex, ruleId, severity, title, message }) => {
        const goal = goals[goalIndex];
        const location: ReportLocation = {
          table: owner === '表11' ? '表11' : '表12',
          ...(owner === '表11' ? {} : { project: owner }),
          part: goal.label,
          ...(indicatorIndex === null ? {} : { row: goal.indicators[indicatorIndex].name }),
        };
        return { location, ruleId, severity, title, message };
      },
    ),
  );
  return { counts: countBySeverity(findings), findings, ...(switched.length ? { switched } : {}) };
}

function goalCounts(goals: Goal[]): GoalCount[] {
  return goals.map((goal) => ({ term: goal.term, label: goal.label, indicators: goal.indicators.length }));
}

function projectCount(project: Project, index: number, section: ProjectSection | undefined): ProjectCount {
  const count = (term: 'long' | 'annual'): number =>
    project.goals.filter((goal) => goal.term === term).reduce((sum, goal) => sum + goal.indicators.length, 0);
  return {
    seq: index + 1,
    name: project.name,
    code: project.code,
    section: section?.number ?? null,
    longTermIndicators: count('long'),
    annualIndicators: count('annual'),
    goals: goalCounts(project.goals),
  };
}
