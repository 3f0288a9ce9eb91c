import { dueDate, isOverdue, localDate, PeriodStatus } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../../common/auth/access-policy';
import { REPORT_DUE_DAY } from '../../config/reporting.config';
import type { ReviewFilter } from './dto/tasks.query';
import { OVERALL_NAME } from '../dashboard/dashboard.service';
import { TaskPeriodRow, TasksRepository } from './tasks.repository';

export type TaskKind = 'report-due' | 'report-overdue' | 'report-returned' | 'review';

export interface Task {
  kind: TaskKind;
  /** null: the department-wide goals (部门整体), named OVERALL_NAME. */
  projectId: string | null;
  projectName: string;
  departmentCode: string;
  year: number;
  period: string;
  dueDate: string;
  status: PeriodStatus | null;
  returnReason: string | null;
}

const REVIEW_STATUS: Record<ReviewFilter, PeriodStatus> = {
  pending: 'submitted',
  returned: 'returned',
  approved: 'approved',
};

/** How far ahead a coming due date already shows as a task. */
const DUE_SOON_DAYS = 15;

/**
 * What the caller must do now: a lead's reports due, overdue or returned, and the department-wide goals' (部门整体)
 * for their reporter (docs/domain.md §11); a leader's periods awaiting approval.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly repository: TasksRepository,
    private readonly access: AccessPolicy,
  ) {}

  /** `review` picks the leader's 审核 list: awaiting review (the default), returned or approved months. */
  async forCurrentUser(
    review: ReviewFilter = 'pending',
    today: string = localDate(),
  ): Promise<{ tasks: Task[]; counts: Record<TaskKind, number> }> {
    const actor = this.access.actor();
    let tasks: Task[] = [];
    if (actor.role === 'lead' || actor.role === 'admin') {
      // An assignment left over from a former department is not the lead's to report any more.
      const scope = this.access.departmentScope(actor);
      const [projects, overall] = await Promise.all([
        actor.role === 'lead' ? this.repository.leadPeriods(actor.id, scope ?? []) : Promise.resolve([]),
        this.repository.overallPeriods(actor.id, scope, actor.role === 'admin'),
      ]);
      tasks = [...projects, ...overall].flatMap((row) => reportTasks(row, today));
    } else if (actor.role === 'leader') {
      const rows = await this.repository.reviewPeriods(
        REVIEW_STATUS[review],
        this.access.departmentScope(actor),
      );
      tasks = rows.map((row): Task => ({
        kind: 'review',
        ...named(row),
        dueDate: dueDate(row.period, REPORT_DUE_DAY),
      }));
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

/** The department-wide goals' rows carry no project: named 部门整体 like on the dashboard. */
const named = (row: TaskPeriodRow) => ({ ...row, projectName: row.projectName ?? OVERALL_NAME });

/**
 * A reporter's month as a task: returned, overdue (past the due day and not submitted), or due soon (the month
 * has ended or is ending and its due date is near); a submitted or approved month is none.
 */
function reportTasks(row: TaskPeriodRow, today: string): Task[] {
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + DUE_SOON_DAYS);
  const soon = horizon.toISOString().slice(0, 10);
  const due = dueDate(row.period, REPORT_DUE_DAY);
  const base = { ...named(row), dueDate: due };
  if (row.status === 'returned') return [{ ...base, kind: 'report-returned' }];
  if (isOverdue(row.period, row.status, today, REPORT_DUE_DAY)) return [{ ...base, kind: 'report-overdue' }];
  const open = row.status === null || row.status === 'draft';
  if (open && due <= soon && `${row.period}-01` <= today) return [{ ...base, kind: 'report-due' }];
  return [];
}
