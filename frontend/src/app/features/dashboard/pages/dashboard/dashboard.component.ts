import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { type Observable, forkJoin, map } from 'rxjs';
import { FLAGGED_LIGHTS, type FlaggedLight, isFlagged, LEVEL1_NAMES, periodOf } from '@jixiao/domain';

import { DepartmentsApi } from '../../../../core/api/departments.api';
import type { ProjectSummary } from '../../../../core/api/departments.models';
import { ChartComponent } from '../../../../shared/chart/chart.component';
import {
  PageHeaderComponent,
  PeriodPickerComponent,
} from '../../../../shared/page-header/page-header.component';
import { indicatorAnchor } from '../../../../shared/goals/goal.models';
import { apiErrorMessage } from '../../../../shared/http/api-error';
import { AuthService } from '../../../../core/auth/auth.service';
import { BudgetInLocalePipe } from '../../../../shared/lights/budget-in-locale.pipe';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { LightBadgeComponent } from '../../../../shared/lights/light-badge.component';
import { LightCountsComponent } from '../../../../shared/lights/light-counts.component';
import { ProjectionComponent } from '../../../../shared/projection/projection.component';
import { LIGHT_COLORS, LIGHTS, type Light } from '../../../../shared/lights/light.models';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { departmentYearSelection } from '../../../../shared/state/department-year-selection';
import { readyValue, requestState } from '../../../../shared/state/request-state';
import { monthOf, monthsOf, parsePeriod } from '../../../../shared/time/period';
import {
  type AttainmentRow,
  type BudgetRow,
  attainmentOptions,
  barChartHeight,
  budgetPaceOptions,
  lightDonutOptions,
  onTrackShare,
  trendOptions,
} from '../../charts/dashboard-charts';
import { FirstStepsComponent } from '../../components/first-steps.component';
import { DashboardApi } from '../../dashboard.api';
import type {
  BudgetTotal,
  CityDashboard,
  DepartmentDashboard,
  DepartmentRollup,
  FlaggedIndicator,
  FlaggedRequest,
  FlaggedSort,
  OverdueReport,
} from '../../dashboard.models';

export type DashboardView = 'department' | 'city';

interface DashboardRequest {
  readonly view: DashboardView;
  /** The department of the department view; '' in the city view. */
  readonly code: string;
  readonly year: number;
  readonly asOf: string | null;
  readonly attempt: number;
}

type DashboardData =
  | {
      readonly view: 'department';
      readonly dashboard: DepartmentDashboard;
      readonly projects: ProjectSummary[];
    }
  | { readonly view: 'city'; readonly dashboard: CityDashboard };

const sameRequest = (a: DashboardRequest | null, b: DashboardRequest | null): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    a.view === b.view &&
    a.code === b.code &&
    a.year === b.year &&
    a.asOf === b.asOf &&
    a.attempt === b.attempt);

/** Which flagged indicators the list shows: all, one of libs/domain's flagged lights, or those projected to miss. */
type FlagFilter = 'all' | FlaggedLight | 'projectedMiss';

const FLAG_FILTERS: readonly FlagFilter[] = ['all', ...FLAGGED_LIGHTS, 'projectedMiss'];

const FLAGGED_SORTS: readonly FlaggedSort[] = ['worst', 'department', 'project'];

const sameFlaggedRequest = (a: FlaggedRequest | null, b: FlaggedRequest | null): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    a.year === b.year &&
    a.asOf === b.asOf &&
    a.department === b.department &&
    a.project === b.project &&
    a.lights.join() === b.lights.join() &&
    a.level1 === b.level1 &&
    a.sort === b.sort &&
    a.page === b.page &&
    a.pageSize === b.pageSize);

type RollupSort = (a: DepartmentRollup, b: DepartmentRollup) => number;

