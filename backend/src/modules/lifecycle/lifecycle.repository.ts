import { Injectable } from '@nestjs/common';
import type { AdjustmentStatus, Target, TreeStatus } from '@jixiao/domain';
import { EntityManager } from 'typeorm';

/** A tree: a project's (projectId) or the department-wide one of a fiscal year (projectId null). */
export interface TreeUnit {
  fiscalYearId: string;
  projectId: string | null;
  departmentId: string;
  departmentCode: string;
  year: number;
  archived: boolean;
}

/** A tree's lifecycle state; a tree without a row is a draft at version 0. */
export interface TreeStateRow {
  id: string | null;
  status: TreeStatus;
  version: number;
  submittedAt: Date | null;
  submittedBy: string | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  returnReason: string | null;
}

export interface AdjustmentRow {
  id: string;
  fiscalYearId: string;
  projectId: string | null;
  projectName: string | null;
  status: AdjustmentStatus;
  reason: string;
  effectiveFrom: string;
  proposedBy: string;
  proposedByName: string | null;
  proposedAt: Date;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  returnReason: string | null;
  version: number;
}

export interface AdjustmentItemRow {
  adjustmentId: string;
  indicatorId: string;
  indicatorName: string;
  oldTargetRaw: string;
  newTargetRaw: string;
  newTargetParsed: Target;
}

/** An indicator of the tree being adjusted, locked, with what parsing its new target needs. */
export interface AdjustableIndicator {
  id: string;
  name: string;
  level1: string;
  level2: string;
  prev1Raw: string | null;
  targetRaw: string;
  targetParsed: Target | null;
  thresholds: Record<string, number> | null;
  term: 'long' | 'annual';
  fiscalYearId: string;
  projectId: string | null;
  archived: boolean;
  /** The latest effective month of its approved adjustments, null when none. */
  lastEffectiveFrom: string | null;
  /** A pending adjustment request already holds it. */
  pending: boolean;
}

const TREE_COLUMNS = `t.id, t.status, t.version, t.submitted_at AS "submittedAt", t.submitted_by AS "submittedBy",
  t.reviewed_at AS "reviewedAt", t.reviewed_by AS "reviewedBy", t.return_reason AS "returnReason"`;

const ADJUSTMENT_COLUMNS = `a.id, a.fiscal_year_id AS "fiscalYearId", a.project_id AS "projectId", p.name AS "projectName",
  a.status, a.reason, a.effective_from AS "effectiveFrom", a.proposed_by AS "proposedBy", pu.display_name AS "proposedByName",
  a.created_at AS "proposedAt", a.reviewed_by AS "reviewedBy", ru.display_name AS "reviewedByName", a.reviewed_at AS "reviewedAt",
  a.return_reason AS "returnReason", a.version`;

const ADJUSTMENT_FROM = `target_adjustments a LEFT JOIN projects p ON p.id = a.project_id
  JOIN users pu ON pu.id = a.proposed_by LEFT JOIN users ru ON ru.id = a.reviewed_by`;

const DRAFT: TreeStateRow = {
  id: null,
  status: 'draft',
  version: 0,
  submittedAt: null,
  submittedBy: null,
  reviewedAt: null,
  reviewedBy: null,
  returnReason: null,
};

/** Reads and writes of the tree lifecycle and the adjustments, on the caller's transaction manager. */
@Injectable()
export class LifecycleRepository {
  async projectUnit(manager: EntityManager, projectId: string): Promise<TreeUnit | undefined> {
    const [row] = await manager.query(
      `SELECT p.fiscal_year_id AS "fiscalYearId", p.id AS "projectId", fy.department_id AS "departmentId",
              d.code AS "departmentCode", fy.year, p.archived_at IS NOT NULL AS archived
         FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE p.id = $1`,
      [projectId],
    );
    return row;
  }

  async overallUnit(manager: EntityManager, code: string, year: number): Promise<TreeUnit | undefined> {
    const [row] = await manager.query(
      `SELECT fy.id AS "fiscalYearId", NULL::uuid AS "projectId", fy.department_id AS "departmentId",
              d.code AS "departmentCode", fy.year, false AS archived
         FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE d.code = $1 AND fy.year = $2`,
      [code, year],
    );
    return row;
  }

  /** The tree an adjustment belongs to. */
  async projectOrOverall(manager: EntityManager, adjustment: AdjustmentRow): Promise<TreeUnit | undefined> {
    if (adjustment.projectId) return this.projectUnit(manager, adjustment.projectId);
    const [row] = await manager.query(
      `SELECT fy.id AS "fiscalYearId", NULL::uuid AS "projectId", fy.department_id AS "departmentId",
              d.code AS "departmentCode", fy.year, false AS archived
         FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE fy.id = $1`,
      [adjustment.fiscalYearId],
    );
    return row;
  }

