import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ReadableDepartmentYear } from './access-policy';

/** The few reads the access policy decides on. */
@Injectable()
export class AccessPolicyRepository {
  /** A department-year by the department's code and the year. */
  async departmentYear(
    manager: EntityManager,
    code: string,
    year: number,
  ): Promise<ReadableDepartmentYear | undefined> {
    const [row] = await manager.query(
      `SELECT fy.id AS "fiscalYearId", fy.department_id AS "departmentId"
         FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE d.code = $1 AND fy.year = $2`,
      [code, year],
    );
    return row;
  }

  /** The project's department, and whether the user is assigned to it as a lead. */
  async projectAssignment(
    manager: EntityManager,
    projectId: string,
    userId: string,
  ): Promise<{ departmentId: string; assigned: boolean } | undefined> {
    const [project] = await manager.query(
      `SELECT fy.department_id AS "departmentId",
              EXISTS (SELECT 1 FROM project_assignments a WHERE a.project_id = p.id AND a.user_id = $2) AS assigned
         FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id WHERE p.id = $1`,
      [projectId, userId],
    );
    return project;
  }

  /** Whether the user is the designated reporter (部门整体填报人) of the department-year's department-wide goals. */
  async isOverallReporter(manager: EntityManager, fiscalYearId: string, userId: string): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT 1 FROM department_reporters WHERE fiscal_year_id = $1 AND user_id = $2`,
      [fiscalYearId, userId],
    );
    return row !== undefined;
  }
}
