import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { map, switchMap } from 'rxjs';

import { apiErrorMessage } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { sortTasks } from '../../../reminders/reminders.store';
import { type Task, TasksApi } from '../../../reminders/tasks.api';

/** 审核 inbox: the months leads submitted in the leader's department, oldest submission first. */
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

  private readonly attempt = signal(0);

  protected readonly state = toSignal(
    toObservable(this.attempt).pipe(
      switchMap(() =>
        toLoadState(
          this.api.mine().pipe(map((list) => sortTasks(list.tasks.filter((task) => task.kind === 'review')))),
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

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }
}
