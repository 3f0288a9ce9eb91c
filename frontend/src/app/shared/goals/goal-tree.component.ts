import type { Target } from '@jixiao/domain';
import {
  ChangeDetectionStrategy,
  Component,
  booleanAttribute,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { ACTIVE_LOCALE } from '../../core/i18n/provide-locale';
import { MESSAGES } from '../i18n/messages';
import { monthOf } from '../time/period';
import { LightBadgeComponent } from '../lights/light-badge.component';
import { ProjectionComponent } from '../projection/projection.component';
import { type Goal, type GoalTerm, type IndicatorNode, indicatorAnchor } from './goal.models';
import { localizeGoals } from './localized-goals';
import { type HistorySubject, IndicatorHistoryDrawerComponent } from './indicator-history-drawer.component';
import { SparklineComponent } from './sparkline.component';
import { TargetReadingPipe } from './target-reading.pipe';

type TreeRow =
  | { readonly kind: 'group'; readonly key: string; readonly level1: string; readonly level2: string }
  | { readonly kind: 'indicator'; readonly key: string; readonly indicator: IndicatorNode };

interface GoalView {
  readonly goal: Goal;
  readonly rows: readonly TreeRow[];
}

/**
 * The goals of one term with their indicator trees (一级 › 二级 › 三级): a heading row per 二级 and a row per
 * 三级指标 with its target as published and as understood. Annual goals add the monitoring columns (前年, 上年,
 * latest year-to-date value, forecast, light, year-end projection, months); long-term goals add the 确定依据 instead.
 * Used by the project detail and by 部门整体; with `drillDown`, an annual row opens the indicator's months in a
 * drawer (actuals, lights, reasons, corrective actions, evidence).
 */
@Component({
  selector: 'app-goal-tree',
  imports: [
    NzEmptyModule,
    NzTableModule,
    NzTooltipModule,
    IndicatorHistoryDrawerComponent,
    LightBadgeComponent,
    ProjectionComponent,
    SparklineComponent,
    TargetReadingPipe,
  ],
  templateUrl: './goal-tree.component.html',
  styleUrl: './goal-tree.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalTreeComponent {
  protected readonly msg = inject(MESSAGES);

  /** Every goal of the project (or department); the tree shows those of `term`. */
  readonly goals = input.required<readonly Goal[]>();
  readonly term = input.required<GoalTerm>();
  /** The month the lights are as of (YYYY-MM): a latest report from an earlier month says which. */
  readonly asOf = input<string | null>(null);
  /** An indicator to mark, e.g. the one a dashboard link points at. */
  readonly highlight = input<string | null>(null);
  /** Annual rows open the indicator's month-by-month history. */
  readonly drillDown = input(false, { transform: booleanAttribute });

  /** The indicator whose history is open. */
  protected readonly opened = signal<HistorySubject | null>(null);
  /** Whether the history drawer was ever opened (it is created then, see the template). */
  protected readonly drawerUsed = signal(false);

  protected readonly annual = computed(() => this.term() === 'annual');
  protected readonly columnCount = computed(() => (this.annual() ? 10 : 4));

  private readonly locale = inject(ACTIVE_LOCALE);

  protected readonly views = computed<GoalView[]>(() =>
    localizeGoals(
      this.goals().filter((goal) => goal.term === this.term()),
      this.asOf(),
      this.locale,
    ).map((goal) => ({ goal, rows: rowsOf(goal) })),
  );

  protected readonly canOpen = computed(() => this.drillDown() && this.annual());

  protected readonly anchor = indicatorAnchor;

  protected openHistory(indicator: IndicatorNode): void {
    if (!this.canOpen()) return;
    this.drawerUsed.set(true);
    this.opened.set({
      id: indicator.id,
      name: indicator.name,
      reading: { target: indicator.target as Target | null, thresholds: indicator.thresholds },
    });
  }
  protected readonly monthLabel = (period: string): string => this.msg.monitoring.month(monthOf(period));
}

function rowsOf(goal: Goal): TreeRow[] {
  return goal.indicators.flatMap((level1) =>
    level1.children.flatMap((level2): TreeRow[] => [
      { kind: 'group', key: level2.id, level1: level1.name, level2: level2.name },
      ...level2.indicators.map((indicator): TreeRow => ({ kind: 'indicator', key: indicator.id, indicator })),
    ]),
  );
}
