import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A project's header as the form prints it, with where it belongs (元). */
export interface FormProjectRow {
  id: string;
  seq: number;
  name: string;
  fiscalYearId: string;
  departmentId: string;
  departmentName: string;
  year: number;
  competentDepartment: string | null;
  executingUnit: string | null;
  leadName: string | null;
  budgetYuan: number;
  annualBudgetYuan: number;
}

export interface FormFundingRow {
  projectId: string;
  name: string;
  amountYuan: number | null;
}

/** A round as the form export needs it: which year, which month, and its snapshot once closed. */
export interface FormRoundRow {
  id: string;
  name: string;
  period: string;
  status: 'open' | 'closed';
  closedAt: Date | null;
  fiscalYearId: string;
  snapshot: Record<string, unknown> | null;
}

const PROJECT_COLUMNS = `p.id, p.seq, p.name, p.fiscal_year_id AS "fiscalYearId", fy.department_id AS "departmentId",
  d.name AS "departmentName", fy.year, p.competent_department AS "competentDepartment", p.executing_unit AS "executingUnit",
  p.lead_name AS "leadName", p.budget_yuan::float8 AS "budgetYuan",
  COALESCE(p.current_budget_yuan, p.budget_yuan)::float8 AS "annualBudgetYuan"`;
const PROJECT_FROM = `projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id`;

/** Reads of the official monitoring form that the project page does not already make. */
@Injectable()
export class MonitoringFormRepository {
  constructor(private readonly dataSource: DataSource) {}

  async project(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FormProjectRow | undefined> {
    const [row] = await manager.query(`SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} WHERE p.id = $1`, [id]);
    return row;
  }

  /** The year's current projects in 表10 order. */
  projects(
    fiscalYearId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FormProjectRow[]> {
    return manager.query(
      `SELECT ${PROJECT_COLUMNS} FROM ${PROJECT_FROM} WHERE p.fiscal_year_id = $1 AND p.archived_at IS NULL ORDER BY p.seq`,
      [fiscalYearId],
    );
  }

  /** 资金来源 lines of the given projects (元), in document order. */
  fundingSources(
    projectIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FormFundingRow[]> {
    return manager.query(
      `SELECT project_id AS "projectId", name, amount_yuan::float8 AS "amountYuan" FROM funding_sources
        WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, seq`,
      [projectIds],
    );
  }

  /** The department's name and the year of a fiscal year. */
  async departmentYear(
    fiscalYearId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ departmentName: string; year: number }> {
    const [row] = await manager.query(
      `SELECT d.name AS "departmentName", fy.year FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE fy.id = $1`,
      [fiscalYearId],
    );
    return row;
  }

  async round(id: string): Promise<FormRoundRow | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT id, name, period, status, closed_at AS "closedAt", fiscal_year_id AS "fiscalYearId", snapshot
         FROM monitoring_rounds WHERE id = $1`,
      [id],
    );
    return row;
  }
}
