import type { PeriodStatus, YearState } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { yearReportedSql } from '../departments/year-reported.sql';
import { DataSource } from 'typeorm';

/** A project's (or the department-wide goals') month with its workflow state, as the task list reads it. */
export type TaskPeriodRow = {
  /** null for the department-wide goals (部门整体), whose projectName is null too. */
  projectId: string | null;
  projectName: string | null;
  departmentCode: string;
  year: number;
  period: string;
  status: PeriodStatus | null;
  returnReason: string | null;
};

/** A month of one of the lead's projects with its report's progress (the lead's home). */
export type LeadMonthRow = TaskPeriodRow & {
  projectCode: string | null;
  departmentName: string;
  fiscalYearId: string;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  indicatorCount: number;
  reportedCount: number;
  redCount: number;
};

/**
 * The department-years whose department-wide goals (部门整体) user $1 reports, in departments $2 (all when null):
 * those they are the designated reporter of and, for an admin ($3), those without one; only department-years with
 * annual department-wide indicators.
 */
const OVERALL_FISCAL_YEARS = `
  SELECT fy.id, fy.year, fy.status, d.code AS dept_code, d.name AS dept_name
    FROM fiscal_years fy
    JOIN departments d ON d.id = fy.department_id
    LEFT JOIN department_reporters dr ON dr.fiscal_year_id = fy.id
   WHERE (dr.user_id = $1 OR ($3 AND dr.user_id IS NULL))
     AND ($2::uuid[] IS NULL OR fy.department_id = ANY($2::uuid[]))
     AND EXISTS (SELECT 1 FROM goals g JOIN indicators i ON i.goal_id = g.id
                  WHERE g.fiscal_year_id = fy.id AND g.project_id IS NULL AND g.term = 'annual'
                    AND g.archived_at IS NULL AND i.archived_at IS NULL)`;

