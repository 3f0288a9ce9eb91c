import { REVIEW_SEVERITY_LABELS } from '@jixiao/domain';
import type { Workbook } from 'exceljs';
import { SheetWriter } from '../exports/sheet-writer';
import type { TargetReviewResponse } from './dto/target-review.response';

const TERM = { long: '长期', annual: '年度' } as const;

export const FINDINGS_HEADER = [
  '序号',
  '项目',
  '目标',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '严重程度',
  '规则',
  '问题',
  '修改建议',
];

/** 目标质量审查: every finding on one sheet, the rules with the department-year's switches on another. */
export function addTargetReviewSheets(workbook: Workbook, review: TargetReviewResponse): void {
  const findings = SheetWriter.create(workbook, '审查结果', [6, 24, 16, 10, 14, 24, 18, 8, 24, 40, 40], true);
  const width = FINDINGS_HEADER.length;
  findings.title(1, width, `${review.department.name}${review.year}年度绩效目标质量审查`);
  const { error, warning, info, total } = review.counts;
  findings.merge(2, 1, 2, width, `共 ${total} 项：错误 ${error}，警告 ${warning}，提示 ${info}`, {
    border: false,
  });
  FINDINGS_HEADER.forEach((label, i) => findings.cell(3, i + 1, label, { bold: true }));
  review.findings.forEach((f, i) => {
    const row = [
      i + 1,
      f.projectName,
      `${TERM[f.goalTerm]} · ${f.goalLabel}`,
      f.level1 ?? '',
      f.level2 ?? '',
      f.indicatorName ?? '',
      f.target ?? '',
      REVIEW_SEVERITY_LABELS[f.severity],
      f.title,
      f.message,
      f.fixHint,
    ];
    row.forEach((value, col) =>
      findings.cell(i + 4, col + 1, value, { align: col === 0 || col === 7 ? 'center' : 'left' }),
    );
  });

  const rules = SheetWriter.create(workbook, '审查规则', [28, 36, 8, 8, 30, 10, 50]);
  ['规则编号', '规则', '严重程度', '启用', '原因', '发现数', '修改建议'].forEach((label, i) =>
    rules.cell(1, i + 1, label, { bold: true }),
  );
  review.rules.forEach((rule, i) =>
    [
      rule.id,
      rule.title,
      REVIEW_SEVERITY_LABELS[rule.severity],
      rule.enabled ? '是' : '否',
      rule.reason ?? '',
      rule.findings ?? 0,
      rule.fixHint,
    ].forEach((value, col) => rules.cell(i + 2, col + 1, value, { align: 'left' })),
  );
}
