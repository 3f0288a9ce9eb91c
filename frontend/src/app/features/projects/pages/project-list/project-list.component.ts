import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { NzInputModule } from 'ng-zorro-antd/input';
import { switchMap } from 'rxjs';

import { DepartmentsApi } from '../../../../core/api/departments.api';
import type { DepartmentSummary, ProjectSummary } from '../../../../core/api/departments.models';
import { apiErrorMessage } from '../../../../shared/http/api-error';
import {
  PageHeaderComponent,
  PeriodPickerComponent,
} from '../../../../shared/page-header/page-header.component';
import { BudgetInLocalePipe } from '../../../../shared/lights/budget-in-locale.pipe';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { LightBadgeComponent } from '../../../../shared/lights/light-badge.component';
import { LightCountsComponent } from '../../../../shared/lights/light-counts.component';
import { LIGHTS, type Light, compareLights } from '../../../../shared/lights/light.models';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { readyValue, requestState } from '../../../../shared/state/request-state';
import { monthOf, monthsOf, parsePeriod, periodOf } from '../../../../shared/time/period';

interface ProjectsRequest {
  readonly departmentCode: string;
  readonly year: number;
  /** 截至月份; null lets the API take the year's current month. */
  readonly asOf: string | null;
  /** Bumped by "retry", so the same department and year load again. */
  readonly attempt: number;
}

const sameRequest = (a: ProjectsRequest | null, b: ProjectsRequest | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.departmentCode === b.departmentCode &&
    a.year === b.year &&
    a.asOf === b.asOf &&
    a.attempt === b.attempt);

/** 'none' filters the projects without monitored indicators (no light). */
type LightFilter = Light | 'none';

const LIGHT_FILTERS: readonly LightFilter[] = [...LIGHTS, 'none'];

type FilterKey = 'q' | 'light' | 'category' | 'lead';

/**
 * Departments the API knows and, for the selected department and year, their projects with budget, leads,
 * lights, budget execution and last report as of a month, searchable by name or code and filtered by light,
 * category and lead. Selection and filters live in the URL (?department=031&year=2025&asOf=2025-06&q=…&light=red…)
 * so they survive reloads and can be shared; without them the first department, its latest year and the API's
 * default month are shown.
 */
