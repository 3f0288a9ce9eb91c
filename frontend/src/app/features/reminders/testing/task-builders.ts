import type { Task, TaskKind, TaskList } from '../tasks.api';

export function aTask(overrides: Partial<Task> = {}): Task {
  return {
    kind: 'report-due',
    projectId: '11111111-1111-4111-8111-111111111111',
    projectName: '党建',
    departmentCode: '031',
    year: 2025,
    period: '2025-06',
    dueDate: '2025-07-10',
    status: null,
    returnReason: null,
    ...overrides,
  };
}

/** The answer of GET /api/me/tasks for these tasks, with its counts. */
export function aTaskList(tasks: Task[]): TaskList {
  const counts: Record<TaskKind, number> = {
    'report-due': 0,
    'report-overdue': 0,
    'report-returned': 0,
    review: 0,
  };
  for (const task of tasks) counts[task.kind] += 1;
  return { tasks, counts };
}
