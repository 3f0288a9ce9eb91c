import type { ListRange } from '@angular/cdk/collections';
import type { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';

import { MeasuredRowsStrategy } from './measured-rows';

/** A viewport of the page (as `scrollWindow`), 400 px high, whose drawn rows have the heights given. */
class FakeViewport {
  scrollTop = 0;
  total = 0;
  range: ListRange = { start: 0, end: 0 };
  offset = 0;
  drawnHeights: (index: number) => number = () => 0;
  readonly content = document.createElement('div');
  readonly scrollable = {
    measureScrollOffset: () => this.scrollTop,
    scrollTo: ({ top }: { top: number }) => (this.scrollTop = top),
  };
  readonly _contentWrapper = { nativeElement: this.content };
  readonly getElementRef = () => ({ nativeElement: this.content });

  constructor(private readonly rows: number) {}

  getDataLength = (): number => this.rows;
  getViewportSize = (): number => 400;
  measureScrollOffset = (): number => this.scrollTop;
  getRenderedRange = (): ListRange => this.range;
  setTotalContentSize = (size: number): void => void (this.total = size);
  setRenderedContentOffset = (offset: number): void => void (this.offset = offset);
  setRenderedRange(range: ListRange): void {
    this.range = range;
  }

  /** Draws the range's rows (and a 40 px header) as the browser would lay them out. */
  draw(): void {
    const rows = Array.from({ length: this.range.end - this.range.start }, (_, k) => {
      const row = document.createElement('tr');
      const height = this.drawnHeights(this.range.start + k);
      row.getBoundingClientRect = () => ({ height }) as DOMRect;
      return row;
    });
    const head = document.createElement('thead');
    head.getBoundingClientRect = () => ({ height: 40 }) as DOMRect;
    const table = document.createElement('table');
    const body = document.createElement('tbody');
    body.append(...rows);
    table.append(head, body);
    this.content.replaceChildren(table);
  }
}

describe(MeasuredRowsStrategy.name, () => {
  let resized: () => void;
  const realResizeObserver = globalThis.ResizeObserver;
  beforeEach(() => {
    globalThis.ResizeObserver = class {
      constructor(callback: () => void) {
        resized = callback;
      }
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    } as unknown as typeof ResizeObserver;
  });
  afterEach(() => (globalThis.ResizeObserver = realResizeObserver));

  function attach(rows: number, estimate: number) {
    const viewport = new FakeViewport(rows);
    const strategy = new MeasuredRowsStrategy(200);
    strategy.setEstimates(Array.from({ length: rows }, () => estimate));
    strategy.attach(viewport as unknown as CdkVirtualScrollViewport);
    return { viewport, strategy };
  }

  it('should draw the rows of the screen and the buffer, by their estimated heights', () => {
    const { viewport, strategy } = attach(1000, 50);

    expect(viewport.total).toBe(50_000);
    // 400 px of screen and 200 px below: rows 0 to 12.
    expect(viewport.range).toEqual({ start: 0, end: 13 });

    viewport.scrollTop = 10_000;
    strategy.onContentScrolled();
    // Row 200 at the top; 200 px (4 rows) above, 600 px below.
    expect(viewport.range).toEqual({ start: 196, end: 213 });
    expect(viewport.offset).toBe(196 * 50);
  });

  it('should place the rows by their measured heights, with the header, once drawn', () => {
    const { viewport, strategy } = attach(1000, 50);
    viewport.drawnHeights = () => 100;
    viewport.draw();
    strategy.onContentRendered();

    // 13 rows measured at 100 px, the 987 others still 50, and the header.
    expect(viewport.total).toBe(40 + 13 * 100 + 987 * 50);
    expect(strategy.offsetOf(13)).toBe(40 + 1300);
    // Fewer rows fill the screen now.
    expect(viewport.range).toEqual({ start: 0, end: 6 });
  });

  it('should keep the rows on screen in place when rows above them turn out taller', () => {
    const { viewport, strategy } = attach(1000, 50);
    viewport.scrollTop = 10_000;
    strategy.onContentScrolled();
    expect(viewport.range.start).toBe(196);
    viewport.drawnHeights = (index) => (index < 200 ? 60 : 50);
    viewport.draw();
    strategy.onContentRendered();

    // Rows 196–199 (above the screen) took 10 px more each, and the header 40 px: the page scrolls by as much.
    expect(viewport.scrollTop).toBe(10_080);
    expect(strategy.offsetOf(200)).toBe(40 + 196 * 50 + 4 * 60);
  });

  it('should scroll to a row by its offset, and ignore rows not laid out', () => {
    const { viewport, strategy } = attach(10, 30);
    const scrolled: number[] = [];
    Object.assign(viewport, { scrollToOffset: (offset: number) => scrolled.push(offset) });
    // Drawn in a hidden tab: the rows measure 0 and keep their estimate; the header is measured.
    viewport.draw();
    strategy.onContentRendered();
    expect(viewport.total).toBe(40 + 300);

    strategy.scrollToIndex(4, 'auto');
    expect(scrolled).toEqual([40 + 120]);
  });

  it('should keep the rows drawn while a drawer blocks the page scroll (which reads 0 meanwhile)', () => {
    const { viewport, strategy } = attach(1000, 50);
    viewport.scrollTop = 10_000;
    strategy.onContentScrolled();
    document.documentElement.classList.add('cdk-global-scrollblock');
    try {
      viewport.scrollTop = 0;
      strategy.onContentScrolled();
      expect(viewport.range.start).toBe(196);
    } finally {
      document.documentElement.classList.remove('cdk-global-scrollblock');
    }
    strategy.onContentScrolled();
    expect(viewport.range.start).toBe(0);
  });

  it('should keep the rows drawn while the table is in a tab not shown', () => {
    const { viewport, strategy } = attach(1000, 50);
    viewport.scrollTop = 10_000;
    strategy.onContentScrolled();
    let shown = false;
    viewport.content.checkVisibility = () => shown;
    viewport.scrollTop = 0;
    strategy.onContentScrolled();
    expect(viewport.range.start).toBe(196);

    // Shown again: its box gets a size, which the strategy observes.
    shown = true;
    resized();
    expect(viewport.range.start).toBe(0);
  });
});
