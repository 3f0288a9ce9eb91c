import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { map, switchMap } from 'rxjs';

import { apiErrorMessage } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { sortTasks, taskLink } from '../../../reminders/reminders.store';
import { type ReviewFilter, type Task, TasksApi } from '../../../reminders/tasks.api';

const FILTERS: readonly ReviewFilter[] = ['pending', 'returned', 'approved'];

/**
 * 审核 list: the months leads (and the 部门整体 reporter) submitted in the leader's department, oldest submission first; or, filtered,
 * the months returned or approved, latest decision first.
 */
@Component({
  selector: 'app-review-inbox',
  imports: [SHARED_IMPORTS],
  templateUrl: './review-inbox.component.html',
  styleUrl: './review-inbox.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewInboxComponent {
  private readonly api = inject(TasksApi);
  protected readonly msg = inject(MESSAGES);

  protected readonly filters = FILTERS;
  protected readonly taskLink = taskLink;
  protected readonly filter = signal<ReviewFilter>('pending');
  private readonly attempt = signal(0);
  private readonly request = computed(() => ({ review: this.filter(), attempt: this.attempt() }));

  protected readonly state = toSignal(
    toObservable(this.request).pipe(
      switchMap(({ review }) =>
        toLoadState(
          this.api.mine({ review }).pipe(
            map((list) => {
              const reviews = list.tasks.filter((task) => task.kind === 'review');
              // Pending: the oldest month first; returned and approved keep the API's latest-decision order.
              return review === 'pending' ? sortTasks(reviews) : reviews;
            }),
          ),
        ),
      ),
    ),
    { initialValue: LOADING as LoadState<Task[]> },
  );

  protected readonly tasks = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value : [];
  });

  protected readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  protected pick(filter: ReviewFilter): void {
    this.filter.set(filter);
  }

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }
}
