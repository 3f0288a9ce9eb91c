import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { NgModel } from '@angular/forms';
import { By } from '@angular/platform-browser';

import { aDepartment } from '../../core/api/testing/department-builders';
import type { DepartmentSummary } from '../../core/api/departments.models';
import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { PageHeaderComponent, PeriodPickerComponent } from './page-header.component';

@Component({
  imports: [PageHeaderComponent, PeriodPickerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header title="监控看板" [subtitle]="subtitle()">
      <button type="button" class="action">打印</button>
    </app-page-header>
    <div class="toolbar">
      <app-period-picker
        idPrefix="page"
        [departments]="departments()"
        [department]="department()"
        [showDepartment]="showDepartment()"
        [years]="[2025, 2024]"
        [year]="year()"
        [months]="[1, 2, 3]"
        [month]="2"
        [monthDisabled]="monthDisabled()"
        (departmentChange)="changes.push('department ' + $event)"
        (yearChange)="changes.push('year ' + $event)"
        (monthChange)="changes.push('month ' + $event)"
      />
    </div>
  `,
})
class HostComponent {
  readonly subtitle = signal<string | null>('全市 · 截至 2025年6月');
  readonly departments = signal<DepartmentSummary[]>([
    aDepartment(),
    aDepartment({ code: '032', name: '武汉市东西湖区财政局' }),
  ]);
  readonly department = signal<string | null>('031');
  readonly showDepartment = signal(true);
  readonly year = signal<number | null>(2025);
  readonly monthDisabled = signal(false);
  readonly changes: string[] = [];
}

describe(PageHeaderComponent.name, () => {
  let fixture: ComponentFixture<HostComponent>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideZhCnLocale()] });
    fixture = TestBed.createComponent(HostComponent);
    await settle();
  });

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const page = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const labels = (): string[] =>
    Array.from(page().querySelectorAll('.toolbar label')).map(
      (label) => `${label.textContent?.trim()} → ${label.getAttribute('for')}`,
    );
  const model = (id: string): NgModel => {
    const select = fixture.debugElement
      .queryAll(By.directive(NgModel))
      .find((element) => (element.nativeElement as HTMLElement).querySelector(`#${id}`));
    if (!select) throw new Error(`no select #${id}`);
    return select.injector.get(NgModel);
  };

  it('should show the title, the subtitle and the projected actions', async () => {
    expect(page().querySelector('h2')?.textContent).toBe('监控看板');
    expect(page().querySelector('.page-subtitle')?.textContent).toBe('全市 · 截至 2025年6月');
    expect(page().querySelector('app-page-header .action')?.textContent).toBe('打印');

    fixture.componentInstance.subtitle.set(null);
    await settle();
    expect(page().querySelector('.page-subtitle')).toBeNull();
  });

  it('should label the department, year and month selects under the page prefix, with the current values', () => {
    expect(labels()).toEqual(['部门 → page-department', '年度 → page-year', '截至 → page-month']);
    expect(model('page-department').model).toBe('031');
    expect(page().querySelector('.department-select .ant-select-selection-item')?.textContent?.trim()).toBe(
      '武汉市东西湖区人力资源和社会保障局（031）',
    );
    expect(model('page-year').model).toBe(2025);
    expect(model('page-month').model).toBe(2);
  });

  it('should hand every choice to the page, which keeps the state', () => {
    model('page-department').viewToModelUpdate('032');
    model('page-year').viewToModelUpdate(2024);
    model('page-month').viewToModelUpdate(3);

    expect(fixture.componentInstance.changes).toEqual(['department 032', 'year 2024', 'month 3']);
  });

  it('should leave out the department when the page says so, and the year and month without a year', async () => {
    fixture.componentInstance.showDepartment.set(false);
    await settle();
    expect(labels()).toEqual(['年度 → page-year', '截至 → page-month']);

    fixture.componentInstance.year.set(null);
    await settle();
    expect(labels()).toEqual([]);
  });
});
