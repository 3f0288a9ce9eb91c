import type { NotificationKind, PeriodStatus } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OVERALL_NAME } from '../dashboard/dashboard.service';
import type { NotificationResponse } from './dto/notification.response';

/** A notification to make; the unique (user, dedupeKey) makes it once however often the event is seen. */
export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  dedupeKey: string;
  fiscalYearId: string;
  projectId: string | null;
  period: string;
  reason?: string | null;
  dueDate?: string | null;
  details?: Record<string, number> | null;
}

/** Someone to tell: their name for the greeting and, when set, their e-mail address. */
export interface Recipient {
  userId: string;
  displayName: string;
  email: string | null;
}

/** A reporter's month in the reminder window: who reports it, for which project (null: 部门整体), its state. */
export interface ReporterMonthRow extends Recipient {
  fiscalYearId: string;
  projectId: string | null;
  projectName: string | null;
  departmentName: string;
  period: string;
  status: PeriodStatus | null;
}

export interface DepartmentYearRef {
  fiscalYearId: string;
  departmentId: string;
  code: string;
  name: string;
  year: number;
}

export interface LeaderRow extends Recipient {
  username: string;
}

/**
 * Who reports a unit: a project's assigned leads, active and still in the fiscal year's department; the
 * department-wide goals' designated reporter, else every active admin (docs/domain.md §11).
 */
