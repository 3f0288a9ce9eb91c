import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { type Inline, parseMarkdown } from './markdown';

/** Renders Markdown read by `parseMarkdown`; every piece is bound as text, never as HTML. */
@Component({
  selector: 'app-markdown-view',
  template: `
    <ng-template #inline let-runs>
      @for (run of asRuns(runs); track $index) {
        @if (run.code) {
          <code>{{ run.text }}</code>
        } @else if (run.strong) {
          <strong>{{ run.text }}</strong>
        } @else {
          {{ run.text }}
        }
      }
    </ng-template>
    @for (block of blocks(); track $index) {
      @switch (block.kind) {
        @case ('heading') {
          @if (block.level === 1) {
            <h3 class="h1">
              <ng-container *ngTemplateOutlet="inline; context: { $implicit: block.content }" />
            </h3>
          } @else if (block.level === 2) {
            <h4 class="h2">
              <ng-container *ngTemplateOutlet="inline; context: { $implicit: block.content }" />
            </h4>
          } @else {
            <h5 class="h3">
              <ng-container *ngTemplateOutlet="inline; context: { $implicit: block.content }" />
            </h5>
          }
        }
        @case ('paragraph') {
          <p><ng-container *ngTemplateOutlet="inline; context: { $implicit: block.content }" /></p>
        }
        @case ('list') {
          @if (block.ordered) {
            <ol>
              @for (item of block.items; track $index) {
                <li><ng-container *ngTemplateOutlet="inline; context: { $implicit: item }" /></li>
              }
            </ol>
          } @else {
            <ul>
              @for (item of block.items; track $index) {
                <li><ng-container *ngTemplateOutlet="inline; context: { $implicit: item }" /></li>
              }
            </ul>
          }
        }
        @case ('table') {
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  @for (cell of block.header; track $index) {
                    <th scope="col">
                      <ng-container *ngTemplateOutlet="inline; context: { $implicit: cell }" />
                    </th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (row of block.rows; track $index) {
                  <tr>
                    @for (cell of row; track $index) {
                      <td><ng-container *ngTemplateOutlet="inline; context: { $implicit: cell }" /></td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
        @case ('code') {
          <pre>{{ block.text }}</pre>
        }
      }
    }
  `,
  styles: `
    :host {
      display: block;
      line-height: 1.7;
    }
    .h1 {
      margin: 0 0 12px;
      font-size: 18px;
      font-weight: 600;
    }
    .h2 {
      margin: 20px 0 8px;
      font-size: 16px;
      font-weight: 600;
    }
    .h3 {
      margin: 16px 0 8px;
      font-size: 14px;
      font-weight: 600;
    }
    p,
    ul,
    ol {
      margin: 0 0 8px;
    }
    .table-scroll {
      margin: 0 0 12px;
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font-size: 13px;
    }
    th,
    td {
      padding: 4px 10px;
      border: 1px solid #f0f0f0;
      vertical-align: top;
      text-align: left;
    }
    th {
      background: #fafafa;
      white-space: nowrap;
    }
    code,
    pre {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 12px;
    }
    pre {
      padding: 12px;
      overflow: auto;
      background: #fafafa;
    }
  `,
  imports: [NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MarkdownViewComponent {
  readonly source = input.required<string>();
  protected readonly blocks = computed(() => parseMarkdown(this.source()));

  /** Types the template context (ngTemplateOutlet's $implicit is untyped). */
  protected asRuns(runs: unknown): readonly Inline[] {
    return runs as readonly Inline[];
  }
}
