import type { ReviewStatus } from '../workflow/review-workflow';

/** One month's monitoring report of an indicator, with the review status of its period. */
export interface ReportForEvaluation {
  period: string; // YYYY-MM
  status: ReviewStatus;
  actualRaw: string;
  /** 偏差原因 categories and the free text. */
  reasons?: readonly string[];
  reasonText?: string | null;
  /** 纠偏措施 */
  correctiveAction?: string | null;
}

/** Where a cell of the 自评表 came from: an approved or a submitted (not yet approved) report, or typed. */
export type EvaluationSourceKind = 'approved' | 'submitted' | 'entered';

export interface EvaluationSource {
  kind: EvaluationSourceKind;
  /** The report's period; null when entered. */
  period: string | null;
}

/** The report a 自评 reads from: the latest approved one, else the latest submitted one; never a draft or a returned one. */
export function pickFinalActual<R extends ReportForEvaluation>(
  reports: readonly R[],
): (R & { status: 'approved' | 'submitted' }) | null {
  for (const status of ['approved', 'submitted'] as const) {
    const latest = reports
      .filter((report): report is R & { status: typeof status } => report.status === status)
      .reduce<(R & { status: typeof status }) | null>(
        (best, report) => (best === null || report.period > best.period ? report : best),
        null,
      );
    if (latest) return latest;
  }
  return null;
}

/** 偏差原因 and 纠偏措施 of one report as one text; null when it gave neither. */
export function deviationNoteOf(report: ReportForEvaluation): string | null {
  const reason = [...(report.reasons ?? []), report.reasonText ?? '']
    .map((part) => part.trim())
    .filter(Boolean)
    .join('；');
  const corrective = report.correctiveAction?.trim() ?? '';
  const parts = [reason && `偏差原因：${reason}`, corrective && `改进措施：${corrective}`].filter(Boolean);
  return parts.length ? parts.join('；') : null;
}

/**
 * 偏差原因分析及改进措施 to start from: the reasons and corrective actions of the report pickFinalActual would
 * choose among those that gave any, with where they came from; null when no approved or submitted report did.
 */
export function pickDeviationNote(
  reports: readonly ReportForEvaluation[],
): { text: string; source: EvaluationSource } | null {
  const report = pickFinalActual(reports.filter((candidate) => deviationNoteOf(candidate) !== null));
  return report
    ? { text: deviationNoteOf(report) as string, source: { kind: report.status, period: report.period } }
    : null;
}

/** The source in Chinese, shown under the cell: 取自 2025-07 已审核填报 / 取自 2025-08 已提交（未审核）填报 / 手工填写. */
export function evaluationSourceLabel(source: EvaluationSource): string {
  if (source.kind === 'entered' || source.period === null) return '手工填写';
  return `取自 ${source.period} ${source.kind === 'approved' ? '已审核' : '已提交（未审核）'}填报`;
}
