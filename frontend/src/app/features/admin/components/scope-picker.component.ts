import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { MESSAGES } from '../../../shared/i18n/messages';
import { AdminScope } from '../admin-scope';

/** Department and year selects of the admin tabs that work on one department-year. */
@Component({
  selector: 'app-scope-picker',
  imports: [FormsModule, NzSelectModule],
  template: `
    <div class="scope">
      <div class="field">
        <label class="field-label" for="scope-department">{{ msg.admin.scope.department }}</label>
        <nz-select
          nzId="scope-department"
          class="department"
          nzShowSearch
          [nzLoading]="scope.departments().status === 'loading'"
          [ngModel]="scope.department()?.code"
          (ngModelChange)="scope.chooseDepartment($event)"
        >
          @for (option of scope.departmentList(); track option.code) {
            <nz-option
              [nzValue]="option.code"
              [nzLabel]="msg.picker.departmentOption(option.name, option.code)"
            />
          }
        </nz-select>
      </div>
      <div class="field">
        <label class="field-label" for="scope-year">{{ msg.admin.scope.year }}</label>
        <nz-select
          nzId="scope-year"
          class="year"
          [ngModel]="scope.year()"
          (ngModelChange)="scope.chooseYear($event)"
        >
          @for (year of scope.years(); track year) {
            <nz-option [nzValue]="year" [nzLabel]="msg.admin.scope.yearOption(year)" />
          }
        </nz-select>
      </div>
    </div>
  `,
  styles: `
    .scope {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 24px;
      margin-bottom: 16px;
    }
    .field {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .field-label {
      color: rgb(0 0 0 / 65%);
      white-space: nowrap;
    }
    .department {
      width: min(420px, 70vw);
    }
    .year {
      width: 120px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScopePickerComponent {
  protected readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);
}
