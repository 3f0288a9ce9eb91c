import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { entityValues } from '../../database/sql.util';
import { SEQ_SHIFT } from '../goals/archive.repository';
import { Goal } from '../goals/entities/goal.entity';
import { Indicator } from '../goals/entities/indicator.entity';

/** An indicator of the project's annual goals, as the Excel target import matches and audits it. */
export interface AnnualIndicatorRow {
  id: string;
  goalId: string;
  archivedAt: Date | null;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  weight: number | null;
  reports: number;
}

/** An indicator's columns the Excel target import writes. */
export type ImportedIndicator = Pick<Indicator, 'goalId' | 'nodeId' | 'seq' | 'name' | 'unit' | 'weight'> &
  Partial<Indicator>;

/** Reads and writes of the Excel import of a project's annual target table, inside its transaction. */
@Injectable()
export class TargetImportRepository {
  /** The project's live annual goals, locked, in order. */
  lockAnnualGoals(manager: EntityManager, projectId: string): Promise<{ id: string; seq: number }[]> {
    return manager
      .createQueryBuilder(Goal, 'g')
      .select(['g.id', 'g.seq'])
      .where("g.projectId = :projectId AND g.term = 'annual' AND g.archivedAt IS NULL", { projectId })
      .orderBy('g.seq')
      .setLock('pessimistic_write')
      .getMany();
  }

  async createAnnualGoal(manager: EntityManager, fiscalYearId: string, projectId: string): Promise<string> {
    const { identifiers } = await manager.insert(Goal, {
      fiscalYearId,
      projectId,
      term: 'annual',
      seq: 1,
      label: '年度绩效目标',
      title: '',
    });
    return identifiers[0].id as string;
  }

  /** Every indicator of the project's annual goals, archived ones first (a live one of the same key wins). */
  annualIndicators(manager: EntityManager, projectId: string): Promise<AnnualIndicatorRow[]> {
    return manager.query(
      `SELECT i.id, i.goal_id AS "goalId", i.archived_at AS "archivedAt", COALESCE(l1.name, '') AS level1, l2.name AS level2,
              i.name, i.target_raw AS "targetRaw", i.weight::float8 AS weight,
              (SELECT count(*)::int FROM progress_reports r WHERE r.indicator_id = i.id) AS reports
         FROM indicators i JOIN goals g ON g.id = i.goal_id
         JOIN indicator_nodes l2 ON l2.id = i.node_id LEFT JOIN indicator_nodes l1 ON l1.id = l2.parent_id
        WHERE g.project_id = $1 AND g.term = 'annual'
        ORDER BY i.archived_at IS NULL, i.archived_at`,
      [projectId],
    );
  }

  /** Moves the goal's live indicators out of the way of the sheet's order (seq is unique per goal). */
  async shiftIndicatorSeq(manager: EntityManager, goalId: string): Promise<void> {
    await manager.query(
      `UPDATE indicators SET seq = seq + ${SEQ_SHIFT} WHERE goal_id = $1 AND archived_at IS NULL`,
      [goalId],
    );
  }

  /** Updates in place (restoring an archived one); the version goes up. */
  async updateIndicator(manager: EntityManager, id: string, values: ImportedIndicator): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Indicator)
      .set(entityValues<Indicator>({ ...values, archivedAt: null }))
      .where('id = :id', { id })
      .execute();
  }

  async insertIndicator(manager: EntityManager, values: ImportedIndicator): Promise<string> {
    const { identifiers } = await manager.insert(Indicator, entityValues<Indicator>(values));
    return identifiers[0].id as string;
  }

  /** The project's other annual goals: an empty one goes; the live ones left (holding archived indicators). */
  async removeEmptyAnnualGoals(
    manager: EntityManager,
    projectId: string,
    keptGoalId: string,
  ): Promise<{ id: string; label: string }[]> {
    await manager.query(
      `DELETE FROM goals g WHERE g.project_id = $1 AND g.term = 'annual' AND g.id <> $2
          AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.goal_id = g.id)`,
      [projectId, keptGoalId],
    );
    return manager.find(Goal, {
      select: { id: true, label: true },
      where: { projectId, term: 'annual', id: Not(keptGoalId), archivedAt: IsNull() },
    });
  }

  /** 二级 nodes left without indicators, then 一级 nodes left without children. */
  async removeUnusedNodes(manager: EntityManager, goalId: string): Promise<void> {
    await manager.query(
      `DELETE FROM indicator_nodes n WHERE n.goal_id = $1 AND n.level = 2 AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.node_id = n.id)`,
      [goalId],
    );
    await manager.query(
      `DELETE FROM indicator_nodes n WHERE n.goal_id = $1 AND n.level = 1 AND NOT EXISTS (SELECT 1 FROM indicator_nodes c WHERE c.parent_id = n.id)`,
      [goalId],
    );
  }
}
