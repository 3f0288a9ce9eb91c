import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

const ROUND_COLUMNS = `r.id, r.name, r.period, to_char(r.deadline, 'YYYY-MM-DD') AS deadline, r.status, r.closed_at AS "closedAt", r.version`;

/** A monitoring round as the API shows it. */
export type RoundRow = {
  id: string;
  name: string;
  period: string;
  deadline: string;
  status: 'open' | 'closed';
  closedAt: Date | null;
  version: number;
};

/** Reads and writes of 监控轮次; writes run on the caller's transaction manager. */
@Injectable()
export class RoundsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(fiscalYearId: string): Promise<RoundRow[]> {
    return this.dataSource.query(
      `SELECT ${ROUND_COLUMNS} FROM monitoring_rounds r WHERE r.fiscal_year_id = $1 ORDER BY r.period, r.name`,
      [fiscalYearId],
    );
  }

  async nameTaken(manager: EntityManager, fiscalYearId: string, name: string): Promise<boolean> {
    const [taken] = await manager.query(
      `SELECT 1 FROM monitoring_rounds WHERE fiscal_year_id = $1 AND name = $2`,
      [fiscalYearId, name],
    );
    return Boolean(taken);
  }

  async insert(
    manager: EntityManager,
    values: { fiscalYearId: string; name: string; period: string; deadline: string },
  ): Promise<RoundRow> {
    const [row] = await manager.query(
      `WITH i AS (INSERT INTO monitoring_rounds (fiscal_year_id, name, period, deadline) VALUES ($1, $2, $3, $4) RETURNING *)
       SELECT ${ROUND_COLUMNS} FROM i r`,
      [values.fiscalYearId, values.name, values.period, values.deadline],
    );
    return row;
  }

  async lock(manager: EntityManager, id: string): Promise<(RoundRow & { fiscalYearId: string }) | undefined> {
    const [round] = await manager.query(
      `SELECT ${ROUND_COLUMNS}, r.fiscal_year_id AS "fiscalYearId" FROM monitoring_rounds r WHERE r.id = $1 FOR UPDATE`,
      [id],
    );
    return round;
  }

  /** One set-based snapshot of the latest report ≤ the month per annual indicator, and of budget execution per project. */
  async snapshot(manager: EntityManager, fiscalYearId: string, period: string): Promise<unknown> {
    const [{ snapshot }] = await manager.query(
      `SELECT json_build_object(
          'period', $2::text,
          'takenAt', now(),
          'indicators', COALESCE((
            SELECT json_agg(json_build_object(
                     'indicatorId', i.id, 'projectId', g.project_id, 'name', i.name, 'target', i.target_raw,
                     'period', r.period, 'actual', r.actual_raw, 'forecast', r.forecast_raw, 'likelihood', r.likelihood,
                     'light', COALESCE(r.light, 'grey'), 'reason', r.light_reason) ORDER BY g.project_id NULLS FIRST, g.seq, i.seq)
              FROM indicators i JOIN goals g ON g.id = i.goal_id AND g.term = 'annual'
              LEFT JOIN LATERAL (SELECT * FROM progress_reports pr WHERE pr.indicator_id = i.id AND pr.period <= $2
                                  ORDER BY pr.period DESC LIMIT 1) r ON true
             WHERE g.fiscal_year_id = $1 AND g.archived_at IS NULL AND i.archived_at IS NULL), '[]'),
          'budget', COALESCE((
            SELECT json_agg(json_build_object('projectId', p.id, 'name', p.name,
                     'budgetYuan', COALESCE(p.current_budget_yuan, p.budget_yuan), 'executedYuan', e.executed_yuan, 'period', e.period) ORDER BY p.seq)
              FROM projects p
              LEFT JOIN LATERAL (SELECT * FROM budget_executions be WHERE be.project_id = p.id AND be.period <= $2
                                  ORDER BY be.period DESC LIMIT 1) e ON true
             WHERE p.fiscal_year_id = $1 AND p.archived_at IS NULL), '[]')) AS snapshot`,
      [fiscalYearId, period],
    );
    return snapshot;
  }

  async close(
    manager: EntityManager,
    id: string,
    closedBy: string,
    snapshot: unknown,
  ): Promise<RoundRow & { snapshot: unknown }> {
    const [closed] = await manager.query(
      `WITH u AS (UPDATE monitoring_rounds SET status = 'closed', closed_at = now(), closed_by = $2, snapshot = $3, version = version + 1, updated_at = now()
                   WHERE id = $1 RETURNING *)
       SELECT ${ROUND_COLUMNS}, r.snapshot FROM u r`,
      [id, closedBy, JSON.stringify(snapshot)],
    );
    return closed;
  }

  async find(id: string): Promise<(RoundRow & { snapshot: unknown; departmentId: string }) | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ${ROUND_COLUMNS}, r.snapshot, fy.department_id AS "departmentId" FROM monitoring_rounds r JOIN fiscal_years fy ON fy.id = r.fiscal_year_id WHERE r.id = $1`,
      [id],
    );
    return row;
  }

  /** The round's department-year and month, read without a lock (what closing computes its forms for). */
  async scope(id: string): Promise<{ fiscalYearId: string; period: string } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT fiscal_year_id AS "fiscalYearId", period FROM monitoring_rounds WHERE id = $1`,
      [id],
    );
    return row;
  }

  /**
   * A stamp of everything a round's forms are made of in a department-year — reports, budget execution, the months'
   * workflow and the indicators (targets): it changes whenever any of them is written, added or removed.
   */
  async dataStamp(manager: EntityManager, fiscalYearId: string): Promise<string> {
    const [row] = await manager.query(
      `SELECT concat_ws('|',
                (SELECT max(r.updated_at)::text || '/' || count(*) FROM progress_reports r
                   JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id
                  WHERE g.fiscal_year_id = $1),
                (SELECT max(b.updated_at)::text || '/' || count(*) FROM budget_executions b
                   JOIN projects p ON p.id = b.project_id WHERE p.fiscal_year_id = $1),
                (SELECT max(w.updated_at)::text || '/' || count(*) FROM report_periods w WHERE w.fiscal_year_id = $1),
                (SELECT max(i.updated_at)::text || '/' || count(*) FROM indicators i
                   JOIN goals g ON g.id = i.goal_id WHERE g.fiscal_year_id = $1)) AS stamp`,
      [fiscalYearId],
    );
    return row.stamp as string;
  }
}
