import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { indicatorAnchor } from './goal.models';
import { scrollToIndicator } from './scroll-to-indicator';
import { VirtualRows } from './virtual-rows';

/** A page whose indicator rows appear once its data has loaded. */
@Component({
  template: `@if (loaded()) {
    @for (id of ids(); track id) {
      <div [id]="anchor(id)"></div>
    }
  }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly ids = signal(['a', 'b']);
  readonly highlight = signal<string | null>(null);
  readonly loaded = signal(false);
  protected readonly anchor = indicatorAnchor;

  constructor() {
    scrollToIndicator(this.highlight, this.loaded);
  }
}

describe(scrollToIndicator.name, () => {
  let fixture: ComponentFixture<HostComponent>;
  let scrolled: string[];

  beforeEach(() => {
    scrolled = [];
    // jsdom has no layout: record which row was asked to scroll, and how.
    Element.prototype.scrollIntoView = function (this: Element, options?: ScrollIntoViewOptions | boolean) {
      scrolled.push(`${this.id} ${JSON.stringify(options)}`);
    };
    fixture = TestBed.createComponent(HostComponent);
  });

  afterEach(() => {
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
  }

  it('should wait for the data, then centre the linked row once', async () => {
    fixture.componentInstance.highlight.set('b');
    await settle();
    expect(scrolled).toEqual([]);

    fixture.componentInstance.loaded.set(true);
    await settle();
    expect(scrolled).toEqual(['indicator-b {"block":"center"}']);

    // Rendering again (a refresh) does not pull the reader back.
    fixture.componentInstance.loaded.set(false);
    await settle();
    fixture.componentInstance.loaded.set(true);
    await settle();
    expect(scrolled).toEqual(['indicator-b {"block":"center"}']);
  });

  it('should scroll to another linked indicator, and ignore an id with no row', async () => {
    fixture.componentInstance.loaded.set(true);
    fixture.componentInstance.highlight.set('missing');
    await settle();
    expect(scrolled).toEqual([]);

    fixture.componentInstance.highlight.set('a');
    await settle();
    fixture.componentInstance.highlight.set('b');
    await settle();
    expect(scrolled).toEqual(['indicator-a {"block":"center"}', 'indicator-b {"block":"center"}']);
  });

  it('should have a large tree holding a row not drawn scroll to it first, then centre the row once drawn', async () => {
    const virtualRows = TestBed.inject(VirtualRows);
    const asked: string[] = [];
    // A virtual tree holding 'far' (not drawn yet) and nothing else.
    const remove = virtualRows.add((id) => {
      asked.push(id);
      return id === 'far';
    });
    fixture.componentInstance.loaded.set(true);
    fixture.componentInstance.highlight.set('far');
    await settle();
    expect(asked).toEqual(['far']);
    expect(scrolled).toEqual([]);

    // Other renders before the row is drawn do not ask the tree again.
    virtualRows.markDrawn();
    await settle();
    expect(asked).toEqual(['far']);

    // The tree scrolled and drew the row: once it says so, the row is centred.
    fixture.componentInstance.ids.set(['a', 'b', 'far']);
    await settle();
    expect(scrolled).toEqual([]);
    virtualRows.markDrawn();
    await settle();
    expect(scrolled).toEqual(['indicator-far {"block":"center"}']);
    virtualRows.markDrawn();
    await settle();
    expect(scrolled).toEqual(['indicator-far {"block":"center"}']);
    remove();
    expect(virtualRows.reveal('far')).toBe(false);
  });
});
