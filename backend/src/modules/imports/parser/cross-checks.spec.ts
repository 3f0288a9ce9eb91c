import { readFileSync } from 'fs';
import { join } from 'path';
import { parseBudgetDocument } from './budget-document.parser';
import { checkBudgetTables } from './cross-checks';
import type { Finding } from './import-report.types';

const SEED = join(__dirname, '../../../../../seeds/000_fecdbe4f42164389.txt');
const LOST_HEADER = join(__dirname, '../../../../test/fixtures/import/lost-header.txt');
const seed = parseBudgetDocument(readFileSync(SEED, 'utf8'));

/** A document with only 表1 收支总表, built from income and expenditure lines. */
function summaryDocument(
  overrides: { income?: [string, string][]; expenditure?: [string, string][] } = {},
): string {
  const income = overrides.income ?? [
    ['一、一般公共预算拨款收入', '80.00'],
    ['二、其他收入', '20.00'],
    ['本年收入合计', '100.00'],
    ['上年结转结余', '0.00'],
    ['收 入 总 计', '100.00'],
  ];
  const expenditure = overrides.expenditure ?? [
    ['一、一般公共服务支出', '60.00'],
    ['二、社会保障和就业支出', '40.00'],
    ['本年支出合计', '100.00'],
    ['年终结转结余', '0.00'],
    ['支 出 总 计', '100.00'],
  ];
  const rows = Array.from({ length: Math.max(income.length, expenditure.length) }, (_, i) =>
    [...(income[i] ?? ['', '']), ...(expenditure[i] ?? ['', ''])].join('\t'),
  );
  return [
    '测试局 2025 年部门预算',
    '',
    '表1',
    '',
    '收支总表',
    '',
    '[099] 测试局',
    '',
    '单位：万元',
    '',
    '收 入\t\t支 出\t',
    '项 目\t预算数\t项 目\t预算数',
    ...rows,
    '',
  ].join('\n');
}

function moneyFindings(findings: Finding[]): [string, string, string, number, number][] {
  return findings
    .filter((finding) => finding.expected !== undefined)
    .map((finding) => [
      finding.location.table,
      finding.location.project ?? finding.location.row ?? '',
      finding.location.part ?? '',
      finding.expected ?? NaN,
      finding.actual ?? NaN,
    ]);
}

