import { dueDate, isOverdue, localDate, PeriodStatus } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../../common/auth/access-policy';
import { REPORT_DUE_DAY } from '../../config/reporting.config';
import type { ReviewFilter } from './dto/tasks.query';
import { TasksRepository } from './tasks.repository';

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

const REVIEW_STATUS: Record<ReviewFilter, PeriodStatus> = {
  pending: 'submitted',
  returned: 'returned',
  approved: 'approved',
};

/** How far ahead a coming due date already shows as a task. */
const DUE_SOON_DAYS = 15;

/** What the caller must do now: a lead's reports due, overdue or returned; a leader's periods awaiting approval. */
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
    if (actor.role === 'lead') {
      // An assignment left over from a former department is not the lead's to report any more.
      const rows = await this.repository.leadPeriods(actor.id, this.access.departmentScope(actor) ?? []);
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
      const rows = await this.repository.reviewPeriods(
        REVIEW_STATUS[review],
        this.access.departmentScope(actor),
      );
      tasks = rows.map((row): Task => ({
        kind: 'review',
        ...row,
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
