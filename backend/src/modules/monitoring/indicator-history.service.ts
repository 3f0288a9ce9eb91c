import { Injectable } from '@nestjs/common';
import { dueDate, isOverdue, localDate, monthOf, notReportedReason, yearOf } from '@jixiao/domain';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { REPORT_DUE_DAY } from '../../config/reporting.config';
import type {
  IndicatorHistoryMonthResponse,
  IndicatorHistoryResponse,
} from './dto/indicator-history.response';
import { HistoryMonthRow, IndicatorHistoryRepository } from './indicator-history.repository';

/**
 * An indicator's year month by month — actual, light, reasons, corrective action, evidence and the month's
 * workflow state — for whoever may read its department (docs/domain.md §5).
 */
@Injectable()
export class IndicatorHistoryService {
  constructor(
    private readonly repository: IndicatorHistoryRepository,
    private readonly access: AccessPolicy,
  ) {}

  async history(id: string, year?: number, today: string = localDate()): Promise<IndicatorHistoryResponse> {
    const indicator = await this.repository.findIndicator(id);
    if (!indicator) throw new AppException(ErrorCode.NotFound, '指标不存在');
    this.access.assertCanReadDepartment(indicator.departmentId);
    if (year !== undefined && year !== indicator.year)
      throw new AppException(ErrorCode.ValidationFailed, '请求数据有误：year', {
        year: `year：该指标属于 ${indicator.year} 年度预算`,
      });
    // A past year to December; the current year to this month; a coming year has no month begun yet.
    const currentYear = yearOf(today);
    const lastMonth = indicator.year < currentYear ? 12 : indicator.year === currentYear ? monthOf(today) : 0;
    const [rows, changes] = await Promise.all([
      this.repository.months(indicator, lastMonth),
      this.repository.targetHistory(id),
    ]);
    const {
      departmentId: _departmentId,
      fiscalYearId: _fiscalYearId,
      departmentCode,
      departmentName,
      ...rest
    } = indicator;
    return {
      indicator: { ...rest, department: { code: departmentCode, name: departmentName } },
      months: rows.map((row) => monthView(row, today)),
      targetHistory: changes.map(({ indicatorId: _indicatorId, ...change }) => change),
    };
  }
}

function monthView(row: HistoryMonthRow, today: string): IndicatorHistoryMonthResponse {
  const reported = row.reportId !== null;
  return {
    period: row.period,
    status: row.status,
    returnReason: row.returnReason,
    dueDate: dueDate(row.period, REPORT_DUE_DAY),
    overdue: isOverdue(row.period, row.status, today, REPORT_DUE_DAY),
    reported,
    actualRaw: row.actualRaw,
    actualValue: row.actualValue,
    forecastRaw: row.forecastRaw,
    likelihood: row.likelihood,
    // A month without a report is grey (未填报), as in the tree's sparkline.
    light: row.light ?? 'grey',
    lightReason: reported ? row.lightReason : notReportedReason(row.period, today, REPORT_DUE_DAY),
    explanation: reported
      ? (row.lightExplanation ?? row.lightReason ?? '')
      : notReportedReason(row.period, today, REPORT_DUE_DAY),
    progress: row.progress,
    reasons: row.reasons ?? [],
    reasonText: row.reasonText,
    correctiveAction: row.correctiveAction,
    evidence: row.evidence,
    files: row.files,
    updatedAt: row.updatedAt,
  };
}
