import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertEntities, insertRecords, updateRecordsComparing } from '../../database/sql.util';
import { BudgetAmount } from '../budget/entities/budget-amount.entity';
import { BudgetLine } from '../budget/entities/budget-line.entity';
import { SEQ_SHIFT } from '../goals/archive.repository';
import { Goal } from '../goals/entities/goal.entity';
import { Indicator } from '../goals/entities/indicator.entity';
import { FundingSource } from '../projects/entities/funding-source.entity';
import { ProcurementItem } from '../projects/entities/procurement-item.entity';
import { Project } from '../projects/entities/project.entity';
import { SpendingDetail } from '../projects/entities/spending-detail.entity';

/** An indicator already loaded for the year, with the key the document's indicators are matched by. */
export interface LoadedIndicator {
  id: string;
  goal_id: string;
  project_id: string | null;
  key: string;
  target_raw: string;
  target_corrected: boolean;
  archived_at: Date | null;
  project: string;
  goal: string;
  name: string;
}

/** A goal of the year, as the loader matches the document's goals to it (by project, term and seq). */
export interface YearGoal {
  id: string;
  project_id: string | null;
  term: string;
  seq: number;
  label: string;
  title: string;
  archived_at: Date | null;
  project: string;
}

/** Columns compared to tell whether an update changed anything (bookkeeping columns left out). */
const COMPARED = ['seq', 'version', 'updated_at', 'archived_at'];

/**
 * The SQL of the document loader: set-based, a fixed number of statements per document whatever its size (rows
 * travel as one JSON array, never one bind parameter per value).
 */
