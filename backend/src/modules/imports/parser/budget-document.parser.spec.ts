import { readFileSync } from 'fs';
import { join } from 'path';
import type { Goal, Project } from '@jixiao/domain';
import { BudgetDocumentParseError, parseBudgetDocument } from './budget-document.parser';

const SEED = join(__dirname, '../../../../../seeds/000_fecdbe4f42164389.txt');
const FIXTURES = join(__dirname, '../../../../test/fixtures/import');

const seed = parseBudgetDocument(readFileSync(SEED, 'utf8'));

function count(project: Project, term: Goal['term']): number {
  return project.goals
    .filter((goal) => goal.term === term)
    .reduce((sum, goal) => sum + goal.indicators.length, 0);
}

function projectNamed(name: string): Project {
  const project = seed.document.projects.find((candidate) => candidate.name === name);
  if (!project) throw new Error(`no project ${name}`);
  return project;
}

/** The lost-header excerpt (title, 表3, 表10, 表12 (1)–(3) start) with 表10 lines replaced. */
function lostHeaderDocument(table10Lines: Record<string, string> = {}): string {
  let text = readFileSync(join(FIXTURES, 'lost-header.txt'), 'utf8');
  for (const [from, to] of Object.entries(table10Lines)) text = text.replace(from, to);
  return text;
}

