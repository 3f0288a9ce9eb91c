import { Injectable } from '@nestjs/common';
import type { Target } from '@jixiao/domain';
import { EntityManager } from 'typeorm';

export interface TargetProjectRow {
  id: string;
  seq: number;
  code: string | null;
  name: string;
  competentDepartment: string | null;
  executingUnit: string | null;
  leadName: string | null;
  phone: string | null;
  attribute: string | null;
  expenditureCategory: string | null;
  startYear: number | null;
  endYear: number | null;
  totalBudgetYuan: number | null;
  annualBudgetYuan: number;
}

export interface TargetGoalRow {
  id: string;
  projectId: string | null;
  term: 'long' | 'annual';
  seq: number;
  label: string;
  title: string;
}

export interface TargetIndicatorRow {
  goalId: string;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  unit: string | null;
  basis: string | null;
  prev2Raw: string | null;
  prev1Raw: string | null;
  weight: number | null;
  /** The structured reading (the provincial layout writes it in its own columns). */
  parsed: Target | null;
}

export interface TargetTables {
  projects: TargetProjectRow[];
  goals: TargetGoalRow[];
  indicators: TargetIndicatorRow[];
}

/** Reads for the exports that the self-evaluation does not already provide: the target tables (表11 / 表12). */
@Injectable()
export class ExportsRepository {
  async targetTables(manager: EntityManager, fiscalYearId: string): Promise<TargetTables> {
    const [projects, goals, indicators] = await Promise.all([
      manager.query(
        `SELECT p.id, p.seq, p.code, p.name, p.competent_department AS "competentDepartment", p.executing_unit AS "executingUnit",
                p.lead_name AS "leadName", p.phone, p.attribute, p.expenditure_category AS "expenditureCategory",
                p.start_year AS "startYear", p.end_year AS "endYear", p.total_budget_yuan::float8 AS "totalBudgetYuan",
                COALESCE(p.current_budget_yuan, p.budget_yuan)::float8 AS "annualBudgetYuan"
           FROM projects p WHERE p.fiscal_year_id = $1 AND p.archived_at IS NULL ORDER BY p.seq`,
        [fiscalYearId],
      ),
      manager.query(
        `SELECT g.id, g.project_id AS "projectId", g.term, g.seq, g.label, g.title FROM goals g
          WHERE g.fiscal_year_id = $1 AND g.archived_at IS NULL ORDER BY g.term DESC, g.seq`,
        [fiscalYearId],
      ),
      manager.query(
        `SELECT i.goal_id AS "goalId", COALESCE(l1.name, '') AS level1, l2.name AS level2, i.name, i.target_raw AS "targetRaw",
                i.unit, i.basis, i.prev2_raw AS "prev2Raw", i.prev1_raw AS "prev1Raw", i.weight::float8 AS weight,
                i.target_parsed AS parsed
           FROM indicators i JOIN goals g ON g.id = i.goal_id
           JOIN indicator_nodes l2 ON l2.id = i.node_id LEFT JOIN indicator_nodes l1 ON l1.id = l2.parent_id
          WHERE g.fiscal_year_id = $1 AND g.archived_at IS NULL AND i.archived_at IS NULL
          ORDER BY g.seq, l1.seq, l2.seq, i.seq`,
        [fiscalYearId],
      ),
    ]);
    return { projects, goals, indicators };
  }

  /** The project and whether its evaluation is past draft (a new target table would change it). */
  async projectForImport(
    manager: EntityManager,
    projectId: string,
  ): Promise<
    | {
        id: string;
        name: string;
        fiscalYearId: string;
        departmentId: string;
        evaluationStatus: string | null;
        archived: boolean;
      }
    | undefined
  > {
    const [row] = await manager.query(
      `SELECT p.id, p.name, p.fiscal_year_id AS "fiscalYearId", fy.department_id AS "departmentId",
              (SELECT e.status FROM self_evaluations e WHERE e.project_id = p.id) AS "evaluationStatus",
              p.archived_at IS NOT NULL AS archived
         FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id WHERE p.id = $1 FOR UPDATE OF p`,
      [projectId],
    );
    return row;
  }
}
