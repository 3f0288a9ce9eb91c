import { dueDate, isOverdue, localDate, PeriodStatus } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { REPORT_DUE_DAY } from '../../config/reporting.config';

export type TaskKind = 'report-due' | 'report-overdue' | 'report-returned' | 'review';

export interface Task {
  kind: TaskKind;
  projectId: string;
  projectName: string;
  departmentCode: string;
  year: number;
  period: string;
  dueDate: string;
  status: PeriodStatus | null;
  returnReason: string | null;
}

/** How far ahead a coming due date already shows as a task. */
const DUE_SOON_DAYS = 15;

/** What the caller must do now: a lead's reports due, overdue or returned; a leader's periods awaiting approval. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  async forCurrentUser(
    today: string = localDate(),
  ): Promise<{ tasks: Task[]; counts: Record<TaskKind, number> }> {
    const actor = this.access.actor();
    let tasks: Task[] = [];
    if (actor.role === 'lead') {
      // Every month of each assigned project's fiscal year, with its workflow state (one query).
      const rows: {
        projectId: string;
        projectName: string;
        departmentCode: string;
        year: number;
        period: string;
        status: PeriodStatus | null;
        returnReason: string | null;
      }[] = await this.dataSource.query(
        `SELECT p.id AS "projectId", p.name AS "projectName", d.code AS "departmentCode", fy.year,
                  to_char(make_date(fy.year, m, 1), 'YYYY-MM') AS period, rp.status, rp.return_reason AS "returnReason"
             FROM project_assignments a
             JOIN projects p ON p.id = a.project_id
             JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
             JOIN departments d ON d.id = fy.department_id
             CROSS JOIN generate_series(1, 12) AS m
             LEFT JOIN report_periods rp ON rp.project_id = p.id AND rp.period = to_char(make_date(fy.year, m, 1), 'YYYY-MM')
            WHERE a.user_id = $1 AND p.archived_at IS NULL AND fy.department_id = ANY($2::uuid[])
            ORDER BY fy.year, p.seq, m`,
        // An assignment left over from a former department is not the lead's to report any more.
        [actor.id, this.access.departmentScope(actor) ?? []],
      );
      const horizon = new Date(`${today}T00:00:00Z`);
      horizon.setUTCDate(horizon.getUTCDate() + DUE_SOON_DAYS);
      const soon = horizon.toISOString().slice(0, 10);
      tasks = rows.flatMap((row): Task[] => {
        const due = dueDate(row.period, REPORT_DUE_DAY);
        const base = { ...row, dueDate: due };
        if (row.status === 'returned') return [{ ...base, kind: 'report-returned' }];
        if (isOverdue(row.period, row.status, today, REPORT_DUE_DAY))
          return [{ ...base, kind: 'report-overdue' }];
        const open = row.status === null || row.status === 'draft';
        // Due soon: the month has ended (or is ending) and its due date is near.
        if (open && due <= soon && `${row.period}-01` <= today) return [{ ...base, kind: 'report-due' }];
        return [];
      });
    } else if (actor.role === 'leader') {
      tasks = await this.dataSource.query(
        `SELECT 'review' AS kind, p.id AS "projectId", p.name AS "projectName", d.code AS "departmentCode", fy.year, rp.period,
                rp.status, rp.return_reason AS "returnReason"
           FROM report_periods rp JOIN projects p ON p.id = rp.project_id
           JOIN fiscal_years fy ON fy.id = rp.fiscal_year_id JOIN departments d ON d.id = fy.department_id
          WHERE rp.status = 'submitted' AND p.archived_at IS NULL AND ($1::uuid[] IS NULL OR fy.department_id = ANY($1::uuid[]))
          ORDER BY rp.submitted_at`,
        [this.access.departmentScope(actor)],
      );
      tasks = tasks.map((t) => ({ ...t, dueDate: dueDate(t.period, REPORT_DUE_DAY) }));
    }
    const counts: Record<TaskKind, number> = {
      'report-due': 0,
      'report-overdue': 0,
      'report-returned': 0,
      review: 0,
    };
    for (const task of tasks) counts[task.kind]++;
    return { tasks, counts };
  }
}