describe(parseBudgetDocument.name, () => {
  describe('on the published 2025 budget of department 031', () => {
    it('should find 表1–表12 by their captions when the document holds all of them', () => {
      expect(seed.report.tables.map((table) => table.code)).toEqual([
        '表1',
        '表2',
        '表3',
        '表4',
        '表5-1',
        '表5-2',
        '表6',
        '表7',
        '表8',
        '表9',
        '表10',
        '表11',
        '表12',
      ]);
      expect(seed.report.missingTables).toEqual([]);
    });

    it('should read the department and year when the tables head them', () => {
      expect(seed.document.department).toEqual({
        code: '031',
        name: '武汉市东西湖区人力资源和社会保障局',
        shortName: '区人社局',
      });
      expect(seed.document.year).toBe(2025);
      expect(seed.document.units).toEqual([{ code: '031001', name: '武汉市东西湖区人力资源和社会保障局' }]);
    });

    // Counted by hand from seeds/000_fecdbe4f42164389.txt: 三级 rows of each 表12 section's 长期绩效目标表 and
    // 年度绩效目标表 (a row continued after a page break counts once); projects in 表10's order.
    it.each<[number, string, string | null, number, string, number | null, number, number]>([
      [1, '信息化建设', '42011225031Y000000100', 53, '其他运转类', 10, 7, 7],
      [
        2,
        '人社局特殊人群统筹外发放生活补助工作经费',
        '42011225031T000000100',
        463.6,
        '本级支出项目',
        8,
        6,
        8,
      ],
      [3, '人社局支农返汉人员帮扶资金工作经费', '42011225031T000000101', 1.93, '本级支出项目', 9, 7, 7],
      [4, '人社局就业管理工作经费', null, 466, '本级支出项目', 2, 11, 11],
      [5, '人社局就业资金工作经费', '42011225031T000000107', 3128, '本级支出项目', 3, 13, 13],
      [6, '人社局社会保险经办机构工作经费', '42011225031T000000108', 435, '本级支出项目', 6, 9, 15],
      [7, '人社局劳动维权工作经费', '42011225031T000000109', 890, '本级支出项目', 4, 10, 11],
      [8, '人社局人力资源服务费工作经费', '42011222031T000000104', 200, '本级支出项目', 5, 10, 8],
      [
        9,
        '人社局行政事业单位改革及人员考录考察考核培训、人才引进考察调配、职称评审工作经费',
        '42011225031T000000111',
        46,
        '本级支出项目',
        7,
        9,
        11,
      ],
      [10, '往来资金', null, 4000, '本级支出项目', null, 0, 0],
      [11, '党建', '42011225031T000000113', 1.6, '本级支出项目', 1, 9, 8],
      [12, '编外辅助用工', null, 640.6, '本级支出项目', null, 0, 0],
    ])(
      'should import 表10 project %i (%s) with its code, amount, category and hand-counted indicators',
      (seq, name, code, budget, category, section, long, annual) => {
        const project = seed.document.projects[seq - 1];

        expect(project).toMatchObject({ name, code, budget, category });
        expect(project.source.section).toBe(section);
        expect(count(project, 'long')).toBe(long);
        expect(count(project, 'annual')).toBe(annual);
      },
    );

    // Counted by hand from 表11: rows of each goal's indicator table.
    it.each<[string, string, number]>([
      ['长期目标 1', '稳定就业局势', 13],
      ['长期目标 2', '建立全面公平社会保障制度', 9],
      ['长期目标 3', '建立活力人才人事体制机制', 9],
      ['长期目标 4', '构建和谐劳动关系', 10],
      ['年度目标 1', '维护就业稳定，减少失业率', 13],
      ['年度目标 2', '保障社保业务正常运行及待遇正常发放', 15],
      ['年度目标 3', '完成 2025 年度事业单位招聘、2025 年度职称评审申报及人才引进任务', 11],
      ['年度目标 4', '利用劳动监察行政职能维护全区 20 余万户用工单位和 40 万多劳动者双方的合法权益', 11],
    ])('should import 表11 goal %s (%s) with its hand-counted indicators', (label, title, indicators) => {
      const goal = seed.document.overall.goals.find((candidate) => candidate.label === label);

      expect(goal?.title).toBe(title);
      expect(goal?.indicators).toHaveLength(indicators);
    });

    it('should match the section that lost its header to 表10 by amount and classification and say so', () => {
      const project = projectNamed('人社局就业管理工作经费');
      const recovery = seed.report.recoveries.find((entry) => entry.kind === 'missing-header');

      expect(project.source).toMatchObject({
        section: 2,
        headerFound: false,
        matchedBy: 'amount-and-classification',
      });
      expect(project.spendingDetails.map((detail) => detail.amount)).toEqual([20, 411, 25, 10]);
      expect(project.spendingDetails.every((detail) => detail.classificationCode === '2080106')).toBe(true);
      expect(recovery?.location.project).toBe('(2) 人社局就业管理工作经费');
      expect(recovery?.action).toContain('支出明细合计 466 万元 = 表10 合计 466 万元');
      expect(recovery?.action).toContain('2080106 就业管理事务');
    });

    it('should keep the truncated end of section (1) as published and report what is missing', () => {
      const annual = projectNamed('党建').goals.find((goal) => goal.term === 'annual');
      const recovery = seed.report.recoveries.find((entry) => entry.kind === 'truncated-section');

      expect(annual?.indicators.at(-1)?.name).toBe('提高全局党员的政治素质和服务质');
      expect(annual?.indicators.some((indicator) => indicator.level1 === '满意度指标')).toBe(false);
      expect(recovery?.location.project).toBe('(1) 党建');
      expect(recovery?.action).toContain('提高全局党员的政治素质和服务质量');
      expect(recovery?.action).toContain('满意度指标');
    });

    it('should take the full name from 表12 when 表10 cut it, keeping 表10 text in the source', () => {
      const project = seed.document.projects[1];

      expect(project.name).toBe('人社局特殊人群统筹外发放生活补助工作经费');
      expect(project.source).toMatchObject({
        table10Name: '人社局特殊人群统筹外发放生活补助工',
        matchedBy: 'name-prefix',
      });
    });

    it.each<[string, string, string]>([
      ['a typo', '群众满意度', '》95%'],
      ['spaces inside a value', '机房正常运行时长占比', '≥ 99.5%'],
      ['a space before the percent sign', '养老金足额发放到位率', '100 %'],
      ['line-break spaces of a narrow cell', '生活困难补助', '1040 元/ 月'],
    ])('should keep the published target text exactly when it has %s', (_case, name, target) => {
      const targets = seed.document.projects
        .flatMap((project) => project.goals)
        .flatMap((goal) => goal.indicators)
        .filter((indicator) => indicator.name === name)
        .map((indicator) => indicator.target);

      expect(targets).toContain(target);
    });

    it("should fill the structured target from libs/domain's parseTarget and keep the raw text beside it", () => {
      const goal = seed.document.overall.goals.find((candidate) => candidate.label === '长期目标 2');
      const typo = goal?.indicators.find((candidate) => candidate.name === '群众满意度');
      const annual = seed.document.overall.goals.find((candidate) => candidate.label === '年度目标 4');
      const noHistory = annual?.indicators.find((candidate) => candidate.name === '举报投诉案件受理数量');

      expect(typo).toMatchObject({
        target: '》95%',
        parsed: { raw: '》95%', operator: '>=', value: 95, unit: '%' },
      });
      expect(noHistory).toMatchObject({ prev2: '', prev1: '', parsed: { raw: '500' } });
      expect(seed.report.targets.explicit + seed.report.targets.inferred + seed.report.targets.unparsed).toBe(
        281,
      );
    });

    it('should read annual values as 前年, 上年 and the year target when the table has them', () => {
      const goal = seed.document.overall.goals.find((candidate) => candidate.label === '年度目标 4');
      const indicator = goal?.indicators.find(
        (candidate) => candidate.name === '劳动保障监察立案案件法定期限内结案率',
      );

      expect(indicator).toMatchObject({
        level1: '产出指标',
        level2: '时效指标',
        prev2: '≥85%',
        prev1: '≥88%',
        target: '≥90%',
        basis: '历史数据',
      });
    });

    it('should read the department-wide funds with shares and the two previous years', () => {
      expect(seed.document.overall.funds.income[0]).toEqual({
        item: '财政拨款',
        amount: 8198.82,
        share: 67.21,
        history: [
          { year: 2023, amount: 14638.21 },
          { year: 2024, amount: 8371.59 },
        ],
      });
      expect(seed.document.overall.funds.income[2]).toMatchObject({
        item: '单位资金',
        amount: 4000,
        share: 32.79,
      });
    });

    it('should read 表1–表4 totals and 三公经费 as numbers in 万元', () => {
      expect(seed.document.budgetTables.totals).toEqual({
        incomeTotal: 12198.82,
        expenditureTotal: 12198.82,
        currentYearIncome: 12198.82,
        currentYearExpenditure: 12198.82,
        basicExpenditure: 1873.09,
        projectExpenditure: 10325.73,
        fiscalIncomeTotal: 8198.82,
        fiscalExpenditureTotal: 8198.82,
      });
      expect(seed.document.budgetTables.threePublicExpenses).toEqual({
        total: 1.8,
        overseasTravel: 0,
        officialVehicles: 0,
        vehiclePurchase: 0,
        vehicleOperation: 0,
        officialReception: 1.8,
      });
    });

    it('should build the functional classification tree by code prefix', () => {
      const table3 = seed.document.budgetTables.tables.find((table) => table.code === '表3');
      const line = table3?.lines.find((candidate) => candidate.code === '2080106');

      expect(line).toEqual({
        code: '2080106',
        parentCode: '20801',
        name: '就业管理事务',
        level: 3,
        amounts: {
          合计: 466,
          基本支出: 0,
          项目支出: 466,
          事业单位经营支出: null,
          上缴上级支出: null,
          对附属单位补助支出: null,
        },
      });
    });

    it('should join a goal statement split across a page break', () => {
      const annual = projectNamed('人社局人力资源服务费工作经费').goals.find(
        (goal) => goal.term === 'annual',
      );

      expect(annual?.title).toBe(
        '一是从严控制编外辅助人员总量，提质增效；二是加强人力资源服务机构监督，规范服务； 三是维护编外辅助人员合法权益，提升能力。',
      );
    });
  });

  describe('on an excerpt that lost a section header', () => {
    it('should match the orphan section when one unmatched 表10 project has its amount', () => {
      const { document } = parseBudgetDocument(lostHeaderDocument());

      expect(document.projects.find((project) => project.source.section === 2)?.name).toBe(
        '人社局就业管理工作经费',
      );
    });

    it('should prefer the project whose name shares the 科目 name when two have the amount', () => {
      const { document, report } = parseBudgetDocument(
        lostHeaderDocument({
          '人社局社会保险经办机构工作经费\t435.00\t435.00': '人社局社会保险经办机构工作经费\t466.00\t466.00',
        }),
      );

      expect(document.projects.find((project) => project.source.section === 2)?.name).toBe(
        '人社局就业管理工作经费',
      );
      expect(report.recoveries.find((entry) => entry.kind === 'missing-header')?.action).toContain(
        '科目名称最接近',
      );
    });

    it('should leave the orphan unmatched and say so when no 表10 project has its amount', () => {
      const { document, report } = parseBudgetDocument(
        lostHeaderDocument({
          '人社局就业管理工作经费\t466.00\t466.00': '人社局就业管理工作经费\t467.00\t467.00',
        }),
      );

      expect(document.projects.some((project) => project.source.section === 2)).toBe(false);
      expect(report.recoveries.find((entry) => entry.kind === 'missing-header')?.action).toContain(
        '未能唯一匹配',
      );
      expect(report.findings.map((finding) => finding.message)).toContain(
        '该节未能匹配到表10 中的项目，未导入',
      );
    });
  });

  describe('options and errors', () => {
    it('should take the year and department from the options when given', () => {
      const { document } = parseBudgetDocument(lostHeaderDocument(), {
        year: 2026,
        departmentCode: '099',
        departmentName: '测试局',
      });

      expect(document).toMatchObject({ year: 2026, department: { code: '099', name: '测试局' } });
    });

    it('should refuse text without a department when none is given', () => {
      expect(() => parseBudgetDocument('东西湖区人社局 2025 年部门预算\n')).toThrow(BudgetDocumentParseError);
    });
  });
});