@Component({
  selector: 'app-project-list',
  imports: [
    BudgetInLocalePipe,
    SHARED_IMPORTS,
    NzInputModule,
    LightBadgeComponent,
    LightCountsComponent,
    PageHeaderComponent,
    PeriodPickerComponent,
  ],
  templateUrl: './project-list.component.html',
  styleUrl: './project-list.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectListComponent {
  private readonly api = inject(DepartmentsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly msg = inject(MESSAGES);
  protected readonly lightFilters = LIGHT_FILTERS;

  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  private readonly departmentsAttempt = signal(0);
  private readonly projectsAttempt = signal(0);

  protected readonly departments = toSignal(
    toObservable(this.departmentsAttempt).pipe(switchMap(() => toLoadState(this.api.list()))),
    { initialValue: LOADING as LoadState<DepartmentSummary[]> },
  );

  protected readonly departmentList = computed(() => readyValue(this.departments()) ?? []);

  protected readonly selectedDepartment = computed(() => {
    const list = this.departmentList();
    const requested = this.queryParams().get('department');
    return list.find((department) => department.code === requested) ?? list.at(0) ?? null;
  });

  /** Latest first: the year people work on is the current one. */
  protected readonly years = computed(() =>
    [...(this.selectedDepartment()?.years ?? [])].sort((a, b) => b - a),
  );

  protected readonly selectedYear = computed(() => {
    const years = this.years();
    const requested = Number(this.queryParams().get('year'));
    if (years.includes(requested)) return requested;
    // The year being monitored, not a next year still in preparation (结转 creates it ahead of time).
    return this.selectedDepartment()?.currentYear ?? years[0] ?? null;
  });

  /** The month asked for in the URL, if it belongs to the year. */
  private readonly asOf = computed(() => {
    const year = this.selectedYear();
    return year === null ? null : parsePeriod(this.queryParams().get('asOf'), year);
  });

  protected readonly months = computed(() => {
    const year = this.selectedYear();
    return year === null ? [] : monthsOf(year);
  });

  /** The month shown: the one asked for, else the API's default (the year's current month, December if past). */
  protected readonly selectedMonth = computed(() => {
    const asOf = this.asOf();
    return asOf ? monthOf(asOf) : (this.months().at(-1) ?? null);
  });

  /** A project's detail opens at the month of the list. */
  protected readonly detailQuery = computed(() => ({ asOf: this.asOf() }));

  private readonly projectsRequest = computed<ProjectsRequest | null>(
    () => {
      const department = this.selectedDepartment();
      const year = this.selectedYear();
      return department && year !== null
        ? { departmentCode: department.code, year, asOf: this.asOf(), attempt: this.projectsAttempt() }
        : null;
    },
    { equal: sameRequest },
  );

  private readonly projectsState = requestState(this.projectsRequest, (request) =>
    this.api.projects(request.departmentCode, request.year, request.asOf),
  );

  /** Loading until the answer for the current selection arrives, never the previous selection's rows. */
  protected readonly projects = computed<LoadState<ProjectSummary[]>>(() => this.projectsState() ?? LOADING);

  protected readonly allProjects = computed(() => readyValue(this.projects()) ?? []);

  // Filters, read from the URL.
  protected readonly query = computed(() => this.queryParams().get('q') ?? '');
  protected readonly lightFilter = computed(() => {
    const value = this.queryParams().get('light');
    return LIGHT_FILTERS.find((filter) => filter === value) ?? null;
  });
  protected readonly categoryFilter = computed(() => this.queryParams().get('category'));
  protected readonly leadFilter = computed(() => this.queryParams().get('lead'));
  protected readonly filtering = computed(
    () => !!this.query().trim() || !!this.lightFilter() || !!this.categoryFilter() || !!this.leadFilter(),
  );

  protected readonly categories = computed(() =>
    [...new Set(this.allProjects().flatMap((project) => (project.category ? [project.category] : [])))].sort(
      (a, b) => a.localeCompare(b, 'zh-CN'),
    ),
  );

  protected readonly leads = computed(() => {
    const byUsername = new Map(
      this.allProjects().flatMap((project) => project.leads.map((lead) => [lead.username, lead] as const)),
    );
    return [...byUsername.values()].sort((a, b) => a.username.localeCompare(b.username));
  });

  protected readonly projectRows = computed(() => {
    const words = this.query().trim().toLowerCase();
    const light = this.lightFilter();
    const category = this.categoryFilter();
    const lead = this.leadFilter();
    return this.allProjects().filter(
      (project) =>
        (!words ||
          project.name.toLowerCase().includes(words) ||
          (project.code ?? '').toLowerCase().includes(words)) &&
        (!light || (light === 'none' ? project.projectLight === null : project.projectLight === light)) &&
        (!category || project.category === category) &&
        (!lead || project.leads.some((assigned) => assigned.username === lead)),
    );
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

  protected readonly sortByLight = (a: ProjectSummary, b: ProjectSummary): number =>
    compareLights(a.projectLight, b.projectLight);
  protected readonly sortByBudget = (a: ProjectSummary, b: ProjectSummary): number => a.budget - b.budget;
  protected readonly sortByExecution = (a: ProjectSummary, b: ProjectSummary): number =>
    (a.budgetExecution.rate ?? -1) - (b.budgetExecution.rate ?? -1);

  protected leadNames(project: ProjectSummary): string {
    return this.msg.format.list(project.leads.map((lead) => lead.displayName));
  }

  protected selectDepartment(code: string): void {
    // A department's own latest year applies; the previous department's year may not exist for it. The
    // filters belong to the previous list.
    this.navigate({
      department: code,
      year: null,
      asOf: null,
      q: null,
      light: null,
      category: null,
      lead: null,
    });
  }

  protected selectYear(year: number): void {
    this.navigate({ department: this.selectedDepartment()?.code ?? null, year, asOf: null });
  }

  protected selectMonth(month: number): void {
    const year = this.selectedYear();
    if (year !== null) this.navigate({ asOf: periodOf(year, month) });
  }

  protected filter(key: FilterKey, value: string | null): void {
    this.navigate({ [key]: value?.trim() ? value : null }, true);
  }

  protected clearFilters(): void {
    this.navigate({ q: null, light: null, category: null, lead: null }, true);
  }

  protected retryDepartments(): void {
    this.departmentsAttempt.update((attempt) => attempt + 1);
  }

  protected retryProjects(): void {
    this.projectsAttempt.update((attempt) => attempt + 1);
  }

  private navigate(queryParams: Record<string, string | number | null>, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }
}