@Injectable()
export class DocumentLoaderRepository {
  async upsertDepartment(manager: EntityManager, code: string, name: string): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO departments (code, name) VALUES ($1, $2)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,
         version = departments.version + (departments.name <> EXCLUDED.name)::int, updated_at = now()
       RETURNING id`,
      [code, name],
    );
    return row.id;
  }

  /** The department-year's id; `created` when this statement made it (it holds nothing yet). */
  async upsertFiscalYear(
    manager: EntityManager,
    departmentId: string,
    year: number,
  ): Promise<{ id: string; created: boolean }> {
    const [row] = await manager.query(
      `INSERT INTO fiscal_years (department_id, year) VALUES ($1, $2)
       ON CONFLICT (department_id, year) DO UPDATE SET updated_at = now() RETURNING id, xmax = 0 AS created`,
      [departmentId, year],
    );
    return row;
  }

  async setOverview(manager: EntityManager, fiscalYearId: string, overview: object): Promise<void> {
    await manager.query(`UPDATE fiscal_years SET overview = $2 WHERE id = $1`, [
      fiscalYearId,
      JSON.stringify(overview),
    ]);
  }

  /**
   * The trees of a loaded published document are approved (docs/domain.md "申报、批复与调整"): the department-wide
   * tree and every project's tree that has no lifecycle row yet. Existing rows keep their state.
   */
  async approvePublishedTrees(manager: EntityManager, fiscalYearId: string): Promise<void> {
    await manager.query(
      `INSERT INTO goal_trees (fiscal_year_id, project_id, status, reviewed_at)
       SELECT $1, NULL, 'approved', now()
        WHERE NOT EXISTS (SELECT 1 FROM goal_trees WHERE fiscal_year_id = $1 AND project_id IS NULL)
       UNION ALL
       SELECT $1, p.id, 'approved', now() FROM projects p
        WHERE p.fiscal_year_id = $1 AND NOT EXISTS (SELECT 1 FROM goal_trees t WHERE t.project_id = p.id)`,
      [fiscalYearId],
    );
  }

  /** The year's projects, archived ones first (a live project of the same name wins the match). */
  yearProjects(
    manager: EntityManager,
    fiscalYearId: string,
  ): Promise<Pick<Project, 'id' | 'code' | 'name' | 'archivedAt'>[]> {
    return manager
      .createQueryBuilder(Project, 'p')
      .select(['p.id', 'p.code', 'p.name', 'p.archivedAt'])
      .where('p.fiscalYearId = :fiscalYearId', { fiscalYearId })
      .orderBy('p.archivedAt IS NULL')
      .addOrderBy('p.seq')
      .getMany();
  }

  /** Moves the year's live projects out of the way of the document's order (seq is unique per year). */
  async shiftProjectSeq(manager: EntityManager, fiscalYearId: string): Promise<void> {
    await manager.query(
      `UPDATE projects SET seq = seq + ${SEQ_SHIFT} WHERE fiscal_year_id = $1 AND archived_at IS NULL`,
      [fiscalYearId],
    );
  }

  /** The same for goals and indicators. */
  async shiftGoalSeq(manager: EntityManager, fiscalYearId: string): Promise<void> {
    await manager.query(
      `UPDATE goals SET seq = seq + ${SEQ_SHIFT} WHERE fiscal_year_id = $1 AND archived_at IS NULL`,
      [fiscalYearId],
    );
    await manager.query(
      `UPDATE indicators SET seq = seq + ${SEQ_SHIFT}
        WHERE goal_id IN (SELECT id FROM goals WHERE fiscal_year_id = $1) AND archived_at IS NULL`,
      [fiscalYearId],
    );
  }

  /**
   * Writes the projects' values in one statement (every row `{ id, ...values }`, `updated_at` set); returns the
   * ids whose compared columns changed. Their version goes up, and that of the ids in `bump` (restored ones).
   */
  async updateProjects(
    manager: EntityManager,
    rows: Partial<Project>[],
    bump: string[],
  ): Promise<Set<string>> {
    const changed = await updateRecordsComparing(manager, Project, rows, COMPARED, ', updated_at = now()');
    await this.bumpVersions(manager, 'projects', [...new Set([...changed, ...bump])], '');
    return changed;
  }

  /** New projects (ids given) in one statement. */
  async insertProjects(manager: EntityManager, rows: Partial<Project>[]): Promise<void> {
    await insertRecords(manager, Project, rows);
  }

  /** 资金来源, 支出明细 and 采购: those of `projectIds` deleted, the rows given inserted (they carry no user data). */
  async replaceProjectDetails(
    manager: EntityManager,
    projectIds: string[],
    funding: Partial<FundingSource>[],
    details: Partial<SpendingDetail>[],
    purchases: Partial<ProcurementItem>[],
  ): Promise<void> {
    if (projectIds.length) {
      await manager.query(`DELETE FROM funding_sources WHERE project_id = ANY($1::uuid[])`, [projectIds]);
      await manager.query(`DELETE FROM spending_details WHERE project_id = ANY($1::uuid[])`, [projectIds]);
      await manager.query(`DELETE FROM procurement_items WHERE project_id = ANY($1::uuid[])`, [projectIds]);
    }
    await insertRecords(manager, FundingSource, funding);
    await insertRecords(manager, SpendingDetail, details);
    await insertRecords(manager, ProcurementItem, purchases);
  }

  /** Every indicator of the year, archived ones after the live ones of their goal. */
  yearIndicators(manager: EntityManager, fiscalYearId: string): Promise<LoadedIndicator[]> {
    return manager.query(
      `SELECT i.id, i.goal_id, g.project_id, i.target_raw, i.target_corrected, i.name, i.archived_at,
              COALESCE(p.name, '部门整体') AS project, g.label AS goal,
              concat_ws('|', COALESCE(p.code, 'name:' || p.name, 'overall'), g.term, g.seq % ${SEQ_SHIFT}, l1.name, l2.name, i.name) AS key
         FROM indicators i
         JOIN goals g ON g.id = i.goal_id
         LEFT JOIN projects p ON p.id = g.project_id
         JOIN indicator_nodes l2 ON l2.id = i.node_id
         JOIN indicator_nodes l1 ON l1.id = l2.parent_id
        WHERE g.fiscal_year_id = $1
        ORDER BY g.id, i.archived_at IS NOT NULL, i.seq`,
      [fiscalYearId],
    );
  }

  /** Every goal of the year: the live ones with their seq shifted, the archived ones at ARCHIVED_SEQ + seq or above. */
  yearGoals(manager: EntityManager, fiscalYearId: string): Promise<YearGoal[]> {
    return manager.query(
      `SELECT g.id, g.project_id, g.term, g.seq, g.label, g.title, g.archived_at,
              COALESCE(p.name, '部门整体') AS project
         FROM goals g LEFT JOIN projects p ON p.id = g.project_id
        WHERE g.fiscal_year_id = $1`,
      [fiscalYearId],
    );
  }

  /** Goals back in place (restored when archived), in one statement; the version goes up by `bump` (0 or 1). */
  async updateGoals(
    manager: EntityManager,
    rows: (Pick<Goal, 'id' | 'seq' | 'label' | 'title'> & { bump: number })[],
  ): Promise<void> {
    if (!rows.length) return;
    await manager.query(
      `UPDATE goals g SET seq = x.seq, label = x.label, title = x.title, archived_at = NULL,
              version = g.version + x.bump, updated_at = now()
         FROM json_to_recordset($1::json) AS x(id uuid, seq int, label text, title text, bump int)
        WHERE g.id = x.id`,
      [JSON.stringify(rows)],
    );
  }

  /** New goals (ids given) in one statement. */
  async insertGoals(manager: EntityManager, rows: Partial<Goal>[]): Promise<void> {
    await insertRecords(manager, Goal, rows);
  }

  /**
   * Writes the indicators' values (every row `{ id, ...values }` naming the same properties) in one statement;
   * returns the ids whose compared columns changed. Their version goes up, and that of the ids in `bump`.
   */
  async updateIndicators(
    manager: EntityManager,
    rows: Partial<Indicator>[],
    bump: string[],
  ): Promise<Set<string>> {
    const changed = await updateRecordsComparing(manager, Indicator, rows, COMPARED);
    await this.bumpVersions(
      manager,
      'indicators',
      [...new Set([...changed, ...bump])],
      ', updated_at = now()',
    );
    return changed;
  }

  /** New indicators (ids given) in one statement. */
  async insertIndicators(manager: EntityManager, rows: Partial<Indicator>[]): Promise<void> {
    await insertRecords(manager, Indicator, rows);
  }

  /** The year's live goals other than those the document holds. */
  liveGoalsExcept(
    manager: EntityManager,
    fiscalYearId: string,
    keptGoalIds: string[],
  ): Promise<{ id: string; project_id: string | null; project: string; label: string }[]> {
    return manager.query(
      `SELECT g.id, g.project_id, COALESCE(p.name, '部门整体') AS project, g.label
         FROM goals g LEFT JOIN projects p ON p.id = g.project_id
        WHERE g.fiscal_year_id = $1 AND g.archived_at IS NULL AND NOT (g.id = ANY($2::uuid[]))
        ORDER BY p.seq NULLS FIRST, g.term, g.seq`,
      [fiscalYearId, keptGoalIds],
    );
  }

  /** Nodes that no indicator hangs under any more, directly or through a child. */
  async removeUnusedNodes(manager: EntityManager, fiscalYearId: string): Promise<void> {
    await manager.query(
      `DELETE FROM indicator_nodes n WHERE n.goal_id IN (SELECT id FROM goals WHERE fiscal_year_id = $1)
         AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.node_id = n.id)
         AND NOT EXISTS (SELECT 1 FROM indicator_nodes c JOIN indicators i ON i.node_id = c.id WHERE c.parent_id = n.id)`,
      [fiscalYearId],
    );
  }

  /** The year's budget tables, replaced as a whole: each line with its amounts by column. */
  async replaceBudgetLines(
    manager: EntityManager,
    fiscalYearId: string,
    lines: { line: Partial<BudgetLine>; amounts: Pick<BudgetAmount, 'columnKey' | 'amountYuan'>[] }[],
  ): Promise<void> {
    await manager.query(`DELETE FROM budget_lines WHERE fiscal_year_id = $1`, [fiscalYearId]);
    const ids = await insertEntities<BudgetLine, { id: string }>(
      manager,
      BudgetLine,
      lines.map(({ line }) => ({ fiscalYearId, ...line })),
      'id',
    );
    await insertEntities(
      manager,
      BudgetAmount,
      lines.flatMap(({ amounts }, i) => amounts.map((amount) => ({ lineId: ids[i].id, ...amount }))),
    );
  }

  private async bumpVersions(
    manager: EntityManager,
    table: 'projects' | 'indicators',
    ids: string[],
    alsoSet: string,
  ): Promise<void> {
    if (ids.length)
      await manager.query(`UPDATE ${table} SET version = version + 1${alsoSet} WHERE id = ANY($1::uuid[])`, [
        ids,
      ]);
  }
}
