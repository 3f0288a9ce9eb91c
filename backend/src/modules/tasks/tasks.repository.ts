import type { PeriodStatus } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
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

/** The reads behind a user's task list. */
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
  overallPeriods(userId: string, departmentIds: string[] | null, asAdmin: boolean): Promise<TaskPeriodRow[]> {
    return this.dataSource.query(
      `SELECT NULL::uuid AS "projectId", NULL::text AS "projectName", d.code AS "departmentCode", fy.year,
                to_char(make_date(fy.year, m, 1), 'YYYY-MM') AS period, rp.status, rp.return_reason AS "returnReason"
           FROM fiscal_years fy
           JOIN departments d ON d.id = fy.department_id
           LEFT JOIN department_reporters dr ON dr.fiscal_year_id = fy.id
           CROSS JOIN generate_series(1, 12) AS m
           LEFT JOIN report_periods rp ON rp.fiscal_year_id = fy.id AND rp.project_id IS NULL
                                      AND rp.period = to_char(make_date(fy.year, m, 1), 'YYYY-MM')
          WHERE (dr.user_id = $1 OR ($3 AND dr.user_id IS NULL))
            AND ($2::uuid[] IS NULL OR fy.department_id = ANY($2::uuid[]))
            AND EXISTS (SELECT 1 FROM goals g JOIN indicators i ON i.goal_id = g.id
                         WHERE g.fiscal_year_id = fy.id AND g.project_id IS NULL AND g.term = 'annual'
                           AND g.archived_at IS NULL AND i.archived_at IS NULL)
          ORDER BY d.code, fy.year, m`,
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
}
