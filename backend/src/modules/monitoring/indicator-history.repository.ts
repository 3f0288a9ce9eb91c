import { Injectable } from '@nestjs/common';
import type { Light } from '@jixiao/domain';
import { DataSource } from 'typeorm';
import { type IndicatorTargetChange, targetHistoryOf } from '../lifecycle/target-history.query';
import type { ReportStatus } from './entities/report-period.entity';
import type { EvidenceView } from './evidence.repository';

export interface HistoryIndicatorRow {
  id: string;
  name: string;
  level1: string;
  level2: string;
  targetRaw: string;
  projectId: string | null;
  projectName: string | null;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  fiscalYearId: string;
  year: number;
}

/** A month of the indicator's year: the report (all null when none) and the month's workflow row. */
export interface HistoryMonthRow {
  period: string;
  status: ReportStatus | null;
  returnReason: string | null;
  reportId: string | null;
  actualRaw: string | null;
  actualValue: number | null;
  forecastRaw: string | null;
  likelihood: string | null;
  light: Light | null;
  lightReason: string | null;
  lightExplanation: string | null;
  progress: number | null;
  reasons: string[] | null;
  reasonText: string | null;
  correctiveAction: string | null;
  evidence: string | null;
  updatedAt: Date | null;
  files: EvidenceView[];
}

/** The reads behind an indicator's month-by-month history (drill-down from a tree row). */
@Injectable()
export class IndicatorHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The approved adjustments of the indicator's target, oldest first. */
  targetHistory(id: string): Promise<IndicatorTargetChange[]> {
    return targetHistoryOf(this.dataSource.manager, [id]);
  }

  async findIndicator(id: string): Promise<HistoryIndicatorRow | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT i.id, i.name, n1.name AS level1, n2.name AS level2, i.target_raw AS "targetRaw",
              g.project_id AS "projectId", p.name AS "projectName", fy.department_id AS "departmentId",
              d.code AS "departmentCode", d.name AS "departmentName", g.fiscal_year_id AS "fiscalYearId", fy.year
         FROM indicators i
         JOIN goals g ON g.id = i.goal_id
         JOIN indicator_nodes n2 ON n2.id = i.node_id
         JOIN indicator_nodes n1 ON n1.id = n2.parent_id
         JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id
         LEFT JOIN projects p ON p.id = g.project_id
        WHERE i.id = $1`,
      [id],
    );
    return row;
  }

  /** Months 1…`lastMonth` of the indicator's year with its report, the month's status and evidence files. */
  months(indicator: HistoryIndicatorRow, lastMonth: number): Promise<HistoryMonthRow[]> {
    return this.dataSource.query(
      `SELECT to_char(make_date($2::int, m, 1), 'YYYY-MM') AS period, rp.status, rp.return_reason AS "returnReason",
              r.id AS "reportId", r.actual_raw AS "actualRaw", r.actual_value::float8 AS "actualValue",
              r.forecast_raw AS "forecastRaw", r.likelihood, r.light, r.light_reason AS "lightReason",
              r.light_explanation AS "lightExplanation", r.progress::float8 AS progress, r.reasons,
              r.reason_text AS "reasonText", r.corrective_action AS "correctiveAction", r.evidence,
              r.updated_at AS "updatedAt", COALESCE(f.files, '[]'::json) AS files
         FROM generate_series(1, $5::int) AS m
         LEFT JOIN progress_reports r
           ON r.indicator_id = $1 AND r.period = to_char(make_date($2::int, m, 1), 'YYYY-MM')
         LEFT JOIN report_periods rp
           ON rp.fiscal_year_id = $3 AND rp.project_id IS NOT DISTINCT FROM $4::uuid
          AND rp.period = to_char(make_date($2::int, m, 1), 'YYYY-MM')
         LEFT JOIN LATERAL (
           SELECT json_agg(json_build_object('id', e.id, 'fileName', e.file_name, 'mimeType', e.mime_type,
                                             'sizeBytes', e.size_bytes, 'sha256', e.sha256, 'createdAt', e.created_at)
                           ORDER BY e.created_at) AS files
             FROM evidence_files e WHERE e.progress_report_id = r.id
         ) f ON true
        ORDER BY m`,
      [indicator.id, indicator.year, indicator.fiscalYearId, indicator.projectId, lastMonth],
    );
  }
}
