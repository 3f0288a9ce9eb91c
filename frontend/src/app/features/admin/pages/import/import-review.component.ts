import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { MESSAGES } from '../../../../shared/i18n/messages';
import type { ImportTargetReview } from '../../admin.api';

/** How many findings the import page lists; the rest are on the 目标质量审查 tab. */
export const SHOWN_FINDINGS = 50;

type Finding = ImportTargetReview['findings'][number];

/** Where a finding is: 表11 / 表12, the project, the goal and the indicator. */
export function findingPlace(finding: Finding): string {
  const { table, project, part, row } = finding.location;
  return [table, project, part, row].filter(Boolean).join(' · ');
}

/** 目标质量审查 of an import (its preview and its result): counts, the year's rule settings, the findings. */
@Component({
  selector: 'app-import-review',
  imports: [RouterLink],
  template: `
    @let r = review();
    <section class="import-review" aria-labelledby="import-review-title">
      <h4 class="title" id="import-review-title">{{ msg.admin.import.review.title }}</h4>
      <p class="counts">
        {{ msg.admin.import.review.counts(r.counts.error, r.counts.warning, r.counts.info) }}
      </p>
      <p class="muted rules">
        {{ rulesText() }}
      </p>
      @if (r.findings.length === 0) {
        <p class="muted">{{ msg.admin.import.review.none }}</p>
      } @else {
        <div class="wrap">
          <table [attr.aria-label]="msg.admin.import.review.tableLabel">
            <thead>
              <tr>
                <th scope="col">{{ msg.admin.import.review.columns.severity }}</th>
                <th scope="col">{{ msg.admin.import.review.columns.location }}</th>
                <th scope="col">{{ msg.admin.import.review.columns.problem }}</th>
              </tr>
            </thead>
            <tbody>
              @for (finding of shown(); track $index) {
                <tr [class]="'severity-' + finding.severity">
                  <td>
                    <span class="tag">{{ msg.admin.targetReview.severity[finding.severity] }}</span>
                  </td>
                  <td>{{ place(finding) }}</td>
                  <td>{{ finding.message }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (hidden() > 0) {
          <p class="more">
            <a routerLink="/admin/target-review">{{ msg.admin.import.review.more(hidden()) }}</a>
          </p>
        }
      }
    </section>
  `,
  styles: `
    .import-review {
      margin: 16px 0;
    }
    .title {
      margin: 0 0 4px;
      font-size: 15px;
      font-weight: 600;
    }
    .counts,
    .rules,
    .more {
      margin: 0 0 8px;
    }
    .muted {
      color: rgb(0 0 0 / 60%);
    }
    .wrap {
      max-height: 360px;
      overflow: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid #f0f0f0;
      text-align: left;
      vertical-align: top;
    }
    th {
      position: sticky;
      top: 0;
      background: #fafafa;
    }
    .tag {
      padding: 0 6px;
      border-radius: 4px;
      white-space: nowrap;
    }
    .severity-error .tag {
      background: #fff1f0;
      color: #a8071a;
    }
    .severity-warning .tag {
      background: #fffbe6;
      color: #874d00;
    }
    .severity-info .tag {
      background: #e6f4ff;
      color: #003eb3;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportReviewComponent {
  protected readonly msg = inject(MESSAGES);
  readonly review = input.required<ImportTargetReview>();
  protected readonly shown = computed(() => this.review().findings.slice(0, SHOWN_FINDINGS));
  protected readonly hidden = computed(() => Math.max(0, this.review().findings.length - SHOWN_FINDINGS));
  protected readonly place = findingPlace;
  protected readonly rulesText = computed(() => {
    const text = this.msg.admin.import.review;
    const switched = this.review().switched ?? [];
    return switched.length
      ? text.rulesLine(switched.map((rule) => text.switched(rule.title, rule.enabled, rule.reason)))
      : text.defaults;
  });
}