/** Sorts of the city's department table (nz-table sorts on the rows it already has). */
const ROLLUP_SORTS = {
  department: (a, b) => a.department.code.localeCompare(b.department.code),
  red: (a, b) => a.counts.red - b.counts.red,
  yellow: (a, b) => a.counts.yellow - b.counts.yellow,
  execution: (a, b) => (a.budget.rate ?? -1) - (b.budget.rate ?? -1),
  overdue: (a, b) => a.overdue - b.overdue,
  projectedMiss: (a, b) => a.projectedMiss - b.projectedMiss,
} satisfies Record<string, RollupSort>;

/**
 * 首页: the leadership's monthly view of 双监控 as of a month — indicators per light (counts and donut), the
 * monthly trend, attainment per project, budget execution against the time pace, the flagged indicators worst
 * first with their reason and a link to the indicator, and the overdue reports. `?view=city` rolls up every
 * department the user may read. Department, year, month and view live in the URL.
 */
@Component({
  selector: 'app-dashboard',
  imports: [
    BudgetInLocalePipe,
    SHARED_IMPORTS,
    ChartComponent,
    FirstStepsComponent,
    LightBadgeComponent,
    LightCountsComponent,
    PageHeaderComponent,
    PeriodPickerComponent,
    ProjectionComponent,
  ],
  templateUrl: './dashboard.component.html',
  styleUrl: './dashboard.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardComponent {
  private readonly dashboardApi = inject(DashboardApi);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly document = inject(DOCUMENT);
  protected readonly msg = inject(MESSAGES);
  protected readonly selection = departmentYearSelection();
  protected readonly lights = LIGHTS;
  protected readonly lightColors = LIGHT_COLORS;
  protected readonly flagFilters = FLAG_FILTERS;
  protected readonly views: readonly DashboardView[] = ['department', 'city'];

  protected readonly rollupSorts = ROLLUP_SORTS;
  protected readonly flaggedSorts = FLAGGED_SORTS;
  protected readonly flaggedLights = FLAGGED_LIGHTS;
  protected readonly level1Names = LEVEL1_NAMES;

  private readonly attempt = signal(0);
  protected readonly flagFilter = signal<FlagFilter>('all');

  /** The city's flagged list: filters, order and page, all applied by the server. */
  protected readonly cityDepartment = signal<string | null>(null);
  protected readonly cityProject = signal<string | null>(null);
  protected readonly cityLights = signal<readonly string[]>([]);
  protected readonly cityLevel1 = signal<string | null>(null);
  protected readonly citySort = signal<FlaggedSort>('worst');
  protected readonly cityPage = signal(1);
  protected readonly cityPageSize = signal(20);

  protected readonly view = computed<DashboardView>(() =>
    this.selection.queryParams().get('view') === 'city' ? 'city' : 'department',
  );

  /** The city view spans departments: any year one of them has. */
  protected readonly years = computed(() =>
    this.view() === 'city' ? this.selection.allYears() : this.selection.years(),
  );

  protected readonly year = computed(() => {
    if (this.view() === 'department') return this.selection.year();
    const requested = Number(this.selection.queryParams().get('year'));
    const years = this.years();
    if (years.includes(requested)) return requested;
    // The latest year any department is monitoring (a year still in preparation does not count).
    const current = this.selection
      .list()
      .map((department) => department.currentYear)
      .filter((year): year is number => year !== null);
    return current.length ? Math.max(...current) : (years[0] ?? null);
  });

  protected readonly months = computed(() => {
    const year = this.year();
    return year === null ? [] : monthsOf(year);
  });

  private readonly request = computed<DashboardRequest | null>(
    () => {
      const view = this.view();
      const year = this.year();
      const department = this.selection.department();
      if (year === null || (view === 'department' && !department)) return null;
      return {
        view,
        code: view === 'department' ? (department?.code ?? '') : '',
        year,
        asOf: parsePeriod(this.selection.queryParams().get('asOf'), year),
        attempt: this.attempt(),
      };
    },
    { equal: sameRequest },
  );

  protected readonly state = requestState(this.request, (request) => this.load(request));
  protected readonly data = computed(() => readyValue(this.state()));
  protected readonly dashboard = computed(() => this.data()?.dashboard ?? null);
  protected readonly departmentDashboard = computed(() => {
    const data = this.data();
    return data?.view === 'department' ? data.dashboard : null;
  });
  protected readonly cityDashboard = computed(() => {
    const data = this.data();
    return data?.view === 'city' ? data.dashboard : null;
  });
  /** The budget total of either view. */
  protected readonly budgetTotal = computed<BudgetTotal | null>(() => {
    const data = this.data();
    if (!data) return null;
    return data.view === 'city' ? data.dashboard.budget : data.dashboard.budget.total;
  });
  protected readonly overdueCount = computed(() => {
    const data = this.data();
    if (!data) return 0;
    return data.view === 'city' ? data.dashboard.overdue : data.dashboard.overdue.length;
  });

  private readonly flaggedRequest = computed<FlaggedRequest | null>(
    () => {
      const city = this.cityDashboard();
      if (!city) return null;
      return {
        year: city.year,
        asOf: city.asOf,
        department: this.cityDepartment(),
        project: this.cityProject(),
        lights: this.cityLights(),
        level1: this.cityLevel1(),
        sort: this.citySort(),
        page: this.cityPage(),
        pageSize: this.cityPageSize(),
      };
    },
    { equal: sameFlaggedRequest },
  );
  protected readonly cityFlaggedState = requestState(this.flaggedRequest, (request) =>
    this.dashboardApi.flagged(request),
  );
  /** The page shown: the last answer while the next one loads, so the table does not jump. */
  private lastFlaggedPage: { items: FlaggedIndicator[]; total: number } = { items: [], total: 0 };
  protected readonly cityFlagged = computed(() => {
    const state = this.cityFlaggedState();
    if (state?.status === 'ready') this.lastFlaggedPage = state.value;
    return this.lastFlaggedPage;
  });
  protected readonly cityFlaggedLoading = computed(() => this.cityFlaggedState()?.status === 'loading');
  protected readonly cityFlaggedError = computed(() => {
    const state = this.cityFlaggedState();
    return state?.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  private readonly projectsRequest = computed(
    () => {
      const city = this.cityDashboard();
      const code = this.cityDepartment();
      return city && code ? { code, year: city.year, asOf: city.asOf } : null;
    },
    {
      equal: (a, b) => a === b || (!!a && !!b && a.code === b.code && a.year === b.year && a.asOf === b.asOf),
    },
  );
  private readonly cityProjectsState = requestState(this.projectsRequest, (request) =>
    this.departmentsApi.projects(request.code, request.year, request.asOf),
  );
  /** The chosen department's projects, for the project filter. */
  protected readonly cityProjects = computed(() => readyValue(this.cityProjectsState()) ?? []);

  private readonly auth = inject(AuthService);
  /** The month's printable leadership digest (领导月度摘要), for those who may read it. */
  protected readonly digestLink = computed(() => {
    const dashboard = this.departmentDashboard();
    const role = this.auth.user()?.role;
    if (!dashboard || role === undefined || role === 'lead') return null;
    return ['/digest', dashboard.department.code, dashboard.asOf];
  });

  protected readonly errorMessage = computed(() => {
    const state = this.state();
    return state?.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });
  protected readonly departmentsError = computed(() => {
    const state = this.selection.departments();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  /** What the page is about, e.g. the department's name or 全市（2 个部门）. */
  protected readonly scopeName = computed(() => {
    const data = this.data();
    if (!data) return '';
    return data.view === 'department'
      ? data.dashboard.department.name
      : this.msg.dashboard.cityScope(data.dashboard.departments.length);
  });

  protected readonly donut = computed(() => {
    const dashboard = this.dashboard();
    return dashboard ? lightDonutOptions(dashboard.counts, this.msg) : null;
  });
  protected readonly donutLabel = computed(() => {
    const counts = this.dashboard()?.counts;
    if (!counts) return '';
    return this.msg.dashboard.charts.donutLabel(
      counts.total,
      this.lights.map((light) => this.msg.goals.count(this.msg.monitoring.lights[light], counts[light])),
    );
  });

  protected readonly trend = computed(() => {
    const dashboard = this.dashboard();
    return dashboard ? trendOptions(dashboard.trend, this.msg) : null;
  });
  protected readonly trendLabel = computed(() => {
    const last = this.dashboard()?.trend.at(-1);
    return last
      ? this.msg.dashboard.charts.trendLabel(
          this.msg.monitoring.month(monthOf(last.period)),
          this.lights.map((light) => this.msg.goals.count(this.msg.monitoring.lights[light], last[light])),
        )
      : '';
  });

  protected readonly attainmentRows = computed<AttainmentRow[]>(() => {
    const data = this.data();
    if (!data) return [];
    const rows =
      data.view === 'department'
        ? data.projects.map((project) => ({ name: project.name, counts: project.lightSummary }))
        : data.dashboard.departments.map((rollup) => ({
            name: rollup.department.name,
            counts: rollup.counts,
          }));
    // Projects without monitored indicators have nothing to attain.
    return rows.filter((row) => row.counts.total > 0);
  });
  protected readonly attainment = computed(() => attainmentOptions(this.attainmentRows(), this.msg));
  protected readonly attainmentLabel = computed(() =>
    this.msg.dashboard.charts.attainmentLabel(
      this.attainmentRows().map((row) =>
        this.msg.dashboard.charts.onTrackOf(row.name, Math.round(onTrackShare(row.counts))),
      ),
    ),
  );

  protected readonly budgetRows = computed<BudgetRow[]>(() => {
    const data = this.data();
    if (!data) return [];
    return data.view === 'department'
      ? data.dashboard.budget.projects.map((project) => ({
          name: project.projectName,
          rate: project.rate,
          light: project.light,
          executedYuan: project.executedYuan,
          budgetYuan: project.budgetYuan,
        }))
      : data.dashboard.departments.map((rollup) => ({
          name: rollup.department.name,
          rate: rollup.budget.rate,
          light: rollup.budget.light,
          executedYuan: rollup.budget.executedYuan,
          budgetYuan: rollup.budget.budgetYuan,
        }));
  });
  /** 双监控 warnings of the projects, when the department-year's rules set a gap (docs/domain.md "Rules as settings"). */
  protected readonly dualWarnings = computed(() => {
    const data = this.data();
    if (!data || data.view !== 'department') return [];
    return data.dashboard.budget.projects
      .filter((project) => project.dualWarning)
      .map((project) => ({
        id: project.projectId,
        text: this.msg.dashboard.charts.dualWarning(project.projectName, project.dualWarning as string),
      }));
  });

  protected readonly budgetChart = computed(() => {
    const dashboard = this.dashboard();
    const total = this.budgetTotal();
    return dashboard && total ? budgetPaceOptions(this.budgetRows(), total.pace, this.msg) : null;
  });
  protected readonly budgetLabel = computed(() => {
    const total = this.budgetTotal();
    if (!total) return '';
    return this.msg.dashboard.charts.budgetLabel(
      total.pace,
      this.budgetRows().map((row) =>
        row.rate === null
          ? this.msg.dashboard.charts.rateOfMissing(row.name)
          : this.msg.dashboard.charts.rateOf(row.name, Math.round(row.rate * 10) / 10),
      ),
    );
  });

  protected readonly attainmentHeight = computed(() => barChartHeight(this.attainmentRows().length));
  protected readonly budgetHeight = computed(() => barChartHeight(this.budgetRows().length));

  protected readonly flagCounts = computed(() => {
    const flagged = this.departmentDashboard()?.flagged ?? [];
    const counts: Record<FlagFilter, number> = {
      all: flagged.length,
      red: 0,
      yellow: 0,
      undetermined: 0,
      grey: 0,
      projectedMiss: this.departmentDashboard()?.projectedMiss ?? 0,
    };
    for (const item of flagged) if (isFlagged(item.light)) counts[item.light]++;
    return counts;
  });
  protected readonly flagged = computed(() => {
    const filter = this.flagFilter();
    if (filter === 'projectedMiss') return this.projectedMisses();
    const flagged = this.departmentDashboard()?.flagged ?? [];
    return filter === 'all' ? flagged : flagged.filter((item) => item.light === filter);
  });
  /** 预计年末未达标: indicators whose projected year-end value would earn red or yellow, whatever today's light. */
  protected readonly projectedMisses = computed(() => this.departmentDashboard()?.projectedMisses ?? []);

  protected readonly overdue = computed(() => this.departmentDashboard()?.overdue ?? []);

  protected readonly cityDepartments = computed(() => {
    const data = this.data();
    return data?.view === 'city' ? data.dashboard.departments : [];
  });

  /** A filter or the order of the city's flagged list changed: back to its first page. */
  protected filterCity(change: () => void): void {
    change();
    this.cityPage.set(1);
  }

  protected selectCityDepartment(code: string | null): void {
    this.filterCity(() => {
      this.cityDepartment.set(code);
      this.cityProject.set(null);
    });
  }

  protected selectCityPageSize(size: number): void {
    this.filterCity(() => this.cityPageSize.set(size));
  }

  protected selectView(view: DashboardView): void {
    this.selection.navigate({ view: view === 'city' ? 'city' : null });
  }

  protected selectYear(year: number): void {
    this.selection.navigate({ year, asOf: null });
  }

  protected selectMonth(month: number): void {
    const year = this.year();
    if (year !== null) this.selection.navigate({ asOf: periodOf(year, month) });
  }

  protected monthOfPeriod(period: string): number {
    return monthOf(period);
  }

  protected lightFilterLabel(filter: FlagFilter): string {
    const counts = this.flagCounts();
    if (filter === 'all') return this.msg.dashboard.flagged.all(counts.all);
    if (filter === 'projectedMiss') return this.msg.dashboard.flagged.projectedMiss(counts.projectedMiss);
    return this.msg.goals.count(this.msg.monitoring.lights[filter as Light], counts[filter]);
  }

  /** Where a flagged indicator is shown: its project (or 部门整体), scrolled to its row. */
  protected indicatorLink(item: FlaggedIndicator): {
    commands: unknown[];
    queryParams: object;
    fragment: string;
  } {
    const asOf = this.dashboard()?.asOf ?? null;
    const fragment = indicatorAnchor(item.indicatorId);
    return item.projectId
      ? { commands: ['/projects', item.projectId], queryParams: { asOf }, fragment }
      : {
          commands: ['/overall'],
          queryParams: { department: item.department.code, year: this.dashboard()?.year, asOf },
          fragment,
        };
  }

  protected reportLink(item: OverdueReport): { commands: unknown[]; queryParams: object } {
    return item.projectId
      ? { commands: ['/projects', item.projectId], queryParams: { asOf: item.period } }
      : {
          commands: ['/overall'],
          queryParams: { department: item.department.code, year: this.dashboard()?.year, asOf: item.period },
        };
  }

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  private load(request: DashboardRequest): Observable<DashboardData> {
    if (request.view === 'city') {
      return this.dashboardApi
        .city(request.year, request.asOf)
        .pipe(map((dashboard) => ({ view: 'city' as const, dashboard })));
    }
    return forkJoin({
      dashboard: this.dashboardApi.department(request.code, request.year, request.asOf),
      projects: this.departmentsApi.projects(request.code, request.year, request.asOf),
    }).pipe(map(({ dashboard, projects }) => ({ view: 'department' as const, dashboard, projects })));
  }
}