  /** Whether the user is the tree's writer: an assigned lead of the project, or the department-wide reporter. */
  async isWriter(manager: EntityManager, unit: TreeUnit, userId: string): Promise<boolean> {
    const [row] = await manager.query(
      unit.projectId
        ? `SELECT 1 FROM project_assignments WHERE project_id = $1 AND user_id = $2`
        : `SELECT 1 FROM department_reporters WHERE fiscal_year_id = $1 AND user_id = $2`,
      [unit.projectId ?? unit.fiscalYearId, userId],
    );
    return row !== undefined;
  }

  /** The tree's state (a draft at version 0 when it has no row); `lock` holds the row FOR UPDATE. */
  async treeState(manager: EntityManager, unit: TreeUnit, lock = false): Promise<TreeStateRow> {
    const [row] = await manager.query(
      `SELECT ${TREE_COLUMNS} FROM goal_trees t
        WHERE ${unit.projectId ? 't.project_id = $1' : 't.fiscal_year_id = $1 AND t.project_id IS NULL'}${lock ? ' FOR UPDATE' : ''}`,
      [unit.projectId ?? unit.fiscalYearId],
    );
    return row ?? { ...DRAFT };
  }

  /** Writes the tree's new state (creating its row on the first move); version + 1. */
  async setTreeState(
    manager: EntityManager,
    unit: TreeUnit,
    current: TreeStateRow,
    change: { status: TreeStatus; by: string; kind: 'submit' | 'review'; returnReason: string | null },
  ): Promise<TreeStateRow> {
    const stamp =
      change.kind === 'submit'
        ? { submitted_at: 'now()', submitted_by: '$3' }
        : { reviewed_at: 'now()', reviewed_by: '$3' };
    if (current.id === null) {
      const columns = Object.keys(stamp).join(', ');
      const values = Object.values(stamp).join(', ');
      const [row] = await manager.query(
        `INSERT INTO goal_trees (fiscal_year_id, project_id, status, return_reason, version, ${columns})
         VALUES ($1, $2, $4, $5, 1, ${values}) RETURNING ${TREE_COLUMNS.replaceAll('t.', '')}`,
        [unit.fiscalYearId, unit.projectId, change.by, change.status, change.returnReason],
      );
      return row;
    }
    const sets = Object.entries(stamp)
      .map(([column, value]) => `${column} = ${value}`)
      .join(', ');
    const [[row]] = await manager.query(
      `UPDATE goal_trees t SET status = $2, return_reason = $4, ${sets}, version = version + 1, updated_at = now()
        WHERE t.id = $1 RETURNING ${TREE_COLUMNS}`,
      [current.id, change.status, change.by, change.returnReason],
    );
    return row;
  }

  /** The indicators of an adjustment, locked in id order, with what parsing and the checks need. */
  lockIndicators(manager: EntityManager, ids: string[]): Promise<AdjustableIndicator[]> {
    return manager.query(
      `SELECT i.id, i.name, COALESCE(l1.name, '') AS level1, l2.name AS level2, i.prev1_raw AS "prev1Raw",
              i.target_raw AS "targetRaw", i.target_parsed AS "targetParsed", i.thresholds, g.term, g.fiscal_year_id AS "fiscalYearId",
              g.project_id AS "projectId", (i.archived_at IS NOT NULL OR g.archived_at IS NOT NULL) AS archived,
              (SELECT max(h.effective_from) FROM indicator_target_history h WHERE h.indicator_id = i.id) AS "lastEffectiveFrom",
              EXISTS (SELECT 1 FROM target_adjustment_items it JOIN target_adjustments a ON a.id = it.adjustment_id
                       WHERE it.indicator_id = i.id AND a.status = 'submitted') AS pending
         FROM indicators i JOIN goals g ON g.id = i.goal_id
         JOIN indicator_nodes l2 ON l2.id = i.node_id LEFT JOIN indicator_nodes l1 ON l1.id = l2.parent_id
        WHERE i.id = ANY($1::uuid[])
        ORDER BY i.id FOR UPDATE OF i`,
      [ids],
    );
  }

