import type { Target } from '@jixiao/domain';
import {
  CdkVirtualForOf,
  CdkVirtualScrollViewport,
  CdkVirtualScrollableWindow,
} from '@angular/cdk/scrolling';
import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  DestroyRef,
  Directive,
  Injector,
  afterNextRender,
  booleanAttribute,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChildren,
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
import { MeasuredRowsDirective } from './measured-rows';
import { type HistorySubject, IndicatorHistoryDrawerComponent } from './indicator-history-drawer.component';
import { SparklineComponent } from './sparkline.component';
import { TargetReadingPipe } from './target-reading.pipe';
import { VirtualRows } from './virtual-rows';

type TreeRow =
  | { readonly kind: 'group'; readonly key: string; readonly level1: string; readonly level2: string }
  | { readonly kind: 'indicator'; readonly key: string; readonly indicator: IndicatorNode };

interface GoalView {
  readonly goal: Goal;
  readonly rows: readonly TreeRow[];
  /** Only the rows in view are drawn (a large tree, see VIRTUAL_FROM). */
  readonly virtual: boolean;
  /** Each row's height before it is drawn and measured (px), for the virtual scroll. */
  readonly estimates: readonly number[];
}

/**
 * From this many rows (二级 headings and 三级指标) in the tree, a goal's table draws only the rows in view and
 * around (virtual scroll): each row is ~38 elements (light, projection, months, tooltips), 2,000 of them took
 * ~20 s to appear. Smaller trees, like every project of the seed, are drawn whole as before.
 */
export const VIRTUAL_FROM = 200;
/** A goal with fewer rows than this (less than a screen) is drawn whole even in a large tree. */
const VIRTUAL_MIN_GOAL_ROWS = 30;
/**
 * The heights (px) a virtual table assumes for the rows not drawn yet (MeasuredRowsStrategy measures the others):
 * a 二级 heading is one line; an annual 三级指标 row takes one or two lines at 1366 px (61 or 83 px).
 */
export const ESTIMATED_HEIGHT = { group: 24, indicator: 72 } as const;

/** Types the row template's context (`let-row` is untyped in an ng-template). */
@Directive({ selector: 'ng-template[appTreeRow]' })
export class TreeRowTemplateDirective {
  static ngTemplateContextGuard(
    _: TreeRowTemplateDirective,
    context: unknown,
  ): context is { $implicit: TreeRow } {
    return context !== null;
  }
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
    NgTemplateOutlet,
    CdkVirtualForOf,
    CdkVirtualScrollViewport,
    CdkVirtualScrollableWindow,
    NzEmptyModule,
    NzTableModule,
    NzTooltipModule,
    IndicatorHistoryDrawerComponent,
    LightBadgeComponent,
    MeasuredRowsDirective,
    ProjectionComponent,
    SparklineComponent,
    TargetReadingPipe,
    TreeRowTemplateDirective,
  ],
  templateUrl: './goal-tree.component.html',
  styleUrl: './goal-tree.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(window:beforeprint)': 'setPrinting(true)',
    '(window:afterprint)': 'setPrinting(false)',
  },
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

  protected readonly views = computed<GoalView[]>(() => {
    const goals = localizeGoals(
      this.goals().filter((goal) => goal.term === this.term()),
      this.asOf(),
      this.locale,
    ).map((goal) => ({ goal, rows: rowsOf(goal) }));
    const large = goals.reduce((sum, { rows }) => sum + rows.length, 0) >= VIRTUAL_FROM;
    return goals.map((view) => ({
      ...view,
      virtual: large && view.rows.length >= VIRTUAL_MIN_GOAL_ROWS,
      estimates: view.rows.map((row) => ESTIMATED_HEIGHT[row.kind]),
    }));
  });

  /** The page is being printed: every row is drawn, virtual tables included. */
  protected readonly printing = signal(false);
  protected readonly trackRow = (_: number, row: TreeRow): string => row.key;
  private readonly viewports = viewChildren(CdkVirtualScrollViewport);
  private readonly measuredRows = viewChildren(MeasuredRowsDirective);
  private readonly changeDetector = inject(ChangeDetectorRef);
  private readonly document = inject(DOCUMENT);

  constructor() {
    const virtualRows = inject(VirtualRows);
    const injector = inject(Injector);
    // A linked indicator far down a virtual table: scroll the page to its row's place, which draws it.
    const removeRevealer = virtualRows.add((id) => this.reveal(id));
    // Rows drawn after a scroll: tell scrollToIndicator to look for its row again.
    effect((onCleanup) => {
      const subscriptions = this.viewports().map((viewport) =>
        viewport.renderedRangeStream.subscribe(() =>
          afterNextRender(() => virtualRows.markDrawn(), { injector }),
        ),
      );
      onCleanup(() => subscriptions.forEach((subscription) => subscription.unsubscribe()));
    });
    // The print dialog lays the page out at once: draw every row before (Chrome also answers matchMedia).
    const print = this.document.defaultView?.matchMedia?.('print');
    const onPrintChange = (event: MediaQueryListEvent): void => this.setPrinting(event.matches);
    print?.addEventListener?.('change', onPrintChange);
    inject(DestroyRef).onDestroy(() => {
      removeRevealer();
      print?.removeEventListener?.('change', onPrintChange);
    });
  }

  protected setPrinting(printing: boolean): void {
    if (printing === this.printing() || !this.views().some((view) => view.virtual)) return;
    this.printing.set(printing);
    // Synchronously: the browser lays out the printed page right after this event.
    this.changeDetector.detectChanges();
  }

  private reveal(id: string): boolean {
    const virtualViews = this.views().filter((view) => view.virtual);
    for (const [n, view] of virtualViews.entries()) {
      const index = view.rows.findIndex((row) => row.kind === 'indicator' && row.key === id);
      if (index < 0) continue;
      const viewport = this.viewports()[n]?.getElementRef().nativeElement as HTMLElement | undefined;
      const rows = this.measuredRows()[n]?.strategy;
      const window = this.document.defaultView;
      if (!viewport || !rows || !window || this.printing()) return false;
      const rowTop = viewport.getBoundingClientRect().top + window.scrollY + rows.offsetOf(index);
      window.scrollTo({ top: Math.max(0, rowTop - window.innerHeight / 2) });
      return true;
    }
    return false;
  }

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
