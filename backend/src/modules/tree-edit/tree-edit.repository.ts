import { Injectable } from '@nestjs/common';
import type { Target } from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import { entityValues, insertEntities } from '../../database/sql.util';
import { Goal } from '../goals/entities/goal.entity';
import { Indicator } from '../goals/entities/indicator.entity';
import { Project } from '../projects/entities/project.entity';
import { SEQ_SHIFT } from '../goals/archive.repository';

/** A project's 表12 header as stored (元), locked, with the tree it heads. */
export interface LockedProject {
  id: string;
  fiscalYearId: string;
  departmentId: string;
  year: number;
  version: number;
  archived: boolean;
  code: string | null;
  name: string;
  category: string | null;
  budgetYuan: number;
  competentDepartment: string | null;
  executingUnit: string | null;
  leadName: string | null;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  attribute: string | null;
  expenditureCategory: string | null;
  startYear: number | null;
  endYear: number | null;
  legalBasis: string | null;
  implementationPlan: string | null;
  totalBudgetYuan: number | null;
  currentBudgetYuan: number | null;
  priorBudgetChanges: string | null;
}

/** A goal, locked, with the tree it belongs to. */
export interface LockedGoal {
  id: string;
  fiscalYearId: string;
  departmentId: string;
  year: number;
  projectId: string | null;
  projectName: string;
  term: 'long' | 'annual';
  seq: number;
  label: string;
  title: string;
  version: number;
  archived: boolean;
}

/** An indicator, locked, with its 一级 / 二级 names and its goal. */
export interface LockedIndicator {
  id: string;
  goalId: string;
  seq: number;
  version: number;
  archived: boolean;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  target: Target | null;
  corrected: boolean;
  unit: string | null;
  basis: string | null;
  prev2: string | null;
  prev1: string | null;
}

const PROJECT_COLUMNS = `p.id, p.fiscal_year_id AS "fiscalYearId", fy.department_id AS "departmentId", fy.year, p.version,
  p.archived_at IS NOT NULL AS archived, p.code, p.name, p.category, p.budget_yuan::float8 AS "budgetYuan",
  p.competent_department AS "competentDepartment", p.executing_unit AS "executingUnit", p.lead_name AS "leadName",
  p.phone, p.address, p.postcode, p.attribute, p.expenditure_category AS "expenditureCategory",
  p.start_year AS "startYear", p.end_year AS "endYear", p.legal_basis AS "legalBasis",
  p.implementation_plan AS "implementationPlan", p.total_budget_yuan::float8 AS "totalBudgetYuan",
  p.current_budget_yuan::float8 AS "currentBudgetYuan", p.prior_budget_changes AS "priorBudgetChanges"`;

const GOAL_COLUMNS = `g.id, g.fiscal_year_id AS "fiscalYearId", fy.department_id AS "departmentId", fy.year,
  g.project_id AS "projectId", COALESCE(p.name, '部门整体') AS "projectName", g.term, g.seq, g.label, g.title, g.version,
  g.archived_at IS NOT NULL AS archived`;

/** The reads and writes of the tree editor, on the caller's transaction manager. */
@Injectable()
export class TreeEditRepository {
  async departmentId(manager: EntityManager, code: string): Promise<string | undefined> {
    const [row] = await manager.query(`SELECT id FROM departments WHERE code = $1`, [code]);
    return row?.id;
  }

  /** A new fiscal year; undefined when the department has that year already. */
  async insertFiscalYear(
    manager: EntityManager,
    departmentId: string,
    year: number,
  ): Promise<{ id: string; version: number; status: string } | undefined> {
    const [row] = await manager.query(
      `INSERT INTO fiscal_years (department_id, year) VALUES ($1, $2)
       ON CONFLICT ON CONSTRAINT uq_fiscal_years_department_year DO NOTHING RETURNING id, version, status`,
      [departmentId, year],
    );
    return row;
  }

  /** The department-year, its row locked so that two creations in it take turns. */
  async lockFiscalYear(
    manager: EntityManager,
    code: string,
    year: number,
  ): Promise<{ fiscalYearId: string; departmentId: string } | undefined> {
    const [row] = await manager.query(
      `SELECT fy.id AS "fiscalYearId", fy.department_id AS "departmentId"
         FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1 AND fy.year = $2 FOR UPDATE OF fy`,
      [code, year],
    );
    return row;
  }

