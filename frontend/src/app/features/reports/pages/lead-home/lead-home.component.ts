import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';

import { apiErrorMessage } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { readyValue, requestState } from '../../../../shared/state/request-state';
import { monthOf } from '../../../../shared/time/period';
import { type MyProject, type MyProjectMonth, MyProjectsApi } from '../../my-projects.api';

/** What a month of a project means to its lead: 待填报 / 草稿 / 已提交 / 已退回 / 已审核通过. */
export type MonthState = 'todo' | NonNullable<MyProjectMonth['status']>;

export const monthState = (month: MyProjectMonth): MonthState => month.status ?? 'todo';

/** Months still the lead's to write (the entry grid is editable): nothing yet, a draft, or returned. */
const OPEN: ReadonlySet<MonthState> = new Set(['todo', 'draft', 'returned']);

interface HomeRequest {
  readonly year: number | null;
  readonly attempt: number;
}

/**
 * 我的项目, the lead's home and the 填报 entry: each assigned project with this month's state (to do, draft,
 * submitted, returned with the reason, approved; overdue flagged) and one click to its form, and every month
 * of the year with its state, so a submitted or approved month can be opened again.
 */
@Component({
  selector: 'app-lead-home',
  imports: [SHARED_IMPORTS],
  templateUrl: './lead-home.component.html',
  styleUrl: './lead-home.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeadHomeComponent {
  private readonly api = inject(MyProjectsApi);
  protected readonly msg = inject(MESSAGES);

  protected readonly year = signal<number | null>(null);
  private readonly attempt = signal(0);
  private readonly request = computed<HomeRequest>(() => ({ year: this.year(), attempt: this.attempt() }), {
    equal: (a, b) => a.year === b.year && a.attempt === b.attempt,
  });

  protected readonly state = requestState(this.request, (request) => this.api.mine(request.year));
  protected readonly home = computed(() => readyValue(this.state()));

  protected readonly error = computed(() => {
    const state = this.state();
    return state?.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  /** Across the projects: this month still to do or in; months returned and months late, whichever month. */
  protected readonly summary = computed(() => {
    const projects = this.home()?.projects ?? [];
    const states = projects.map((project) => monthState(project.current));
    const months = projects.flatMap((project) => project.months);
    return {
      todo: states.filter((state) => state === 'todo' || state === 'draft').length,
      returned: months.filter((month) => month.status === 'returned').length,
      overdue: months.filter((month) => month.overdue).length,
      done: states.filter((state) => state === 'submitted' || state === 'approved').length,
    };
  });

  protected readonly stateOf = monthState;

  /** A project's id; the department-wide goals (部门整体, docs/domain.md §11) by their department. */
  protected keyOf(project: MyProject): string {
    return project.projectId ?? `overall-${project.department.code}`;
  }

  protected nameOf(project: MyProject): string {
    return project.overall ? this.msg.leadHome.overallName(project.projectName) : project.projectName;
  }

  /** The month's form: the project's, or the department-wide goals' (same entry page). */
  protected formOf(project: MyProject, period: string): string[] {
    return project.projectId === null
      ? ['/reports', 'overall', project.department.code, period]
      : ['/reports', project.projectId, period];
  }

  protected pageOf(project: MyProject): string[] {
    return project.projectId === null ? ['/overall'] : ['/projects', project.projectId];
  }

  protected pageQuery(project: MyProject): Record<string, string> {
    return project.projectId === null
      ? {
          department: project.department.code,
          year: project.current.period.slice(0, 4),
          asOf: project.current.period,
        }
      : { asOf: project.current.period };
  }

  protected monthLabel(period: string): string {
    return this.msg.monitoring.month(monthOf(period));
  }

  protected periodLabel(period: string): string {
    return this.msg.monitoring.period(period);
  }

  /** The month's button: fill an open month, revise a returned one, view what is in. */
  protected action(month: MyProjectMonth): string {
    const state = monthState(month);
    const label = this.monthLabel(month.period);
    if (state === 'returned') return this.msg.leadHome.revise(label);
    return OPEN.has(state) ? this.msg.leadHome.fill(label) : this.msg.leadHome.view(label);
  }

  protected isOpen(month: MyProjectMonth): boolean {
    return OPEN.has(monthState(month));
  }

  protected monthTitle(month: MyProjectMonth): string {
    const state = month.started
      ? this.msg.leadHome.states[monthState(month)] + (month.overdue ? `，${this.msg.leadHome.overdue}` : '')
      : this.msg.leadHome.notStarted;
    return this.msg.leadHome.monthTitle(this.periodLabel(month.period), state);
  }

  protected selectYear(year: number): void {
    this.year.set(year);
  }

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }
}
