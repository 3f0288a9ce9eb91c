import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { EMPTY, Subject, catchError, filter, map, merge, of, switchMap } from 'rxjs';

import { AuthService } from '../../core/auth/auth.service';
import { type Task, type TaskKind, TasksApi } from './tasks.api';

/** Returned reports first (someone is waiting on them), then overdue, due soon, and approvals. */
const KIND_ORDER: Readonly<Record<TaskKind, number>> = {
  'report-returned': 0,
  'report-overdue': 1,
  'report-due': 2,
  review: 3,
};

/** Roles that have tasks: leads report, leaders approve, admins report the department-wide goals (部门整体). */
const ROLES_WITH_TASKS: ReadonlySet<string> = new Set(['lead', 'leader', 'admin']);

export function sortTasks(tasks: readonly Task[]): Task[] {
  return [...tasks].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.period.localeCompare(b.period) ||
      a.projectName.localeCompare(b.projectName, 'zh-CN'),
  );
}

/**
 * Where a task is done: a lead's month in 填报, a leader's review in 审核; the department-wide goals' month
 * (projectId null) under `overall/<department code>`.
 */
export function taskLink(task: Task): string[] {
  const unit = task.projectId === null ? ['overall', task.departmentCode] : [task.projectId];
  return [task.kind === 'review' ? '/reviews' : '/reports', ...unit, task.period];
}

/**
 * The signed-in user's tasks (待办) for the header's reminders badge, fetched again after every navigation
 * and when a screen changed something (refresh), so the count follows what the user just did.
 */
@Injectable({ providedIn: 'root' })
export class RemindersStore {
  private readonly api = inject(TasksApi);
  private readonly auth = inject(AuthService);
  private readonly refreshes = new Subject<void>();

  private readonly list = signal<readonly Task[]>([]);
  readonly tasks = this.list.asReadonly();
  readonly count = computed(() => this.list().length);
  readonly enabled = computed(() => ROLES_WITH_TASKS.has(this.auth.user()?.role ?? ''));

  constructor() {
    const router = inject(Router);
    const navigations = router.events.pipe(filter((event) => event instanceof NavigationEnd));
    // The shell usually renders the badge after its first navigation ended: then fetch at once.
    const first = router.currentNavigation() === null ? of(null) : EMPTY;
    merge(first, this.refreshes, navigations)
      .pipe(
        switchMap(() =>
          this.enabled()
            ? this.api.mine({ silent: true }).pipe(
                map((answer) => sortTasks(answer.tasks)),
                // The badge keeps its last count when a refresh fails; the next navigation tries again.
                catchError(() => EMPTY),
              )
            : of([]),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((tasks) => this.list.set(tasks));
  }

  refresh(): void {
    this.refreshes.next();
  }
}
