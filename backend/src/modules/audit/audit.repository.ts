import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntryFacts, AuditSubject } from './audit-describer';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  actorName?: string;
  /** Actions, any of them. */
  actions?: string[];
  /** Entries about this project: the project itself, its goals, indicators, reports, evidence, periods. */
  projectId?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  before?: Date;
}

/** A stored entry with the names its entity id stands for. */
export interface AuditRow extends AuditEntryFacts {
  id: string;
  at: Date;
  actorId: string | null;
  entityId: string | null;
  requestId: string | null;
  subject: AuditSubject;
}

const UUID_PATTERN = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;

/** The (entity, entity id) pairs that belong to project $7: one set, computed once per statement. */
const PROJECT_ENTITIES = `
  SELECT 'project', $7::uuid::text
  UNION ALL SELECT 'goal', g.id::text FROM goals g WHERE g.project_id = $7::uuid
  UNION ALL SELECT 'indicator', i.id::text FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE g.project_id = $7::uuid
  UNION ALL SELECT 'progress-report', r.id::text FROM progress_reports r
    JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id WHERE g.project_id = $7::uuid
  UNION ALL SELECT 'evidence-file', e.id::text FROM evidence_files e JOIN progress_reports r ON r.id = e.progress_report_id
    JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id WHERE g.project_id = $7::uuid
  UNION ALL SELECT 'budget-execution', b.id::text FROM budget_executions b WHERE b.project_id = $7::uuid
  UNION ALL SELECT 'report-period', p.id::text FROM report_periods p WHERE p.project_id = $7::uuid
  UNION ALL SELECT 'self-evaluation', s.id::text FROM self_evaluations s WHERE s.project_id = $7::uuid`;

const WHERE = `($1::varchar IS NULL OR entity = $1::varchar) AND ($2::text IS NULL OR entity_id = $2::text)
   AND ($3::uuid IS NULL OR actor_id = $3::uuid) AND ($4::text IS NULL OR actor_name = lower($4::text))
   AND ($5::timestamptz IS NULL OR at >= $5::timestamptz) AND ($6::timestamptz IS NULL OR at < $6::timestamptz)
   AND ($7::uuid IS NULL OR (entity, entity_id) IN (${PROJECT_ENTITIES}))
   AND ($8::text[] IS NULL OR action = ANY($8::text[]))`;

/** Reads of the append-only audit log (writes go through AuditService, inside the writer's transaction). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page, newest first, with the total of the filter (a window count) and the names behind each entity id —
   * project, indicator, month, department, user — joined for the whole page in the same statement.
   */
  async findPage(
    filter: AuditFilter,
    offset: number,
    limit: number,
  ): Promise<{ items: AuditRow[]; total: number }> {
    const params = [
      filter.entity ?? null,
      filter.entityId ?? null,
      filter.actorId ?? null,
      filter.actorName ?? null,
      filter.from ?? null,
      filter.before ?? null,
      filter.projectId ?? null,
      filter.actions?.length ? filter.actions : null,
    ];
    const rows: (Omit<AuditRow, 'subject'> & AuditSubject & { total: number })[] =
      await this.dataSource.query(
        `WITH page AS (
         SELECT l.*, count(*) OVER ()::int AS total,
                CASE WHEN l.entity_id ~ ${UUID_PATTERN} THEN l.entity_id::uuid END AS eid,
                COALESCE(l.after, l.before) ->> 'fiscalYearId' AS snapshot_year
           FROM audit_log l WHERE ${WHERE}
          ORDER BY l.at DESC, l.id DESC
         OFFSET $9 LIMIT $10)
       SELECT page.id::text, page.at, page.actor_id AS "actorId", page.actor_name AS "actorName", page.action,
              page.entity, page.entity_id AS "entityId", page.before, page.after, page.reason,
              page.request_id AS "requestId", page.total,
              p.name AS project, i.name AS indicator, g.label AS goal, d.name AS department, fy.year,
              u.username AS "user",
              COALESCE(r.period, b.period, rp.period, pl.period, mr.period,
                       COALESCE(page.after, page.before) ->> 'period') AS period
         FROM page
         LEFT JOIN evidence_files e ON page.entity = 'evidence-file' AND e.id = page.eid
         LEFT JOIN progress_reports r
           ON r.id = COALESCE(e.progress_report_id, CASE WHEN page.entity = 'progress-report' THEN page.eid END)
         LEFT JOIN indicators i ON i.id = COALESCE(r.indicator_id, CASE WHEN page.entity = 'indicator' THEN page.eid END)
         LEFT JOIN goals g ON g.id = COALESCE(i.goal_id, CASE WHEN page.entity = 'goal' THEN page.eid END)
         LEFT JOIN budget_executions b ON page.entity = 'budget-execution' AND b.id = page.eid
         LEFT JOIN report_periods rp ON page.entity = 'report-period' AND rp.id = page.eid
         LEFT JOIN self_evaluations s ON page.entity = 'self-evaluation' AND s.id = page.eid
         LEFT JOIN period_locks pl ON page.entity = 'period-lock' AND pl.id = page.eid
         LEFT JOIN monitoring_rounds mr ON page.entity = 'monitoring-round' AND mr.id = page.eid
         LEFT JOIN projects p
           ON p.id = COALESCE(g.project_id, b.project_id, rp.project_id, s.project_id,
                              CASE WHEN page.entity = 'project' THEN page.eid END)
         LEFT JOIN fiscal_years fy
           ON fy.id = COALESCE(p.fiscal_year_id, g.fiscal_year_id, rp.fiscal_year_id, s.fiscal_year_id,
                               pl.fiscal_year_id, mr.fiscal_year_id,
                               CASE WHEN page.entity = 'fiscal-year' THEN page.eid END,
                               CASE WHEN page.snapshot_year ~ ${UUID_PATTERN} THEN page.snapshot_year::uuid END)
         LEFT JOIN departments d ON d.id = fy.department_id
         LEFT JOIN users u ON page.entity = 'user' AND u.id = page.eid
        ORDER BY page.at DESC, page.id DESC`,
        [...params, offset, limit],
      );
    if (rows.length > 0 || offset === 0) {
      const items = rows.map(
        ({ total: _t, project, indicator, goal, department, year, user, period, ...entry }) => ({
          ...entry,
          subject: { project, indicator, goal, department, year, user, period },
        }),
      );
      return { items, total: rows[0]?.total ?? 0 };
    }
    // A page past the end has no row to carry the total.
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_log WHERE ${WHERE}`,
      params,
    );
    return { items: [], total };
  }
}
