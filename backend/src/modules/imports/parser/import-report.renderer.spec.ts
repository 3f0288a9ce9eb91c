import type { ImportReport } from './import-report.types';
import { renderImportReport } from './import-report.renderer';

function aReport(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    department: { code: '099', name: '测试局' },
    year: 2025,
    tables: [{ code: '表1', caption: '收支总表', line: 3 }],
    missingTables: ['表2'],
    counts: {
      overall: [{ term: 'long', label: '长期目标 1', indicators: 2 }],
      projects: [
        {
          seq: 1,
          name: '党建',
          code: null,
          section: 1,
          longTermIndicators: 3,
          annualIndicators: 4,
          goals: [],
        },
      ],
    },
    targets: { explicit: 1, inferred: 1, unparsed: 0, unread: [] },
    targetReview: { counts: { error: 0, warning: 0, info: 0, total: 0 }, findings: [] },
    recoveries: [],
    findings: [],
    checksRun: 0,
    ...overrides,
  };
}

describe(renderImportReport.name, () => {
  it('should title the report with the department and year', () => {
    expect(renderImportReport(aReport()).split('\n')[0]).toBe('# 导入报告：测试局（099）2025 年部门预算');
  });

  it('should list missing tables and per-project counts when given', () => {
    const markdown = renderImportReport(aReport());

    expect(markdown).toContain('缺失：表2');
    expect(markdown).toContain('| 1 | 党建 | — | (1) | 3 | 4 |');
  });

  it('should say 无 when there is nothing to recover or find', () => {
    const markdown = renderImportReport(aReport());

    expect(markdown).toContain('## 目标质量审查\n\n无。');
    expect(markdown).toContain('## 修复记录\n\n无。');
    expect(markdown).toContain('## 勾稽与完整性发现\n\n无。');
  });

  it('should escape cell separators in published text when rows are quoted', () => {
    const markdown = renderImportReport(
      aReport({
        recoveries: [
          {
            kind: 'typo',
            location: { table: '表11', line: 440, row: '群众满意度 | 》95%' },
            action: '原文保留',
          },
        ],
      }),
    );

    expect(markdown).toContain(
      '| 1 | 疑似录入错误 | 表11 · 第 440 行 · 「群众满意度 \\| 》95%」 | 原文保留 |',
    );
  });

  it.each<[number, number, string]>([
    [376.02, 376.03, '+0.01（疑为四舍五入尾差）'],
    [100, 60, '-40'],
  ])('should show the difference of %p and %p as %s', (expected, actual, text) => {
    const markdown = renderImportReport(
      aReport({
        findings: [{ kind: 'children-sum', location: { table: '表3' }, message: '不符', expected, actual }],
      }),
    );

    expect(markdown).toContain(`| ${text} |`);
  });

  it('should list the targets an admin must set by hand when the target parser could not read them', () => {
    const markdown = renderImportReport(
      aReport({
        targets: {
          explicit: 0,
          inferred: 0,
          unparsed: 1,
          unread: [
            {
              location: { table: '表12', project: '(9) 项目', part: '年度绩效目标 1', row: '当事人满意' },
              raw: '给予生 活困难',
              note: '无法识别',
            },
          ],
        },
      }),
    );

    expect(markdown).toContain('未能识别 1 个');
    expect(markdown).toContain(
      '| 1 | 表12 · (9) 项目 · 年度绩效目标 1 · 「当事人满意」 | 给予生 活困难 | 无法识别 |',
    );
  });

  it('should list the target-review findings with each rule’s hint once', () => {
    const markdown = renderImportReport(
      aReport({
        targetReview: {
          counts: { error: 1, warning: 0, info: 0, total: 1 },
          findings: [
            {
              location: { table: '表12', project: '(1) 党建', part: '年度绩效目标 1' },
              ruleId: 'goal-missing-level1',
              severity: 'error',
              title: '目标缺少产出、效益或满意度指标',
              message: '目标缺少满意度指标',
            },
          ],
        },
      }),
    );

    expect(markdown).toContain('目标质量审查（默认启用的规则）：发现 1 项（错误 1，警告 0，提示 0）');
    expect(markdown).toContain(
      '| 目标缺少产出、效益或满意度指标 | 错误 | 1 | 每个绩效目标应同时设置产出指标、效益指标和满意度指标 |',
    );
    expect(markdown).toContain(
      '| 1 | 错误 | 目标缺少产出、效益或满意度指标 | 表12 · (1) 党建 · 年度绩效目标 1 | 目标缺少满意度指标 |',
    );
  });
});
