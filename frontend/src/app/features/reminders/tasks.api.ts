import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import { SILENT_API_ERRORS } from '../../shared/http/api-error';

/** 待办 kinds: a report due soon, overdue, returned by the leader; a submitted month awaiting approval. */
export type TaskKind = 'report-due' | 'report-overdue' | 'report-returned' | 'review';

/** One thing the signed-in user should do now (GET /api/me/tasks). */
export interface Task {
  readonly kind: TaskKind;
  readonly projectId: string;
  readonly projectName: string;
  readonly departmentCode: string;
  readonly year: number;
  readonly period: string;
  readonly dueDate: string;
  readonly status: 'draft' | 'submitted' | 'approved' | 'returned' | null;
  readonly returnReason: string | null;
}

export interface TaskList {
  readonly tasks: readonly Task[];
  readonly counts: Readonly<Record<TaskKind, number>>;
}

@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  /**
   * The caller's tasks. Polled on every navigation, so a failure is not notified (the badge simply keeps its
   * last count); screens that list tasks show their own error.
   */
  mine(options: { silent?: boolean } = {}): Observable<TaskList> {
    return this.http.get<TaskList>('/api/me/tasks', {
      context: new HttpContext().set(SILENT_API_ERRORS, options.silent ?? false),
    });
  }
}