/** The reads behind a user's task list and a lead's home. */
@Injectable()
export class TasksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every month of each project assigned to the lead in the given departments, with its workflow state (one query). */
  leadPeriods(userId: string, departmentIds: string[]): Promise<TaskPeriodRow[]> {
    return this.dataSource.query(
      `SELECT p.id AS "projectId", p.name AS "projectName", d.code AS "departmentCode", fy.year,
                to_char(make_date(fy.year, m, 1), 'YYYY-MM') AS period, rp.status, rp.return_reason AS "returnReason"
           FROM project_assignments a
           JOIN projects p ON p.id = a.project_id
           JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
           JOIN departments d ON d.id = fy.department_id
           CROSS JOIN generate_series(1, 12) AS m
           LEFT JOIN report_periods rp ON rp.project_id = p.id AND rp.period = to_char(make_date(fy.year, m, 1), 'YYYY-MM')
          WHERE a.user_id = $1 AND p.archived_at IS NULL AND fy.department_id = ANY($2::uuid[])
          ORDER BY fy.year, p.seq, m`,
      [userId, departmentIds],
    );
  }

  /**
   * Every month of the department-wide goals (部门整体) the user reports, in the given departments (all when null):
   * the department-years they are the designated reporter of, and for an admin (`asAdmin`) also those without
   * one. Only department-years with annual department-wide indicators have such months.
   */
  /**
   * The twelve months of the department-wide goals (部门整体) of each department-year the user reports in the year
   * (as overallPeriods decides), shaped like leadMonths with a null project: one statement.
   */
  overallMonths(
    userId: string,
    departmentIds: string[] | null,
    asAdmin: boolean,
    year: number,
  ): Promise<LeadMonthRow[]> {
    return this.dataSource.query(
      `WITH mine AS (
         SELECT fy.id, fy.year, fy.dept_code, fy.dept_name FROM (${OVERALL_FISCAL_YEARS}) fy WHERE fy.year = $4
       ), annual AS (
         SELECT g.fiscal_year_id, i.id
           FROM mine JOIN goals g ON g.fiscal_year_id = mine.id AND g.project_id IS NULL
           JOIN indicators i ON i.goal_id = g.id
          WHERE g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
       ), totals AS (
         SELECT fiscal_year_id, count(*)::int AS n FROM annual GROUP BY fiscal_year_id
       ), reported AS (
         SELECT a.fiscal_year_id, r.period, count(*)::int AS n, (count(*) FILTER (WHERE r.light = 'red'))::int AS red
           FROM annual a JOIN progress_reports r ON r.indicator_id = a.id
          GROUP BY a.fiscal_year_id, r.period
       )
       SELECT NULL::uuid AS "projectId", NULL::text AS "projectName", NULL::text AS "projectCode",
              mine.dept_code AS "departmentCode", mine.dept_name AS "departmentName", mine.id AS "fiscalYearId",
              mine.year, to_char(make_date(mine.year, m, 1), 'YYYY-MM') AS period, rp.status,
              rp.return_reason AS "returnReason", rp.submitted_at AS "submittedAt", rp.reviewed_at AS "reviewedAt",
              COALESCE(t.n, 0) AS "indicatorCount", COALESCE(r.n, 0) AS "reportedCount", COALESCE(r.red, 0) AS "redCount"
         FROM mine
         CROSS JOIN generate_series(1, 12) AS m
         LEFT JOIN report_periods rp ON rp.fiscal_year_id = mine.id AND rp.project_id IS NULL
                                    AND rp.period = to_char(make_date(mine.year, m, 1), 'YYYY-MM')
         LEFT JOIN totals t ON t.fiscal_year_id = mine.id
         LEFT JOIN reported r ON r.fiscal_year_id = mine.id AND r.period = to_char(make_date(mine.year, m, 1), 'YYYY-MM')
        ORDER BY mine.dept_code, m`,
      [userId, departmentIds, asAdmin, year],
    );
  }

  overallPeriods(userId: string, departmentIds: string[] | null, asAdmin: boolean): Promise<TaskPeriodRow[]> {
    return this.dataSource.query(
      `SELECT NULL::uuid AS "projectId", NULL::text AS "projectName", fy.dept_code AS "departmentCode", fy.year,
                to_char(make_date(fy.year, m, 1), 'YYYY-MM') AS period, rp.status, rp.return_reason AS "returnReason"
           FROM (${OVERALL_FISCAL_YEARS}) fy
           CROSS JOIN generate_series(1, 12) AS m
           LEFT JOIN report_periods rp ON rp.fiscal_year_id = fy.id AND rp.project_id IS NULL
                                      AND rp.period = to_char(make_date(fy.year, m, 1), 'YYYY-MM')
          ORDER BY fy.dept_code, fy.year, m`,
      [userId, departmentIds, asAdmin],
    );
  }

  /**
   * Periods in the status in the given departments (all when null), projects' and the department-wide goals':
   * awaiting review oldest submission first, returned or approved latest decision first.
   */
  reviewPeriods(status: PeriodStatus, departmentIds: string[] | null): Promise<TaskPeriodRow[]> {
    return this.dataSource.query(
      `SELECT rp.project_id AS "projectId", p.name AS "projectName", d.code AS "departmentCode", fy.year, rp.period,
              rp.status, rp.return_reason AS "returnReason"
         FROM report_periods rp LEFT JOIN projects p ON p.id = rp.project_id
         JOIN fiscal_years fy ON fy.id = rp.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE rp.status = $1 AND (rp.project_id IS NULL OR p.archived_at IS NULL)
          AND ($2::uuid[] IS NULL OR fy.department_id = ANY($2::uuid[]))
        ORDER BY CASE WHEN $1 = 'submitted' THEN rp.submitted_at END, rp.reviewed_at DESC, rp.period DESC`,
      [status, departmentIds],
    );
  }

  /** The years in which the lead has projects in the given departments, latest first. */
  /**
   * The years the user has something to report in: projects assigned to them in the given departments, and the
   * department-wide goals they report (see overallFiscalYears; `departmentIds` null = every department).
   */
  /**
   * The years the user has something to report in, latest first, each with whether it has a report and whether it
   * is in preparation (the choice of the default year is libs/domain yearBeingMonitored).
   */
  leadYears(userId: string, departmentIds: string[] | null, asAdmin = false): Promise<YearState[]> {
    return this.dataSource.query(
      `WITH mine AS (
         SELECT fy.id, fy.year, fy.status
           FROM project_assignments a
           JOIN projects p ON p.id = a.project_id
           JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
          WHERE a.user_id = $1 AND p.archived_at IS NULL AND ($2::uuid[] IS NULL OR fy.department_id = ANY($2::uuid[]))
         UNION
         SELECT fy.id, fy.year, fy.status FROM (${OVERALL_FISCAL_YEARS}) fy
       )
       SELECT mine.year,
              bool_or(${yearReportedSql('mine')}) AS reported,
              bool_and(mine.status = 'draft') AS preparing
         FROM mine
        GROUP BY mine.year
        ORDER BY mine.year DESC`,
      [userId, departmentIds, asAdmin],
    );
  }

  /**
   * The twelve months of each project assigned to the lead in the year, with the workflow state and how many of
   * the project's annual indicators have a report (and how many of those are red): one statement.
   */
  leadMonths(userId: string, departmentIds: string[], year: number): Promise<LeadMonthRow[]> {
    return this.dataSource.query(
      `WITH mine AS (
         SELECT p.id, p.name, p.code, p.seq, p.fiscal_year_id, fy.year, d.code AS dept_code, d.name AS dept_name
           FROM project_assignments a
           JOIN projects p ON p.id = a.project_id
           JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
           JOIN departments d ON d.id = fy.department_id
          WHERE a.user_id = $1 AND p.archived_at IS NULL AND fy.department_id = ANY($2::uuid[]) AND fy.year = $3
       ), annual AS (
         SELECT g.project_id, i.id
           FROM mine JOIN goals g ON g.project_id = mine.id JOIN indicators i ON i.goal_id = g.id
          WHERE g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
       ), totals AS (
         SELECT project_id, count(*)::int AS n FROM annual GROUP BY project_id
       ), reported AS (
         SELECT a.project_id, r.period, count(*)::int AS n, (count(*) FILTER (WHERE r.light = 'red'))::int AS red
           FROM annual a JOIN progress_reports r ON r.indicator_id = a.id
          GROUP BY a.project_id, r.period
       )
       SELECT mine.id AS "projectId", mine.name AS "projectName", mine.code AS "projectCode",
              mine.dept_code AS "departmentCode", mine.dept_name AS "departmentName", mine.fiscal_year_id AS "fiscalYearId",
              mine.year, to_char(make_date(mine.year, m, 1), 'YYYY-MM') AS period, rp.status,
              rp.return_reason AS "returnReason", rp.submitted_at AS "submittedAt", rp.reviewed_at AS "reviewedAt",
              COALESCE(t.n, 0) AS "indicatorCount", COALESCE(r.n, 0) AS "reportedCount", COALESCE(r.red, 0) AS "redCount"
         FROM mine
         CROSS JOIN generate_series(1, 12) AS m
         LEFT JOIN report_periods rp ON rp.project_id = mine.id AND rp.period = to_char(make_date(mine.year, m, 1), 'YYYY-MM')
         LEFT JOIN totals t ON t.project_id = mine.id
         LEFT JOIN reported r ON r.project_id = mine.id AND r.period = to_char(make_date(mine.year, m, 1), 'YYYY-MM')
        ORDER BY mine.seq, mine.id, m`,
      [userId, departmentIds, year],
    );
  }
}
