import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { EMPTY, map, switchMap } from 'rxjs';

import { apiErrorMessage } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { type DepartmentSummary, type ProjectSummary, ProjectsApi } from '../../projects.api';

interface ProjectsRequest {
  readonly departmentCode: string;
  readonly year: number;
  /** Bumped by "retry", so the same department and year load again. */
  readonly attempt: number;
}

const sameRequest = (a: ProjectsRequest | null, b: ProjectsRequest | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.departmentCode === b.departmentCode &&
    a.year === b.year &&
    a.attempt === b.attempt);

/**
 * Departments the API knows and, for the selected department and year, their projects with this year's
 * budget. The selection lives in the URL (?department=031&year=2025) so it survives reloads and can be shared;
 * without it the first department and its latest year are shown.
 */
@Component({
  selector: 'app-project-list',
  imports: [SHARED_IMPORTS],
  templateUrl: './project-list.component.html',
  styleUrl: './project-list.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectListComponent {
  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly msg = inject(MESSAGES);

  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  private readonly departmentsAttempt = signal(0);
  private readonly projectsAttempt = signal(0);

  protected readonly departments = toSignal(
    toObservable(this.departmentsAttempt).pipe(switchMap(() => toLoadState(this.api.departments()))),
    { initialValue: LOADING as LoadState<DepartmentSummary[]> },
  );

  protected readonly departmentList = computed(() => {
    const state = this.departments();
    return state.status === 'ready' ? state.value : [];
  });

  protected readonly selectedDepartment = computed(() => {
    const list = this.departmentList();
    const requested = this.queryParams().get('department');
    return list.find((department) => department.code === requested) ?? list[0] ?? null;
  });

  /** Latest first: the year people work on is the current one. */
  protected readonly years = computed(() =>
    [...(this.selectedDepartment()?.years ?? [])].sort((a, b) => b - a),
  );

  protected readonly selectedYear = computed(() => {
    const years = this.years();
    const requested = Number(this.queryParams().get('year'));
    return years.includes(requested) ? requested : (years[0] ?? null);
  });

  private readonly projectsRequest = computed<ProjectsRequest | null>(
    () => {
      const department = this.selectedDepartment();
      const year = this.selectedYear();
      return department && year !== null
        ? { departmentCode: department.code, year, attempt: this.projectsAttempt() }
        : null;
    },
    { equal: sameRequest },
  );

  private readonly projectsResponse = toSignal(
    toObservable(this.projectsRequest).pipe(
      switchMap((request) =>
        request
          ? toLoadState(this.api.projects(request.departmentCode, request.year)).pipe(
              map((state) => ({ request, state })),
            )
          : EMPTY,
      ),
    ),
    { initialValue: null },
  );

  /** Loading until the answer for the current selection arrives, never the previous selection's rows. */
  protected readonly projects = computed<LoadState<ProjectSummary[]>>(() => {
    const response = this.projectsResponse();
    return response && response.request === this.projectsRequest() ? response.state : LOADING;
  });

  protected readonly projectRows = computed(() => {
    const state = this.projects();
    return state.status === 'ready' ? state.value : [];
  });

  protected readonly budgetTotal = computed(() =>
    this.projectRows().reduce((sum, project) => sum + project.budget, 0),
  );

  protected readonly departmentsError = computed(() => {
    const state = this.departments();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  protected readonly projectsError = computed(() => {
    const state = this.projects();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  protected selectDepartment(code: string): void {
    // A department's own latest year applies; the previous department's year may not exist for it.
    this.navigate({ department: code, year: null });
  }

  protected selectYear(year: number): void {
    this.navigate({ department: this.selectedDepartment()?.code ?? null, year });
  }

  protected retryDepartments(): void {
    this.departmentsAttempt.update((attempt) => attempt + 1);
  }

  protected retryProjects(): void {
    this.projectsAttempt.update((attempt) => attempt + 1);
  }

  private navigate(queryParams: { department: string | null; year: number | null }): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
