import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { DatePipe } from '@angular/common';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { AuthService } from '../../../../core/auth/auth.service';
import { MonitoringFormDownloadsComponent } from '../../../../shared/files/monitoring-form-downloads.component';
import { GoalTreeComponent } from '../../../../shared/goals/goal-tree.component';
import { TreeEditorComponent } from '../../../../shared/goals/tree-editor/tree-editor.component';
import { scrollToIndicator } from '../../../../shared/goals/scroll-to-indicator';
import { apiErrorMessage } from '../../../../shared/http/api-error';
import { BudgetInLocalePipe } from '../../../../shared/lights/budget-in-locale.pipe';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { TreeLifecycleComponent } from '../../../../shared/lifecycle/tree-lifecycle.component';
import type { TreeScope } from '../../../../shared/lifecycle/lifecycle.api';
import { LightBadgeComponent } from '../../../../shared/lights/light-badge.component';
import { LightCountsComponent } from '../../../../shared/lights/light-counts.component';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { readyValue, requestState } from '../../../../shared/state/request-state';
import { monthOf, monthsOf, parsePeriod, periodOf } from '../../../../shared/time/period';
import type { BudgetExecutionPeriod, ProjectDetail, ReportPeriod } from '../../project.models';
import { ProjectsApi } from '../../projects.api';

interface DetailRequest {
  readonly id: string;
  readonly asOf: string | null;
  readonly attempt: number;
}

const sameRequest = (a: DetailRequest | null, b: DetailRequest | null): boolean =>
  a === b || (!!a && !!b && a.id === b.id && a.asOf === b.asOf && a.attempt === b.attempt);

/** A month of the 监控记录: the report's workflow state and the budget execution reported for it. */
interface MonitoringRow {
  readonly report: ReportPeriod;
  readonly execution: BudgetExecutionPeriod | null;
}

const TAB_ANNUAL = 0;
const TAB_LONG = 1;

/**
 * 项目 detail: the 表12 header, the goals of both terms with their indicator trees and lights as of a month,
 * the budget tables and the monitoring history. `?asOf=YYYY-MM` picks the month; a `#indicator-<id>` fragment
 * (from the dashboard) opens the indicator's tab, scrolls to it and marks it.
 */