  async isAssignedLead(manager: EntityManager, projectId: string, userId: string): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT 1 FROM project_assignments WHERE project_id = $1 AND user_id = $2`,
      [projectId, userId],
    );
    return row !== undefined;
  }

  /** The project of the year that has this 项目编码, other than `exceptId` (archived ones keep theirs). */
  async projectWithCode(
    manager: EntityManager,
    fiscalYearId: string,
    code: string,
    exceptId: string | null = null,
  ): Promise<{ id: string; name: string } | undefined> {
    const [row] = await manager.query(
      `SELECT id, name FROM projects WHERE fiscal_year_id = $1 AND code = $2 AND id IS DISTINCT FROM $3::uuid`,
      [fiscalYearId, code, exceptId],
    );
    return row;
  }

  async insertProject(manager: EntityManager, values: Partial<Project>): Promise<string> {
    const [{ seq }] = await manager.query(
      `SELECT COALESCE(max(seq), 0) + 1 AS seq FROM projects WHERE fiscal_year_id = $1 AND archived_at IS NULL AND seq < $2`,
      [values.fiscalYearId, SEQ_SHIFT],
    );
    const [{ id }] = await insertEntities<Project, { id: string }>(
      manager,
      Project,
      [{ ...values, seq }],
      'id',
    );
    return id;
  }

  async lockProject(manager: EntityManager, id: string): Promise<LockedProject | undefined> {
    const [row] = await manager.query(
      `SELECT ${PROJECT_COLUMNS} FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
        WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    return row;
  }

  /** Writes the columns (TypeORM bumps the version); returns the new version. */
  async updateProject(manager: EntityManager, id: string, values: Partial<Project>): Promise<number> {
    return this.update(manager, Project, id, values);
  }

  async insertGoal(
    manager: EntityManager,
    values: Pick<Goal, 'fiscalYearId' | 'projectId' | 'term' | 'title'>,
    label: (seq: number) => string,
  ): Promise<{ id: string; seq: number; label: string; version: number }> {
    const [{ seq }] = await manager.query(
      `SELECT COALESCE(max(seq), 0) + 1 AS seq FROM goals
        WHERE fiscal_year_id = $1 AND project_id IS NOT DISTINCT FROM $2::uuid AND term = $3 AND archived_at IS NULL AND seq < $4`,
      [values.fiscalYearId, values.projectId, values.term, SEQ_SHIFT],
    );
    const [row] = await insertEntities<Goal, { id: string; version: number }>(
      manager,
      Goal,
      [{ ...values, seq, label: label(seq) }],
      'id, version',
    );
    return { id: row.id, version: row.version, seq, label: label(seq) };
  }

  async lockGoal(manager: EntityManager, id: string): Promise<LockedGoal | undefined> {
    const [row] = await manager.query(
      `SELECT ${GOAL_COLUMNS} FROM goals g JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         LEFT JOIN projects p ON p.id = g.project_id
        WHERE g.id = $1 FOR UPDATE OF g`,
      [id],
    );
    return row;
  }

  async updateGoal(manager: EntityManager, id: string, values: Partial<Goal>): Promise<number> {
    return this.update(manager, Goal, id, values);
  }

  async lockIndicator(manager: EntityManager, id: string): Promise<LockedIndicator | undefined> {
    const [row] = await manager.query(
      `SELECT i.id, i.goal_id AS "goalId", i.seq, i.version, i.archived_at IS NOT NULL AS archived,
              COALESCE(n1.name, '') AS level1, n2.name AS level2, i.name, i.target_raw AS "targetRaw",
              i.target_parsed AS target, i.target_corrected AS corrected, i.unit, i.basis,
              i.prev2_raw AS prev2, i.prev1_raw AS prev1
         FROM indicators i JOIN indicator_nodes n2 ON n2.id = i.node_id
         LEFT JOIN indicator_nodes n1 ON n1.id = n2.parent_id
        WHERE i.id = $1 FOR UPDATE OF i`,
      [id],
    );
    return row;
  }

  /** The goal's live indicators other than `exceptId`, in goal order (the uniqueness rule and renumbering). */
  siblings(
    manager: EntityManager,
    goalId: string,
    exceptId: string | null = null,
  ): Promise<{ id: string; level2: string; name: string }[]> {
    return manager.query(
      `SELECT i.id, n2.name AS level2, i.name FROM indicators i JOIN indicator_nodes n2 ON n2.id = i.node_id
        WHERE i.goal_id = $1 AND i.archived_at IS NULL AND i.id IS DISTINCT FROM $2::uuid ORDER BY i.seq`,
      [goalId, exceptId],
    );
  }

  /**
   * The 二级 node of the goal under its 一级, created when missing (numbered after the existing ones); a 二级
   * filed under another 一级 by an older import moves under the one the taxonomy names.
   */
  async ensureNode(manager: EntityManager, goalId: string, level1: string, level2: string): Promise<string> {
    const nodes: { id: string; level: number; name: string; parentId: string | null }[] = await manager.query(
      `SELECT id, level, name, parent_id AS "parentId" FROM indicator_nodes WHERE goal_id = $1`,
      [goalId],
    );
    let parent = nodes.find((n) => n.level === 1 && n.name === level1)?.id;
    if (!parent) {
      [{ id: parent }] = await manager.query(
        `INSERT INTO indicator_nodes (goal_id, level, name, seq)
         SELECT $1, 1, $2, COALESCE(max(seq), 0) + 1 FROM indicator_nodes WHERE goal_id = $1 AND level = 1 RETURNING id`,
        [goalId, level1],
      );
    }
    const child = nodes.find((n) => n.level === 2 && n.name === level2);
    if (child) {
      if (child.parentId !== parent)
        await manager.query(`UPDATE indicator_nodes SET parent_id = $2 WHERE id = $1`, [child.id, parent]);
      return child.id;
    }
    const [{ id }] = await manager.query(
      `INSERT INTO indicator_nodes (goal_id, parent_id, level, name, seq)
       SELECT $1, $2, 2, $3, COALESCE(max(seq), 0) + 1 FROM indicator_nodes WHERE parent_id = $2 RETURNING id`,
      [goalId, parent, level2],
    );
    return id;
  }

  /** 一级 / 二级 nodes of the goal that no indicator (live or archived) hangs under any more. */
  async removeUnusedNodes(manager: EntityManager, goalId: string): Promise<void> {
    await manager.query(
      `DELETE FROM indicator_nodes n WHERE n.goal_id = $1 AND n.level = 2
          AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.node_id = n.id)`,
      [goalId],
    );
    await manager.query(
      `DELETE FROM indicator_nodes n WHERE n.goal_id = $1 AND n.level = 1
          AND NOT EXISTS (SELECT 1 FROM indicator_nodes c WHERE c.parent_id = n.id)`,
      [goalId],
    );
  }

  async insertIndicator(
    manager: EntityManager,
    values: Partial<Indicator>,
  ): Promise<{ id: string; version: number }> {
    const [{ seq }] = await manager.query(
      `SELECT COALESCE(max(seq), 0) + 1 AS seq FROM indicators WHERE goal_id = $1 AND archived_at IS NULL AND seq < $2`,
      [values.goalId, SEQ_SHIFT],
    );
    const [row] = await insertEntities<Indicator, { id: string; version: number }>(
      manager,
      Indicator,
      [{ ...values, seq }],
      'id, version',
    );
    return row;
  }

  async updateIndicator(manager: EntityManager, id: string, values: Partial<Indicator>): Promise<number> {
    return this.update(manager, Indicator, id, values);
  }

  /** The seq the indicator gets at the end of a goal it moves to. */
  async nextIndicatorSeq(manager: EntityManager, goalId: string): Promise<number> {
    const [{ seq }] = await manager.query(
      `SELECT COALESCE(max(seq), 0) + 1 AS seq FROM indicators WHERE goal_id = $1 AND archived_at IS NULL AND seq < $2`,
      [goalId, SEQ_SHIFT],
    );
    return seq;
  }

  /** Numbers the goal's live indicators 1…n in the given order (moved out of the way first: seq is unique). */
  async renumber(manager: EntityManager, goalId: string, orderedIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE indicators i SET seq = $3 + o.ord FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE i.id = o.id AND i.goal_id = $1`,
      [goalId, orderedIds, SEQ_SHIFT],
    );
    await manager.query(
      `UPDATE indicators i SET seq = o.ord FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE i.id = o.id AND i.goal_id = $1`,
      [goalId, orderedIds],
    );
  }

  /** Deletes an indicator nothing is recorded against (the caller checked); its nodes are tidied by the caller. */
  async deleteIndicator(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM indicators WHERE id = $1`, [id]);
  }

  private async update<E extends Project | Goal | Indicator>(
    manager: EntityManager,
    entity: new () => E,
    id: string,
    values: Partial<E>,
  ): Promise<number> {
    const {
      raw: [row],
    } = await manager
      .createQueryBuilder()
      .update(entity)
      .set(entityValues<E>(values))
      .where('id = :id', { id })
      .returning(['version'])
      .execute();
    return row.version;
  }
}
