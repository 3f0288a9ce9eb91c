import { Injectable } from '@nestjs/common';
import type { Target } from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';

export interface ReviewProjectRow {
  id: string;
  seq: number;
  code: string | null;
  name: string;
}

export interface ReviewGoalRow {
  id: string;
  projectId: string | null;
  term: 'long' | 'annual';
  label: string;
  title: string;
}

export interface ReviewIndicatorRow {
  id: string;
  goalId: string;
  level1: string;
  level2: string;
  name: string;
  target: string;
  prev1: string | null;
  unit: string | null;
  parsed: Target | null;
}

export interface RuleSettingRow {
  id: string;
  ruleId: string;
  enabled: boolean;
  reason: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The trees the review runs on, and the department-year's rule switches (target_review_rule_settings). */
@Injectable()
export class TargetReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every live project, goal and indicator of the year, goals and indicators in table order. */
  async trees(fiscalYearId: string): Promise<{
    projects: ReviewProjectRow[];
    goals: ReviewGoalRow[];
    indicators: ReviewIndicatorRow[];
  }> {
    const manager = this.dataSource.manager;
    const [projects, goals, indicators] = await Promise.all([
      manager.query(
        `SELECT p.id, p.seq, p.code, p.name FROM projects p
          WHERE p.fiscal_year_id = $1 AND p.archived_at IS NULL ORDER BY p.seq`,
        [fiscalYearId],
      ),
      manager.query(
        `SELECT g.id, g.project_id AS "projectId", g.term, g.label, g.title FROM goals g
          WHERE g.fiscal_year_id = $1 AND g.archived_at IS NULL ORDER BY g.term DESC, g.seq`,
        [fiscalYearId],
      ),
      manager.query(
        `SELECT i.id, i.goal_id AS "goalId", COALESCE(l1.name, '') AS level1, l2.name AS level2, i.name,
                i.target_raw AS target, i.prev1_raw AS prev1, i.unit, i.target_parsed AS parsed
           FROM indicators i JOIN goals g ON g.id = i.goal_id
           JOIN indicator_nodes l2 ON l2.id = i.node_id LEFT JOIN indicator_nodes l1 ON l1.id = l2.parent_id
          WHERE g.fiscal_year_id = $1 AND g.archived_at IS NULL AND i.archived_at IS NULL
          ORDER BY i.seq`,
        [fiscalYearId],
      ),
    ]);
    return { projects, goals, indicators };
  }

  async departmentName(departmentId: string): Promise<{ code: string; name: string }> {
    const [row] = await this.dataSource.query(`SELECT code, name FROM departments WHERE id = $1`, [
      departmentId,
    ]);
    return row;
  }

  async settings(departmentId: string, year: number, manager?: EntityManager): Promise<RuleSettingRow[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT s.id, s.rule_id AS "ruleId", s.enabled, s.reason, s.version, s.updated_at AS "updatedAt",
              u.username AS "updatedBy"
         FROM target_review_rule_settings s LEFT JOIN users u ON u.id = s.updated_by
        WHERE s.department_id = $1 AND s.year = $2`,
      [departmentId, year],
    );
  }

  /** The rule's row, locked for the update; undefined while the rule has never been switched. */
  async settingForUpdate(
    manager: EntityManager,
    departmentId: string,
    year: number,
    ruleId: string,
  ): Promise<RuleSettingRow | undefined> {
    const [row] = await manager.query(
      `SELECT id, rule_id AS "ruleId", enabled, reason, version, updated_at AS "updatedAt", updated_by AS "updatedBy"
         FROM target_review_rule_settings WHERE department_id = $1 AND year = $2 AND rule_id = $3 FOR UPDATE`,
      [departmentId, year, ruleId],
    );
    return row;
  }

  /** Inserts or updates the switch; the version goes up by one on every change. */
  async upsert(
    manager: EntityManager,
    row: { departmentId: string; year: number; ruleId: string; enabled: boolean; reason: string; by: string },
  ): Promise<RuleSettingRow> {
    const [saved] = await manager.query(
      `INSERT INTO target_review_rule_settings (department_id, year, rule_id, enabled, reason, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (department_id, year, rule_id) DO UPDATE
          SET enabled = EXCLUDED.enabled, reason = EXCLUDED.reason, updated_by = EXCLUDED.updated_by,
              version = target_review_rule_settings.version + 1, updated_at = now()
       RETURNING id, rule_id AS "ruleId", enabled, reason, version, updated_at AS "updatedAt", updated_by AS "updatedBy"`,
      [row.departmentId, row.year, row.ruleId, row.enabled, row.reason, row.by],
    );
    return saved;
  }
}
