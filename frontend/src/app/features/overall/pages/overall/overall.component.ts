import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { DepartmentsApi } from '../../../../core/api/departments.api';
import type { DepartmentYear } from '../../../../core/api/departments.models';
import { AuthService } from '../../../../core/auth/auth.service';
import { GoalTreeComponent } from '../../../../shared/goals/goal-tree.component';
import { TreeEditorComponent } from '../../../../shared/goals/tree-editor/tree-editor.component';
import {
  PageHeaderComponent,
  PeriodPickerComponent,
} from '../../../../shared/page-header/page-header.component';
import { scrollToIndicator } from '../../../../shared/goals/scroll-to-indicator';
import { apiErrorMessage } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { TreeLifecycleComponent } from '../../../../shared/lifecycle/tree-lifecycle.component';
import { LightBadgeComponent } from '../../../../shared/lights/light-badge.component';
import { LightCountsComponent } from '../../../../shared/lights/light-counts.component';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { MonitoringFormDownloadsComponent } from '../../../../shared/files/monitoring-form-downloads.component';
import { departmentYearSelection } from '../../../../shared/state/department-year-selection';
import { readyValue, requestState } from '../../../../shared/state/request-state';
import { monthOf } from '../../../../shared/time/period';
import { readOverview } from '../../overview';

interface YearRequest {
  readonly code: string;
  readonly year: number;
  readonly asOf: string | null;
  readonly attempt: number;
}

const sameRequest = (a: YearRequest | null, b: YearRequest | null): boolean =>
  a === b ||
  (!!a && !!b && a.code === b.code && a.year === b.year && a.asOf === b.asOf && a.attempt === b.attempt);

const TAB_ANNUAL = 0;
const TAB_LONG = 1;

/**
 * 部门整体: the department-wide goals of 表11 (long-term and annual) with the same indicator tree as a project,
 * lights as of a month, and the department's functions, tasks and funds. A `#indicator-<id>` fragment (from the
 * dashboard) opens the indicator's tab and scrolls to it.
 */
@Component({
  selector: 'app-overall',
  imports: [
    MonitoringFormDownloadsComponent,
    SHARED_IMPORTS,
    NzTabsModule,
    GoalTreeComponent,
    TreeEditorComponent,
    LightBadgeComponent,
    LightCountsComponent,
    PageHeaderComponent,
    PeriodPickerComponent,
    TreeLifecycleComponent,
  ],
  templateUrl: './overall.component.html',
  styleUrl: './overall.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverallComponent {
  private readonly api = inject(DepartmentsApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  protected readonly msg = inject(MESSAGES);
  protected readonly selection = departmentYearSelection();

  private readonly fragment = toSignal(this.route.fragment, { initialValue: null });
  private readonly attempt = signal(0);

  private readonly request = computed<YearRequest | null>(
    () => {
      const department = this.selection.department();
      const year = this.selection.year();
      return department && year !== null
        ? { code: department.code, year, asOf: this.selection.asOf(), attempt: this.attempt() }
        : null;
    },
    { equal: sameRequest },
  );

  protected readonly state = requestState(this.request, (request) =>
    this.api.year(request.code, request.year, request.asOf),
  );
  /** The year as the tree editor reloaded it after a save (kept on screen meanwhile); reset by a new request. */
  private readonly reloaded = linkedSignal<YearRequest | null, DepartmentYear | null>({
    source: this.request,
    computation: () => null,
  });
  protected readonly data = computed(() => this.reloaded() ?? readyValue(this.state()));

  /** Edit mode of the department-wide trees: the admin's (docs/domain.md, "Editing the trees"). */
  protected readonly editing = signal(false);
  protected readonly canEditTree = computed(() => this.auth.user()?.role === 'admin' && this.data() !== null);
  protected readonly overview = computed(() => readOverview(this.data()?.overview));

  protected readonly errorMessage = computed(() => {
    const state = this.state();
    return state?.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });
  protected readonly departmentsError = computed(() => {
    const state = this.selection.departments();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  protected readonly highlight = computed(() => {
    const fragment = this.fragment();
    return fragment?.startsWith('indicator-') ? fragment.slice('indicator-'.length) : null;
  });

  protected readonly tabIndex = linkedSignal<number>(() => {
    const data = this.data();
    const id = this.highlight();
    if (!data || !id) return TAB_ANNUAL;
    const goal = data.goals.find((candidate) =>
      candidate.indicators.some((level1) =>
        level1.children.some((level2) => level2.indicators.some((indicator) => indicator.id === id)),
      ),
    );
    return goal?.term === 'long' ? TAB_LONG : TAB_ANNUAL;
  });

  /**
   * 填报 of the month shown, for whoever reports the department-wide goals (部门整体填报人, docs/domain.md §11):
   * an admin, or the designated reporter; null for everyone else.
   */
  protected readonly reportLink = computed(() => {
    const data = this.data();
    const user = this.auth.user();
    if (!data || !user || !this.annualGoals().length) return null;
    const reports = user.role === 'admin' || (user.role === 'lead' && data.reporter?.id === user.id);
    return reports ? ['/reports', 'overall', data.department.code, data.asOf] : null;
  });

  /** The department-wide tree for 申报 / 批复 / 调整, by department and year. */
  protected readonly treeScope = computed(
    () => {
      const department = this.selection.department();
      const year = this.selection.year();
      return department && year !== null ? { code: department.code, year } : null;
    },
    { equal: (a, b) => a === b || (!!a && !!b && a.code === b.code && a.year === b.year) },
  );

  protected readonly annualGoals = computed(() =>
    (this.data()?.goals ?? []).filter((g) => g.term === 'annual'),
  );
  protected readonly longGoals = computed(() => (this.data()?.goals ?? []).filter((g) => g.term === 'long'));

  constructor() {
    scrollToIndicator(this.highlight, this.data);
  }

  protected monthOfPeriod(period: string): number {
    return monthOf(period);
  }

  /** After a save in the editor: the same month again, without leaving the page. */
  protected reloadTrees(data: DepartmentYear): void {
    this.api.year(data.department.code, data.year, data.asOf).subscribe((fresh) => this.reloaded.set(fresh));
  }

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