const REPORTERS = `
  SELECT a.user_id, p.fiscal_year_id, p.id AS project_id, p.name AS project_name
    FROM project_assignments a
    JOIN projects p ON p.id = a.project_id AND p.archived_at IS NULL
    JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
    JOIN users u ON u.id = a.user_id AND u.active AND u.role_code = 'lead' AND u.department_id = fy.department_id
  UNION ALL
  SELECT COALESCE(dr.user_id, adm.id), fy.id, NULL::uuid, NULL::text
    FROM fiscal_years fy
    LEFT JOIN department_reporters dr ON dr.fiscal_year_id = fy.id
    LEFT JOIN users adm ON dr.user_id IS NULL AND adm.role_code = 'admin' AND adm.active
   WHERE (dr.user_id IS NOT NULL OR adm.id IS NOT NULL)
     AND EXISTS (SELECT 1 FROM goals g JOIN indicators i ON i.goal_id = g.id
                  WHERE g.fiscal_year_id = fy.id AND g.project_id IS NULL AND g.term = 'annual'
                    AND g.archived_at IS NULL AND i.archived_at IS NULL)`;

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the drafts not made before; answers the ones made now (with their dedupe keys). */
  async insert(
    manager: EntityManager,
    drafts: NotificationDraft[],
  ): Promise<{ id: string; userId: string; dedupeKey: string }[]> {
    if (drafts.length === 0) return [];
    return manager.query(
      `INSERT INTO notifications (user_id, kind, dedupe_key, fiscal_year_id, project_id, period, reason, due_date, details)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(
         "userId" uuid, kind text, "dedupeKey" text, "fiscalYearId" uuid, "projectId" uuid, period text,
         reason text, "dueDate" date, details jsonb)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       RETURNING id, user_id AS "userId", dedupe_key AS "dedupeKey"`,
      [
        JSON.stringify(
          drafts.map((d) => ({
            ...d,
            reason: d.reason ?? null,
            dueDate: d.dueDate ?? null,
            details: d.details ?? null,
          })),
        ),
      ],
    );
  }

  /** The user's latest notifications, newest first, with the unread count. */
  async list(userId: string, limit: number): Promise<{ rows: NotificationResponse[]; unread: number }> {
    const [rows, [{ unread }]] = await Promise.all([
      this.dataSource.query(`${VIEW} WHERE n.user_id = $1 ORDER BY n.created_at DESC, n.id LIMIT $2`, [
        userId,
        limit,
      ]),
      this.dataSource.query(
        `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
        [userId],
      ),
    ]);
    return { rows: rows.map(shape), unread };
  }

  /** One of the user's notifications under a row lock; undefined when it is not theirs (or does not exist). */
  async findOwn(
    manager: EntityManager,
    userId: string,
    id: string,
  ): Promise<NotificationResponse | undefined> {
    const [row] = await manager.query(`${VIEW} WHERE n.id = $1 AND n.user_id = $2 FOR UPDATE OF n`, [
      id,
      userId,
    ]);
    return row && shape(row);
  }

  async markRead(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE notifications SET read_at = now() WHERE id = $1 AND read_at IS NULL`, [id]);
  }

  /** Marks every unread notification of the user read; answers their ids. */
  async markAllRead(manager: EntityManager, userId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
      [userId],
    );
    return rows.map((row) => row.id);
  }

  /** Who must redo a returned month: its reporters (see REPORTERS), with the names the mail needs. */
  reportersOf(
    manager: EntityManager,
    fiscalYearId: string,
    projectId: string | null,
  ): Promise<(Recipient & { projectName: string | null; departmentName: string })[]> {
    return manager.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, r.project_name AS "projectName",
              d.name AS "departmentName"
         FROM (${REPORTERS}) r
         JOIN users u ON u.id = r.user_id
         JOIN fiscal_years fy ON fy.id = r.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE r.fiscal_year_id = $1 AND r.project_id IS NOT DISTINCT FROM $2::uuid AND u.active
        ORDER BY u.username`,
      [fiscalYearId, projectId],
    );
  }

  /** Every reporter's month among the periods (each in its own year), with the month's workflow state. */
  reporterMonths(periods: string[]): Promise<ReporterMonthRow[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, r.fiscal_year_id AS "fiscalYearId",
              r.project_id AS "projectId", r.project_name AS "projectName", d.name AS "departmentName",
              per.period, rp.status
         FROM (${REPORTERS}) r
         JOIN users u ON u.id = r.user_id
         JOIN fiscal_years fy ON fy.id = r.fiscal_year_id JOIN departments d ON d.id = fy.department_id
         JOIN unnest($1::text[]) AS per(period) ON substr(per.period, 1, 4)::int = fy.year
         LEFT JOIN report_periods rp ON rp.fiscal_year_id = r.fiscal_year_id
                                    AND rp.project_id IS NOT DISTINCT FROM r.project_id AND rp.period = per.period
        WHERE u.active
        ORDER BY d.code, per.period, u.username`,
      [periods],
    );
  }

  departmentYears(year: number): Promise<DepartmentYearRef[]> {
    return this.dataSource.query(
      `SELECT fy.id AS "fiscalYearId", d.id AS "departmentId", d.code, d.name, fy.year
         FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE fy.year = $1 ORDER BY d.code`,
      [year],
    );
  }

  departmentYear(code: string, year: number): Promise<DepartmentYearRef | undefined> {
    return this.dataSource
      .query(
        `SELECT fy.id AS "fiscalYearId", d.id AS "departmentId", d.code, d.name, fy.year
           FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE d.code = $1 AND fy.year = $2`,
        [code, year],
      )
      .then((rows: DepartmentYearRef[]) => rows[0]);
  }

  /** The department's active leaders (部门领导): who the digest and the flags are for. */
  leaders(departmentId: string, manager: EntityManager = this.dataSource.manager): Promise<LeaderRow[]> {
    return manager.query(
      `SELECT id AS "userId", username, display_name AS "displayName", email
         FROM users WHERE role_code = 'leader' AND active AND department_id = $1 ORDER BY username`,
      [departmentId],
    );
  }
}

const VIEW = `
  SELECT n.id, n.kind, d.code AS "departmentCode", d.name AS "departmentName", fy.year, n.period,
         n.project_id AS "projectId", p.name AS "projectName", n.reason, to_char(n.due_date, 'YYYY-MM-DD') AS "dueDate",
         n.details, n.created_at AS "createdAt", n.read_at AS "readAt"
    FROM notifications n
    JOIN fiscal_years fy ON fy.id = n.fiscal_year_id JOIN departments d ON d.id = fy.department_id
    LEFT JOIN projects p ON p.id = n.project_id`;

/** The department-wide goals' notifications carry no project: named 部门整体 as everywhere else. */
function shape(row: Record<string, unknown>): NotificationResponse {
  const { departmentCode, departmentName, ...rest } = row as unknown as NotificationResponse & {
    departmentCode: string;
    departmentName: string;
  };
  const overall = rest.kind !== 'leadership-flags' && rest.projectId === null;
  return {
    ...rest,
    department: { code: departmentCode, name: departmentName },
    projectName: overall ? OVERALL_NAME : rest.projectName,
  };
}
