import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { indicatorAnchor } from './goal.models';
import { scrollToIndicator } from './scroll-to-indicator';

/** A page whose indicator rows appear once its data has loaded. */
@Component({
  template: `@if (loaded()) {
    @for (id of ids; track id) {
      <div [id]="anchor(id)"></div>
    }
  }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly ids = ['a', 'b'];
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
});