  async insertAdjustment(
    manager: EntityManager,
    unit: TreeUnit,
    values: { reason: string; effectiveFrom: string; proposedBy: string },
    items: { indicatorId: string; oldTargetRaw: string; newTargetRaw: string; newTargetParsed: Target }[],
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO target_adjustments (fiscal_year_id, project_id, reason, effective_from, proposed_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [unit.fiscalYearId, unit.projectId, values.reason, values.effectiveFrom, values.proposedBy],
    );
    await manager.query(
      `INSERT INTO target_adjustment_items (adjustment_id, indicator_id, old_target_raw, new_target_raw, new_target_parsed)
       SELECT $1, x.indicator_id, x.old_target_raw, x.new_target_raw, x.new_target_parsed
         FROM json_to_recordset($2::json)
           AS x(indicator_id uuid, old_target_raw text, new_target_raw text, new_target_parsed json)`,
      [
        row.id,
        JSON.stringify(
          items.map((item) => ({
            indicator_id: item.indicatorId,
            old_target_raw: item.oldTargetRaw,
            new_target_raw: item.newTargetRaw,
            new_target_parsed: item.newTargetParsed,
          })),
        ),
      ],
    );
    return row.id;
  }

  async findAdjustment(manager: EntityManager, id: string, lock = false): Promise<AdjustmentRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${ADJUSTMENT_COLUMNS} FROM ${ADJUSTMENT_FROM} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
      [id],
    );
    return row;
  }

  /** A fiscal year's adjustments (one tree's when `projectId` is given; null = department-wide), newest first. */
  listAdjustments(
    manager: EntityManager,
    fiscalYearId: string,
    filter: { projectId?: string | null; status?: AdjustmentStatus },
  ): Promise<AdjustmentRow[]> {
    const where = ['a.fiscal_year_id = $1'];
    const params: unknown[] = [fiscalYearId];
    if (filter.projectId !== undefined) {
      if (filter.projectId === null) where.push('a.project_id IS NULL');
      else where.push(`a.project_id = $${params.push(filter.projectId)}`);
    }
    if (filter.status) where.push(`a.status = $${params.push(filter.status)}`);
    return manager.query(
      `SELECT ${ADJUSTMENT_COLUMNS} FROM ${ADJUSTMENT_FROM} WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id`,
      params,
    );
  }

  itemsOf(manager: EntityManager, adjustmentIds: string[]): Promise<AdjustmentItemRow[]> {
    return manager.query(
      `SELECT it.adjustment_id AS "adjustmentId", it.indicator_id AS "indicatorId", i.name AS "indicatorName",
              it.old_target_raw AS "oldTargetRaw", it.new_target_raw AS "newTargetRaw", it.new_target_parsed AS "newTargetParsed"
         FROM target_adjustment_items it JOIN indicators i ON i.id = it.indicator_id
        WHERE it.adjustment_id = ANY($1::uuid[])
        ORDER BY it.adjustment_id, i.seq, i.id`,
      [adjustmentIds],
    );
  }

  async setAdjustmentStatus(
    manager: EntityManager,
    id: string,
    change: { status: AdjustmentStatus; by: string; returnReason: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE target_adjustments SET status = $2, reviewed_by = $3, reviewed_at = now(), return_reason = $4,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, change.status, change.by, change.returnReason],
    );
  }

  /**
   * Applies an approved adjustment set-based: each item's indicator keeps its previous target in the history
   * (with the reason, the effective month, who proposed and who approved), then takes the new target. Returns the
   * history rows written with the old and new texts.
   */
  async applyAdjustment(
    manager: EntityManager,
    adjustment: AdjustmentRow,
    approvedBy: string,
  ): Promise<{ indicatorId: string; oldTargetRaw: string; newTargetRaw: string }[]> {
    const history: { indicatorId: string; oldTargetRaw: string; newTargetRaw: string }[] =
      await manager.query(
        `INSERT INTO indicator_target_history (indicator_id, adjustment_id, old_target_raw, old_target_parsed, new_target_raw,
                                             new_target_parsed, effective_from, reason, proposed_by, proposed_at,
                                             approved_by, approved_at)
       SELECT i.id, a.id, i.target_raw, i.target_parsed, it.new_target_raw, it.new_target_parsed, a.effective_from,
              a.reason, a.proposed_by, a.created_at, $2, now()
         FROM target_adjustment_items it JOIN target_adjustments a ON a.id = it.adjustment_id
         JOIN indicators i ON i.id = it.indicator_id
        WHERE it.adjustment_id = $1
       RETURNING indicator_id AS "indicatorId", old_target_raw AS "oldTargetRaw", new_target_raw AS "newTargetRaw"`,
        [adjustment.id, approvedBy],
      );
    return history;
  }
}
