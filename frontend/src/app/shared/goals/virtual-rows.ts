import { Injectable, signal } from '@angular/core';

/** Scrolls a tree's viewport so that an indicator's row gets drawn; false when the tree does not hold it. */
export type RowRevealer = (indicatorId: string) => boolean;

/**
 * The trees that draw only the rows in view (a large goal tree's virtual scroll): a linked indicator's row may not
 * be in the page yet. `reveal` asks them to scroll to it; `drawn` changes each time one of them has drawn other
 * rows, so that whoever looks for a row (scrollToIndicator) looks again.
 */
@Injectable({ providedIn: 'root' })
export class VirtualRows {
  private readonly revealers = new Set<RowRevealer>();
  private readonly drawnCount = signal(0);
  readonly drawn = this.drawnCount.asReadonly();

  /** Adds a tree's revealer; returns the function that removes it. */
  add(revealer: RowRevealer): () => void {
    this.revealers.add(revealer);
    return () => this.revealers.delete(revealer);
  }

  reveal(indicatorId: string): boolean {
    for (const revealer of this.revealers) if (revealer(indicatorId)) return true;
    return false;
  }

  markDrawn(): void {
    this.drawnCount.update((count) => count + 1);
  }
}
