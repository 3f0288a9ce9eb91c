import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { forkJoin, map, of, switchMap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { RemindersStore, taskLink } from '../../../reminders/reminders.store';
import { type ProjectRef, ReportsApi } from '../../reports.api';
import { periodOf } from '@jixiao/domain';

interface Assigned {
  readonly code: string;
  readonly year: number;
  readonly projects: readonly ProjectRef[];
  /** The user reports the department-wide goals (部门整体): an admin, or the designated reporter. */
  readonly overall: boolean;
}

/** The picker's choice standing for the department-wide goals instead of a project. */
export const OVERALL_CHOICE = 'overall';

/** The month people report on: this month in the current year, December for a past year. */
export function defaultMonth(year: number, now: Date = new Date()): number {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
  const currentYear = Number(today.slice(0, 4));
  if (year < currentYear) return 12;
  if (year > currentYear) return 1;
  return Number(today.slice(5, 7));
}

/**
 * 填报 start: the lead picks one of their projects and a month, or opens a task (due, overdue, returned); the
 * department-wide goals' reporter (an admin, or a designated lead) picks 部门整体 the same way.
 */
@Component({
  selector: 'app-report-picker',
  imports: [SHARED_IMPORTS],
  templateUrl: './report-picker.component.html',
  styleUrl: './report-picker.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPickerComponent {
  private readonly api = inject(ReportsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly reminders = inject(RemindersStore);
  protected readonly msg = inject(MESSAGES);

  private readonly attempt = signal(0);
  protected readonly months = Array.from({ length: 12 }, (_, index) => index + 1);
  protected readonly taskLink = taskLink;

  /** The lead's projects in the latest year of their department (null: no department data). */
  protected readonly assigned = toSignal(
    toObservable(this.attempt).pipe(
      switchMap(() =>
        toLoadState(
          this.api.departments().pipe(
            switchMap((departments) => {
              const department = departments[0];
              const year = department ? Math.max(...department.years) : null;
              if (!department || year === null || !Number.isFinite(year)) return of(null);
              const user = this.auth.user();
              return forkJoin({
                projects: this.api.projects(department.code, year),
                reporter: this.api.reporter(department.code, year),
              }).pipe(
                map(({ projects, reporter }): Assigned => ({
                  code: department.code,
                  year,
                  projects: projects.filter((project) => project.leads.some((lead) => lead.id === user?.id)),
                  overall: user?.role === 'admin' || (!!user && reporter.reporter?.id === user.id),
                })),
              );
            }),
          ),
        ),
      ),
    ),
    { initialValue: LOADING as LoadState<Assigned | null> },
  );

  protected readonly error = computed(() => {
    const state = this.assigned();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  protected readonly projects = computed(() => {
    const state = this.assigned();
    return state.status === 'ready' ? (state.value?.projects ?? []) : [];
  });

  protected readonly overall = computed(() => {
    const state = this.assigned();
    return state.status === 'ready' && (state.value?.overall ?? false);
  });

  protected readonly overallChoice = OVERALL_CHOICE;

  protected readonly year = computed(() => {
    const state = this.assigned();
    return state.status === 'ready' ? (state.value?.year ?? null) : null;
  });

  protected readonly projectId = linkedSignal(
    () => this.projects()[0]?.id ?? (this.overall() ? OVERALL_CHOICE : null),
  );
  protected readonly month = linkedSignal(() => {
    const year = this.year();
    return year === null ? 12 : defaultMonth(year);
  });

  protected readonly tasks = computed(() => this.reminders.tasks().filter((task) => task.kind !== 'review'));

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected open(): void {
    const projectId = this.projectId();
    const year = this.year();
    const state = this.assigned();
    if (!projectId || year === null || state.status !== 'ready' || !state.value) return;
    const unit = projectId === OVERALL_CHOICE ? [OVERALL_CHOICE, state.value.code] : [projectId];
    void this.router.navigate(['/reports', ...unit, periodOf(year, this.month())]);
  }
}
