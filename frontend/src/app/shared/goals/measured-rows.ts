import {
  type CdkVirtualScrollViewport,
  VIRTUAL_SCROLL_STRATEGY,
  type VirtualScrollStrategy,
} from '@angular/cdk/scrolling';
import { Directive, effect, forwardRef, input } from '@angular/core';
import { Subject, distinctUntilChanged } from 'rxjs';

/**
 * A virtual scroll of table rows of different heights (the CDK's own strategy needs one height for all): each
 * row is placed by its height as measured once drawn, or as estimated until then. The rows drawn are those of
 * the screen and `bufferPx` above and below. The table's header, drawn above the rows, counts once. When rows
 * above the first one on screen (or the header) turn out taller or shorter than estimated, the page scrolls by
 * the difference, so that what the reader looks at stays put.
 */
export class MeasuredRowsStrategy implements VirtualScrollStrategy {
  private readonly indexChanges = new Subject<number>();
  readonly scrolledIndexChange = this.indexChanges.pipe(distinctUntilChanged());

  private viewport: CdkVirtualScrollViewport | null = null;
  private heights: number[] = [];
  /** offsets[i]: the top of row i below the header; offsets[n]: all rows. */
  private offsets = new Float64Array(1);
  private head = 0;
  private resizes: ResizeObserver | null = null;

  constructor(private readonly bufferPx: number) {}

  /** The rows' estimated heights (px), one per row; the measured ones are forgotten. */
  setEstimates(estimates: readonly number[]): void {
    this.heights = [...estimates];
    this.sum();
    this.update();
  }

  /** Where row `index` starts, from the top of the viewport (header included). */
  offsetOf(index: number): number {
    return this.head + this.offsets[Math.max(0, Math.min(index, this.heights.length))];
  }

  attach(viewport: CdkVirtualScrollViewport): void {
    this.viewport = viewport;
    // A table in a tab not shown draws nothing (see `frozen`) until it is shown: its box gets a size then.
    this.resizes = new ResizeObserver(() => this.update());
    this.resizes.observe(viewport.getElementRef().nativeElement);
    this.update();
  }

  detach(): void {
    this.indexChanges.complete();
    this.resizes?.disconnect();
    this.viewport = null;
  }

  onContentScrolled(): void {
    this.update();
  }

  onDataLengthChanged(): void {
    this.update();
  }

  onContentRendered(): void {
    this.measure();
  }

  onRenderedOffsetChanged(): void {
    // Nothing: the offset is always the rows' own.
  }

  scrollToIndex(index: number, behavior: ScrollBehavior): void {
    this.viewport?.scrollToOffset(this.offsetOf(index), behavior);
  }

  private update(): void {
    const viewport = this.viewport;
    const count = Math.min(viewport?.getDataLength() ?? 0, this.heights.length);
    if (!viewport || frozen(viewport)) return;
    viewport.setTotalContentSize(this.head + this.offsets[count]);
    if (count === 0) {
      viewport.setRenderedRange({ start: 0, end: 0 });
      return;
    }
    const top = viewport.measureScrollOffset() - this.head;
    const start = this.indexAt(top - this.bufferPx, count);
    const end = this.indexAt(top + viewport.getViewportSize() + this.bufferPx, count) + 1;
    viewport.setRenderedRange({ start, end });
    viewport.setRenderedContentOffset(this.offsets[start]);
    this.indexChanges.next(this.indexAt(top, count));
  }

  /** Measures the rows drawn (and the header); places the rows again if any height changed. */
  private measure(): void {
    const viewport = this.viewport;
    if (!viewport || frozen(viewport)) return;
    const content = viewport._contentWrapper.nativeElement;
    const head = content.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const rows = content.querySelectorAll('tbody > tr');
    const { start } = viewport.getRenderedRange();
    const firstOnScreen = this.indexAt(viewport.measureScrollOffset() - this.head, this.heights.length);
    let changed = head > 0 && head !== this.head;
    let shiftAbove = 0;
    if (changed) {
      shiftAbove = head - this.head;
      this.head = head;
    }
    rows.forEach((row, k) => {
      const index = start + k;
      const height = row.getBoundingClientRect().height;
      // 0: not laid out (a hidden tab; jsdom).
      if (index >= this.heights.length || height === 0 || Math.abs(height - this.heights[index]) < 0.5)
        return;
      if (index < firstOnScreen) shiftAbove += height - this.heights[index];
      this.heights[index] = height;
      changed = true;
    });
    if (!changed) return;
    this.sum();
    if (shiftAbove !== 0 && viewport.measureScrollOffset() > 0) {
      const scrollable = viewport.scrollable;
      scrollable.scrollTo({ top: scrollable.measureScrollOffset('top') + shiftAbove });
    }
    this.update();
  }

  private sum(): void {
    this.offsets = new Float64Array(this.heights.length + 1);
    this.heights.forEach((height, i) => (this.offsets[i + 1] = this.offsets[i] + height));
  }

  /** The row at `px` below the header (the first or the last when outside). */
  private indexAt(px: number, count: number): number {
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.offsets[middle] <= px) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * Whether the rows drawn are to stay as they are: a drawer or a modal blocks the page's scroll (the CDK's block
 * strategy fixes the page in place and sets its scroll to 0 meanwhile), or the table is in a tab not shown (it
 * has no place on the page; it is shown again where the page was left).
 */
function frozen(viewport: CdkVirtualScrollViewport): boolean {
  const element = viewport.getElementRef().nativeElement as HTMLElement;
  return (
    element.ownerDocument.documentElement.classList.contains('cdk-global-scrollblock') ||
    element.checkVisibility?.() === false
  );
}

/**
 * `<cdk-virtual-scroll-viewport [appMeasuredRows]="estimates">`: the viewport places rows of different heights
 * (MeasuredRowsStrategy), starting from the estimated height of each row.
 */
@Directive({
  selector: 'cdk-virtual-scroll-viewport[appMeasuredRows]',
  providers: [
    {
      provide: VIRTUAL_SCROLL_STRATEGY,
      useFactory: (rows: MeasuredRowsDirective) => rows.strategy,
      deps: [forwardRef(() => MeasuredRowsDirective)],
    },
  ],
})
export class MeasuredRowsDirective {
  readonly appMeasuredRows = input.required<readonly number[]>();
  /** Rows drawn above and below the screen, in px. */
  readonly bufferPx = 800;
  readonly strategy = new MeasuredRowsStrategy(this.bufferPx);

  constructor() {
    effect(() => this.strategy.setEstimates(this.appMeasuredRows()));
  }
}
