import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DepartmentResponse, ProjectSummaryResponse } from './dto/department.response';

@Injectable()
export class DepartmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<DepartmentResponse[]> {
    return this.dataSource.query(
      `SELECT d.code, d.name, p.code AS "parentCode",
              COALESCE(array_agg(fy.year ORDER BY fy.year) FILTER (WHERE fy.year IS NOT NULL), '{}') AS years
         FROM departments d
         LEFT JOIN departments p ON p.id = d.parent_id
         LEFT JOIN fiscal_years fy ON fy.department_id = d.id
        GROUP BY d.id, p.code
        ORDER BY d.code`,
    );
  }

  async findYearId(code: string, year: number): Promise<string | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT fy.id FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1 AND fy.year = $2`,
      [code, year],
    );
    return rows[0]?.id;
  }

  async findProjects(fiscalYearId: string): Promise<ProjectSummaryResponse[]> {
    const rows: (Omit<ProjectSummaryResponse, 'budget'> & { budget: string })[] = await this.dataSource.query(
      `SELECT id, code, name, category, (budget_yuan / 10000)::text AS budget
         FROM projects WHERE fiscal_year_id = $1 ORDER BY seq`,
      [fiscalYearId],
    );
    return rows.map((row) => ({ ...row, budget: Number(row.budget) }));
  }
}