describe(checkBudgetTables.name, () => {
  it('should list every 勾稽 mismatch of the published document and nothing else', () => {
    // Each verified by hand against the document; all are 0.01 (0.002) rounding differences.
    expect(moneyFindings(seed.report.findings)).toEqual([
      ['表3', '20805 行政事业单位养老支出', '合计 列', 376.02, 376.03],
      ['表3', '20805 行政事业单位养老支出', '基本支出 列', 376.02, 376.03],
      ['表3', '21011 行政事业单位医疗', '合计 列', 122.16, 122.17],
      ['表3', '21011 行政事业单位医疗', '基本支出 列', 122.16, 122.17],
      ['表5-1', '208 社会保障和就业支出', '基本支出/小计 列', 1553.02, 1553.03],
      ['表5-1', '2080101 行政运行', '基本支出/小计 列', 1129.43, 1129.44],
      ['表5-1', '合计', '基本支出/公用经费 列', 185.01, 185.02],
      ['表5-1', '208 社会保障和就业支出', '基本支出/人员经费 列', 1398.77, 1398.76],
      ['表5-1', '20801 人力资源和社会保障管理事务', '基本支出/人员经费 列', 1022.73, 1022.74],
      ['表5-1', '20805 行政事业单位养老支出', '合计 列', 376.02, 376.03],
      ['表5-1', '20805 行政事业单位养老支出', '基本支出/小计 列', 376.02, 376.03],
      ['表5-1', '20805 行政事业单位养老支出', '基本支出/人员经费 列', 376.02, 376.03],
      ['表5-1', '21011 行政事业单位医疗', '合计 列', 122.16, 122.17],
      ['表5-1', '21011 行政事业单位医疗', '基本支出/小计 列', 122.16, 122.17],
      ['表5-1', '21011 行政事业单位医疗', '基本支出/人员经费 列', 122.16, 122.17],
      ['表6', '301 工资福利支出', '合计 列', 1527.74, 1527.75],
      ['表6', '301 工资福利支出', '人员经费 列', 1527.74, 1527.75],
      ['表11', '合计', '支出构成/2024年', 13371.58, 13371.59],
      ['表12', '(9) 人社局支农返汉人员帮扶资金工作经费', '项目当年预算', 1.93, 1.932],
    ]);
  });

  it.each<[string, string]>([
    ['missing', '表10 项目「往来资金」（4000 万元）在表12 中没有项目支出绩效目标表'],
    ['missing', '表10 项目「编外辅助用工」（640.6 万元）在表12 中没有项目支出绩效目标表'],
    ['missing', '表10 项目「信息化建设」（53 万元）未列入表11 项目支出情况'],
    ['inconsistent', '备注中的年份 2024 与预算年度 2025 不一致'],
    ['inconsistent', '支出明细的支出经济分类「2080705 公益性岗位补贴」不是表3/表5-1 中的科目'],
  ])('should report a %s finding: %s', (kind, message) => {
    expect(seed.report.findings).toContainEqual(expect.objectContaining({ kind, message }));
  });

  it.each<[string, (finding: Finding) => boolean]>([
    ['收入总计 = 支出总计', (finding) => finding.kind === 'balance'],
    ['表10 rows sum to its total 10,325.73', (finding) => finding.location.table === '表10'],
    ['表11 shares 67.21% / 32.79% match the amounts', (finding) => finding.kind === 'share'],
    ["a project's 支出明细 sum to its 当年预算", (finding) => finding.kind === 'project-sum'],
  ])('should pass the check %s when the published numbers agree', (_check, concerns) => {
    expect(seed.report.findings.filter(concerns)).toEqual([]);
  });

  it('should keep the published numbers when they do not add up', () => {
    const table3 = seed.document.budgetTables.tables.find((table) => table.code === '表3');
    const funds = seed.document.overall.funds.expenditure.find((line) => line.item === '合计');

    expect(table3?.lines.find((line) => line.code === '20805')?.amounts['合计']).toBe(376.03);
    expect(funds?.history.find((entry) => entry.year === 2024)?.amount).toBe(13371.59);
    expect(seed.document.projects[2]).toMatchObject({ budget: 1.93, currentBudget: 1.932 });
  });

  it('should find nothing when income and expenditure balance', () => {
    const { report } = parseBudgetDocument(summaryDocument());

    expect(report.findings).toEqual([]);
    // 本年收入合计, 收入总计, 本年支出合计, 支出总计, 收入总计 = 支出总计
    expect(report.checksRun).toBe(5);
  });

  it.each<[string, Parameters<typeof summaryDocument>[0], string]>([
    [
      '收入总计 ≠ 支出总计',
      {
        expenditure: [
          ['一、一般公共服务支出', '60.00'],
          ['本年支出合计', '60.00'],
          ['支 出 总 计', '60.00'],
        ],
      },
      'balance',
    ],
    [
      '本年收入合计 ≠ its items',
      {
        income: [
          ['一、一般公共预算拨款收入', '80.00'],
          ['二、其他收入', '21.00'],
          ['本年收入合计', '100.00'],
          ['收 入 总 计', '100.00'],
        ],
      },
      'total-sum',
    ],
  ])('should report a finding when %s', (_case, overrides, kind) => {
    const { report } = parseBudgetDocument(summaryDocument(overrides));

    expect(report.findings.map((finding) => finding.kind)).toContain(kind);
  });

  it('should report 表10 rows that do not sum to its total when the total is misprinted', () => {
    const text = readFileSync(LOST_HEADER, 'utf8').replace('\t合计\t10,325.73', '\t合计\t10,325.74');
    const { report } = parseBudgetDocument(text);

    expect(report.findings).toContainEqual(
      expect.objectContaining({
        kind: 'total-sum',
        location: expect.objectContaining({ table: '表10', row: '合计' }),
        expected: 10325.73,
        actual: 10325.74,
      }),
    );
  });
});
