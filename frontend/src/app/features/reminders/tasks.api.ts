import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { components, operations } from '../../core/api/api-types';
import { SILENT_API_ERRORS } from '../../shared/http/api-error';

/** One thing the signed-in user should do now (GET /api/me/tasks). */
export type Task = components['schemas']['TaskResponse'];

/** 待办 kinds: a report due soon, overdue, returned by the leader; a submitted month awaiting approval. */
export type TaskKind = Task['kind'];

export type TaskList = components['schemas']['TaskListResponse'];

/** Which months a leader's 审核 list shows (GET /api/me/tasks?status=); pending is the default. */
export type ReviewFilter = NonNullable<
  NonNullable<operations['TasksController_list']['parameters']['query']>['status']
>;

@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  /**
   * The caller's tasks. Polled on every navigation, so a failure is not notified (the badge simply keeps its
   * last count); screens that list tasks show their own error.
   */
  mine(options: { silent?: boolean; review?: ReviewFilter } = {}): Observable<TaskList> {
    const review = options.review ?? 'pending';
    return this.http.get<TaskList>('/api/me/tasks', {
      context: new HttpContext().set(SILENT_API_ERRORS, options.silent ?? false),
      // The default stays off the URL: the reminders poll the same list.
      params: review === 'pending' ? {} : { status: review },
    });
  }
}
