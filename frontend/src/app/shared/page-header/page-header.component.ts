import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';

import type { DepartmentSummary } from '../../core/api/departments.models';
import { MESSAGES } from '../i18n/messages';

/**
 * The title of a page, its subtitle and its actions (projected, e.g. a print button). Used by the dashboard,
 * 部门整体 and the project list together with `app-period-picker` below it.
 */
@Component({
  selector: 'app-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div>
        <h2 class="page-title">{{ title() }}</h2>
        @if (subtitle()) {
          <p class="page-subtitle">{{ subtitle() }}</p>
        }
      </div>
      <ng-content />
    </header>
  `,
  styles: `
    .page-header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: 16px;
      margin-bottom: 16px;
    }
    .page-header > div:first-child {
      flex: 1 1 240px;
    }
    .page-title {
      margin: 0;
      font-size: 20px;
      font-weight: 600;
    }
    .page-subtitle {
      margin: 4px 0 0;
      color: rgb(0 0 0 / 60%);
    }
  `,
})
export class PageHeaderComponent {
  readonly title = input.required<string>();
  readonly subtitle = input<string | null>(null);
}

/**
 * The department, budget year and month (截至月份) a page looks at: three selects laid out in the page's own
 * toolbar (the host takes no box). The page keeps the state (e.g. `departmentYearSelection`, in the URL) and
 * handles the changes; ids are `<idPrefix>-department`, `-year` and `-month`.
 */
@Component({
  selector: 'app-period-picker',
  imports: [FormsModule, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    @if (showDepartment()) {
      <div class="field">
        <label class="field-label" [for]="idPrefix() + '-department'">{{ msg.picker.department }}</label>
        <nz-select
          [nzId]="idPrefix() + '-department'"
          class="department-select"
          nzShowSearch
          [ngModel]="department()"
          (ngModelChange)="departmentChange.emit($event)"
        >
          @for (option of departments(); track option.code) {
            <nz-option
              [nzValue]="option.code"
              [nzLabel]="msg.picker.departmentOption(option.name, option.code)"
            />
          }
        </nz-select>
      </div>
    }
    @if (year() !== null) {
      <div class="field">
        <label class="field-label" [for]="idPrefix() + '-year'">{{ msg.picker.year }}</label>
        <nz-select
          [nzId]="idPrefix() + '-year'"
          class="year-select"
          [ngModel]="year()"
          (ngModelChange)="yearChange.emit($event)"
        >
          @for (option of years(); track $index) {
            <nz-option [nzValue]="option" [nzLabel]="msg.picker.yearOption(option)" />
          }
        </nz-select>
      </div>
      <div class="field">
        <label class="field-label" [for]="idPrefix() + '-month'">{{ msg.picker.asOf }}</label>
        <nz-select
          [nzId]="idPrefix() + '-month'"
          class="month-select"
          [nzDisabled]="monthDisabled()"
          [ngModel]="month()"
          (ngModelChange)="monthChange.emit($event)"
        >
          @for (option of months(); track option) {
            <nz-option [nzValue]="option" [nzLabel]="msg.monitoring.month(option)" />
          }
        </nz-select>
      </div>
    }
  `,
  styles: `
    .field {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .field-label {
      color: rgb(0 0 0 / 60%);
      white-space: nowrap;
    }
    .department-select {
      width: min(440px, 70vw);
    }
    .year-select {
      width: 120px;
    }
    .month-select {
      width: 100px;
    }
  `,
})
export class PeriodPickerComponent {
  protected readonly msg = inject(MESSAGES);

  /** Prefix of the selects' ids (labels point at them; tests find them). */
  readonly idPrefix = input.required<string>();
  readonly departments = input<readonly DepartmentSummary[]>([]);
  /** The selected department's code. */
  readonly department = input<string | null>(null);
  readonly showDepartment = input(true);
  /** Latest first. */
  readonly years = input<readonly number[]>([]);
  /** null: no year to pick; the year and month selects are not shown. */
  readonly year = input<number | null>(null);
  readonly months = input<readonly number[]>([]);
  /** The month the page shows (1–12); null while it is unknown. */
  readonly month = input<number | null>(null);
  readonly monthDisabled = input(false);

  readonly departmentChange = output<string>();
  readonly yearChange = output<number>();
  readonly monthChange = output<number>();
}
