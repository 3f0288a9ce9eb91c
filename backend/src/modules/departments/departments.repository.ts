import { LeadView, overallReporterOf } from '../users/users.repository';
import { type YearState, yearBeingMonitored, yuanToWan } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LeadResponse } from '../projects/dto/project-detail.response';
import { yearReportedSql } from './year-reported.sql';
import { DepartmentResponse, LastReportResponse } from './dto/department.response';

export interface DepartmentYearRow {
  fiscalYearId: string;
  departmentId: string;
  code: string;
  name: string;
  overview: Record<string, unknown>;
}

export interface ProjectBaseRow {
  id: string;
  code: string | null;
  name: string;
  category: string | null;
  budget: number;
}

@Injectable()
export class DepartmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every department (null), or only those listed (the caller's scope; none for an unbound account), with its
   * years and the one pages open at (libs/domain yearBeingMonitored, §14).
   */
  async findAll(departmentIds: string[] | null): Promise<DepartmentResponse[]> {
    const rows: (Omit<DepartmentResponse, 'currentYear'> & { states: YearState[] })[] =
      await this.dataSource.query(
        `SELECT d.code, d.name, p.code AS "parentCode",
                COALESCE(array_agg(fy.year ORDER BY fy.year) FILTER (WHERE fy.year IS NOT NULL), '{}') AS years,
                COALESCE(json_agg(json_build_object(
                  'year', fy.year,
                  'preparing', fy.status = 'draft',
                  'reported', ${yearReportedSql('fy')}
                )) FILTER (WHERE fy.year IS NOT NULL), '[]') AS states
           FROM departments d
           LEFT JOIN departments p ON p.id = d.parent_id
           LEFT JOIN fiscal_years fy ON fy.department_id = d.id
          WHERE $1::uuid[] IS NULL OR d.id = ANY($1::uuid[])
          GROUP BY d.id, p.code
          ORDER BY d.code`,
        [departmentIds],
      );
    return rows.map(({ states, ...department }) => ({
      ...department,
      currentYear: yearBeingMonitored(states),
    }));
  }

  async findYear(code: string, year: number): Promise<DepartmentYearRow | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT fy.id AS "fiscalYearId", d.id AS "departmentId", d.code, d.name, fy.overview
         FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1 AND fy.year = $2`,
      [code, year],
    );
    return row;
  }

  /** The designated reporter of the department-wide goals (部门整体填报人), null when the admins report. */
  findOverallReporter(fiscalYearId: string): Promise<LeadView | null> {
    return overallReporterOf(this.dataSource.manager, fiscalYearId);
  }

  async findProjects(fiscalYearId: string): Promise<ProjectBaseRow[]> {
    const rows: (Omit<ProjectBaseRow, 'budget'> & { budgetYuan: string })[] = await this.dataSource.query(
      `SELECT id, code, name, category, budget_yuan::text AS "budgetYuan"
         FROM projects WHERE fiscal_year_id = $1 AND archived_at IS NULL ORDER BY seq`,
      [fiscalYearId],
    );
    // Shown in 万元 as 表10 prints it.
    return rows.map(({ budgetYuan, ...row }) => ({ ...row, budget: yuanToWan(Number(budgetYuan)) }));
  }

  /** Active leads assigned to the year's projects. */
  findLeads(fiscalYearId: string): Promise<(LeadResponse & { projectId: string })[]> {
    return this.dataSource.query(
      `SELECT pa.project_id AS "projectId", u.id, u.username, u.display_name AS "displayName"
         FROM project_assignments pa
         JOIN projects p ON p.id = pa.project_id
         JOIN users u ON u.id = pa.user_id
        WHERE p.fiscal_year_id = $1 AND u.active
        ORDER BY pa.project_id, u.username`,
      [fiscalYearId],
    );
  }

  /**
   * Per project, the latest period in [yearStart, period] with any activity (an indicator report, a budget
   * execution or a workflow step), its status (draft until a workflow row says otherwise) and when it last changed.
   */
  findLastReports(
    fiscalYearId: string,
    yearStart: string,
    period: string,
  ): Promise<(LastReportResponse & { projectId: string })[]> {
    return this.dataSource.query(
      `WITH activity AS (
         SELECT g.project_id, r.period, r.updated_at AS at
           FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id
          WHERE g.fiscal_year_id = $1 AND g.project_id IS NOT NULL AND r.period BETWEEN $2 AND $3
         UNION ALL
         SELECT b.project_id, b.period, b.updated_at
           FROM budget_executions b JOIN projects p ON p.id = b.project_id
          WHERE p.fiscal_year_id = $1 AND b.period BETWEEN $2 AND $3
         UNION ALL
         SELECT rp.project_id, rp.period, rp.updated_at
           FROM report_periods rp
          WHERE rp.fiscal_year_id = $1 AND rp.project_id IS NOT NULL AND rp.period BETWEEN $2 AND $3
       ),
       latest AS (
         SELECT DISTINCT ON (project_id) project_id, period, max(at) OVER (PARTITION BY project_id, period) AS at
           FROM activity
          ORDER BY project_id, period DESC
       )
       SELECT l.project_id AS "projectId", l.period, COALESCE(rp.status, 'draft') AS status, l.at AS "updatedAt"
         FROM latest l
         LEFT JOIN report_periods rp ON rp.project_id = l.project_id AND rp.period = l.period`,
      [fiscalYearId, yearStart, period],
    );
  }
}