@Component({
  selector: 'app-project-detail',
  imports: [
    BudgetInLocalePipe,
    SHARED_IMPORTS,
    DatePipe,
    NzTabsModule,
    GoalTreeComponent,
    TreeEditorComponent,
    LightBadgeComponent,
    LightCountsComponent,
    MonitoringFormDownloadsComponent,
    TreeLifecycleComponent,
  ],
  templateUrl: './project-detail.component.html',
  styleUrl: './project-detail.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectDetailComponent {
  private readonly api = inject(ProjectsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  protected readonly msg = inject(MESSAGES);

  private readonly paramMap = toSignal(this.route.paramMap, { requireSync: true });
  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  private readonly fragment = toSignal(this.route.fragment, { initialValue: null });
  private readonly attempt = signal(0);

  private readonly request = computed<DetailRequest | null>(
    () => {
      const id = this.paramMap().get('id');
      return id ? { id, asOf: parsePeriod(this.queryParams().get('asOf')), attempt: this.attempt() } : null;
    },
    { equal: sameRequest },
  );

  protected readonly state = requestState(this.request, (request) =>
    this.api.project(request.id, request.asOf),
  );
  /** The project as the tree editor reloaded it after a save (kept on screen meanwhile); reset by a new request. */
  private readonly reloaded = linkedSignal<DetailRequest | null, ProjectDetail | null>({
    source: this.request,
    computation: () => null,
  });
  protected readonly detail = computed(() => this.reloaded() ?? readyValue(this.state()));

  /** Edit mode of the indicator trees (docs/domain.md, "Editing the trees"). */
  protected readonly editing = signal(false);

  /** The admin, or a lead assigned to the project, while it is not archived (the server decides again). */
  protected readonly canEditTree = computed(() => {
    const user = this.auth.user();
    const detail = this.detail();
    if (!user || !detail || detail.archived) return false;
    // The admin corrects any tree (audited); a lead writes only while the tree is a draft, then through 调整.
    return (
      user.role === 'admin' ||
      (user.role === 'lead' &&
        detail.tree.status === 'draft' &&
        detail.leads.some((lead) => lead.id === user.id))
    );
  });

  protected readonly errorMessage = computed(() => {
    const state = this.state();
    return state?.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  /** The indicator a link points at (#indicator-<id>). */
  protected readonly highlight = computed(() => {
    const fragment = this.fragment();
    return fragment?.startsWith('indicator-') ? fragment.slice('indicator-'.length) : null;
  });

  /** The linked indicator's tab once the project is there; the user's choice afterwards. */
  protected readonly tabIndex = linkedSignal<number>(() => {
    const detail = this.detail();
    const id = this.highlight();
    if (!detail || !id) return TAB_ANNUAL;
    const goal = detail.goals.find((candidate) =>
      candidate.indicators.some((level1) =>
        level1.children.some((level2) => level2.indicators.some((indicator) => indicator.id === id)),
      ),
    );
    return goal?.term === 'long' ? TAB_LONG : TAB_ANNUAL;
  });

  /** The project's tree for 申报 / 批复 / 调整 (one object per project, so the lifecycle loads once). */
  protected readonly treeScope = computed<TreeScope | null>(
    () => {
      const id = this.paramMap().get('id');
      return id ? { projectId: id } : null;
    },
    {
      equal: (a, b) =>
        a && b && 'projectId' in a && 'projectId' in b ? a.projectId === b.projectId : a === b,
    },
  );

  /** Back to the list of the project's department, year and month. */
  protected readonly backQuery = computed(() => {
    const detail = this.detail();
    return detail ? { department: detail.department.code, year: detail.year, asOf: detail.asOf } : {};
  });

  protected readonly months = computed(() => {
    const detail = this.detail();
    return detail ? monthsOf(detail.year) : [];
  });

  protected readonly annualCount = computed(() => this.goalCount('annual'));
  protected readonly longCount = computed(() => this.goalCount('long'));

  /** The latest budget execution up to the month, for the header. */
  protected readonly latestExecution = computed(() => this.detail()?.budgetExecution.periods.at(-1) ?? null);

  protected readonly spendingTotal = computed(() =>
    (this.detail()?.spendingDetails ?? []).reduce((sum, row) => sum + (row.amount ?? 0), 0),
  );

  /** 勾稽: the 支出明细 should add up to the 当年预算; a difference is shown, never corrected. */
  protected readonly spendingMismatch = computed(() => {
    const detail = this.detail();
    if (!detail || detail.spendingDetails.length === 0) return null;
    const budget = detail.currentBudget ?? detail.budget;
    const difference = Math.round((this.spendingTotal() - budget) * 100) / 100;
    return difference === 0 ? null : { budget, difference };
  });

  /** Latest month first: the month people look at is the current one. */
  protected readonly monitoringRows = computed<MonitoringRow[]>(() => {
    const detail = this.detail();
    if (!detail) return [];
    const executions = new Map(detail.budgetExecution.periods.map((row) => [row.period, row]));
    return [...detail.reportPeriods]
      .reverse()
      .map((report) => ({ report, execution: executions.get(report.period) ?? null }));
  });

  /** A lead of this project opens the month's report (填报); the route is for leads. */
  protected readonly canReport = computed(() => {
    const user = this.auth.user();
    const detail = this.detail();
    if (!user || !detail) return false;
    return user.role === 'lead' && detail.leads.some((lead) => lead.id === user.id);
  });

  constructor() {
    scrollToIndicator(this.highlight, this.detail);
  }

  protected monthLabel(month: number): string {
    return this.msg.monitoring.month(month);
  }

  protected monthOfPeriod(period: string): number {
    return monthOf(period);
  }

  protected selectMonth(detail: ProjectDetail, month: number): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { asOf: periodOf(detail.year, month) },
      queryParamsHandling: 'merge',
    });
  }

  /** After a save in the editor: the same month again, without leaving the page. */
  protected reloadTrees(detail: ProjectDetail): void {
    this.api.project(detail.id, detail.asOf).subscribe((fresh) => this.reloaded.set(fresh));
  }

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  private goalCount(term: 'annual' | 'long'): number {
    return (this.detail()?.goals ?? [])
      .filter((goal) => goal.term === term)
      .reduce(
        (sum, goal) =>
          sum +
          goal.indicators.reduce(
            (n, level1) => n + level1.children.reduce((m, l2) => m + l2.indicators.length, 0),
            0,
          ),
        0,
      );
  }
}
