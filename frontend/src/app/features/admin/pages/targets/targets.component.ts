import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { Accumulation, Direction } from '@jixiao/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { type Observable, combineLatest, forkJoin, map, of, switchMap } from 'rxjs';

import { apiErrorCode, apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { dateOfIsoDay, isoDay } from '../../../../shared/time/day';
import type { GoalNode, IndicatorNode } from '../../../reports/monitoring.models';
import { AdminApi, type TargetCorrection } from '../../admin.api';
import { AdminScope } from '../../admin-scope';
import { ScopePickerComponent } from '../../components/scope-picker.component';
import { ProposalsComponent } from './proposals.component';
import { describeTarget } from './target-text';

/** An indicator whose target reading is unsure, with where it sits. */
export interface UnsureIndicator {
  readonly indicator: IndicatorNode;
  /** 部门整体 or the project's name. */
  readonly owner: string;
  readonly goal: string;
  readonly level1: string;
  readonly level2: string;
}

type Operator = TargetCorrection['operator'];

export const OPERATORS: readonly Operator[] = [
  '>=',
  '>',
  '=',
  '<',
  '<=',
  'between',
  'by-date',
  'qualitative',
];
export const DIRECTIONS: readonly Direction[] = ['higher', 'lower', 'exact', 'none'];
export const ACCUMULATIONS: readonly Accumulation[] = [
  'cumulative',
  'level',
  'zero-tolerance',
  'deadline',
  'qualitative',
  'relative',
];

interface CorrectionForm {
  readonly operator: Operator;
  readonly value: string;
  readonly min: string;
  readonly max: string;
  readonly unit: string;
  readonly deadline: string;
  readonly direction: Direction;
  readonly accumulation: Accumulation;
  readonly note: string;
}

const UNSURE = new Set(['inferred', 'unparsed']);

/** The two confidences this page lists: 推断 (can be confirmed as read) and 未能识别 (needs a correction). */
export type UnsureConfidence = 'inferred' | 'unparsed';
export const UNSURE_CONFIDENCES: readonly UnsureConfidence[] = ['inferred', 'unparsed'];

/** How sure the reading of a listed indicator is. */
export function confidenceOf(row: UnsureIndicator): UnsureConfidence {
  const confidence = row.indicator.target?.confidence ?? row.indicator.confidence ?? 'unparsed';
  return confidence === 'inferred' ? 'inferred' : 'unparsed';
}

/** Indicators of these goals whose reading is inferred or unparsed, in document order. */
export function unsureIndicators(goals: readonly GoalNode[], owner: string): UnsureIndicator[] {
  return goals.flatMap((goal) =>
    goal.indicators.flatMap((level1) =>
      level1.children.flatMap((level2) =>
        level2.indicators
          .filter((indicator) =>
            UNSURE.has(indicator.target?.confidence ?? indicator.confidence ?? 'unparsed'),
          )
          .map((indicator) => ({
            indicator,
            owner,
            goal: goal.label,
            level1: level1.name,
            level2: level2.name,
          })),
      ),
    ),
  );
}

/** 指标值更正: the targets the parser was unsure of, and a form to set their structured reading. */
@Component({
  selector: 'app-targets',
  imports: [
    SHARED_IMPORTS,
    NzAlertModule,
    NzDatePickerModule,
    NzInputModule,
    NzModalModule,
    ProposalsComponent,
    ScopePickerComponent,
  ],
  templateUrl: './targets.component.html',
  styleUrl: './targets.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetsComponent {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);
  protected readonly operators = OPERATORS;
  protected readonly directions = DIRECTIONS;
  protected readonly accumulations = ACCUMULATIONS;
  protected readonly confidences = UNSURE_CONFIDENCES;
  protected readonly confidenceOf = confidenceOf;

  private readonly attempt = signal(0);
  protected readonly state = toSignal(
    combineLatest([toObservable(this.scope.selection), toObservable(this.attempt)]).pipe(
      switchMap(([selection]): Observable<LoadState<UnsureIndicator[]>> =>
        selection ? toLoadState(this.load(selection.code, selection.year)) : of(LOADING),
      ),
    ),
    { initialValue: LOADING as LoadState<UnsureIndicator[]> },
  );

  protected readonly rows = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value : [];
  });

  protected readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  // Filters and the selection to confirm in bulk; changing a filter clears the selection (what is confirmed is
  // what is seen).
  protected readonly ownerFilter = signal<string | null>(null);
  protected readonly confidenceFilter = signal<UnsureConfidence | null>(null);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly confirming = signal(false);

  protected readonly owners = computed(() => [...new Set(this.rows().map((row) => row.owner))]);
  protected readonly visible = computed(() => {
    const owner = this.ownerFilter();
    const confidence = this.confidenceFilter();
    return this.rows().filter(
      (row) =>
        (owner === null || row.owner === owner) && (confidence === null || confidenceOf(row) === confidence),
    );
  });
  private readonly confirmable = computed(() =>
    this.visible().filter((row) => confidenceOf(row) === 'inferred'),
  );
  protected readonly allChecked = computed(() => {
    const rows = this.confirmable();
    return rows.length > 0 && rows.every((row) => this.selected().has(row.indicator.id));
  });
  protected readonly someChecked = computed(() => this.selected().size > 0 && !this.allChecked());
  protected readonly noneConfirmable = computed(() => this.confirmable().length === 0);

  protected readonly editing = signal<UnsureIndicator | null>(null);
  protected readonly form = signal<CorrectionForm | null>(null);
  protected readonly fieldErrors = signal<Record<string, string>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** The form's 完成时限 as the date picker shows it. */
  protected readonly deadline = computed(() => dateOfIsoDay(this.form()?.deadline));

  protected reading(row: UnsureIndicator): string {
    return describeTarget(row.indicator.target, this.msg.admin.targets);
  }

  protected retry(): void {
    this.selected.set(new Set());
    this.attempt.update((attempt) => attempt + 1);
  }

  protected filterOwner(owner: string | null): void {
    this.ownerFilter.set(owner);
    this.selected.set(new Set());
  }

  protected filterConfidence(confidence: UnsureConfidence | null): void {
    this.confidenceFilter.set(confidence);
    this.selected.set(new Set());
  }

  protected toggle(id: string, checked: boolean): void {
    this.selected.update((selected) => {
      const next = new Set(selected);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(new Set(checked ? this.confirmable().map((row) => row.indicator.id) : []));
  }

  /** 确认无误: the selected readings as they are, in one request; a stale one refuses them all. */
  protected confirmSelected(): void {
    const selection = this.scope.selection();
    const items = this.rows()
      .filter((row) => this.selected().has(row.indicator.id))
      .map((row) => ({ indicatorId: row.indicator.id, version: row.indicator.version }));
    if (!selection || items.length === 0 || this.confirming()) return;
    const text = this.msg.admin.targets;
    this.modal.confirm({
      nzTitle: text.confirmTitle(items.length),
      nzContent: text.confirmContent,
      nzOkText: text.confirmSelected(items.length),
      nzCancelText: this.msg.admin.cancel,
      nzOnOk: () => {
        this.confirming.set(true);
        this.api
          .confirmTargets(selection.code, selection.year, items)
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe({
            next: (result) => {
              this.confirming.set(false);
              this.message.success(text.confirmed(result.confirmed));
              this.retry();
            },
            error: (error: unknown) => {
              this.confirming.set(false);
              const reason = apiErrorMessage(error, this.msg.errors);
              if (apiErrorCode(error) === 'VERSION_CONFLICT') {
                this.message.warning(text.confirmConflict(reason));
                this.retry();
              } else this.message.error(reason);
            },
          });
      },
    });
  }

  protected edit(row: UnsureIndicator): void {
    const target = row.indicator.target;
    const text = (value: number | undefined): string => (value === undefined ? '' : String(value));
    this.form.set({
      operator: target && target.operator !== 'all-of' ? target.operator : 'qualitative',
      value: text(target?.value),
      min: text(target?.min),
      max: text(target?.max),
      unit: target?.unit ?? '',
      deadline: target?.deadline ?? '',
      direction: target?.direction ?? 'none',
      accumulation: target?.accumulation ?? 'qualitative',
      note: '',
    });
    this.fieldErrors.set({});
    this.formError.set(null);
    this.editing.set(row);
  }

  protected close(): void {
    if (!this.busy()) this.editing.set(null);
  }

  protected set(field: keyof CorrectionForm, event: Event): void {
    this.setValue(field, (event.target as HTMLInputElement).value);
  }

  protected setDeadline(date: Date | null): void {
    this.setValue('deadline', date ? isoDay(date) : '');
  }

  protected setValue(field: keyof CorrectionForm, value: string): void {
    this.form.update((form) => (form ? { ...form, [field]: value } : form));
    this.fieldErrors.update((errors) => {
      const { [field]: _removed, ...rest } = errors;
      return rest;
    });
  }

  protected save(): void {
    const row = this.editing();
    const form = this.form();
    if (!row || !form || this.busy()) return;
    const numbers: Record<string, number | undefined> = {};
    const errors: Record<string, string> = {};
    for (const field of ['value', 'min', 'max'] as const) {
      const text = form[field].trim();
      if (!text) continue;
      const value = Number(text.replace(/,/g, ''));
      if (Number.isFinite(value)) numbers[field] = value;
      else errors[field] = this.msg.admin.targets.numberInvalid;
    }
    if (Object.keys(errors).length > 0) {
      this.fieldErrors.set(errors);
      return;
    }
    const correction: TargetCorrection = {
      version: row.indicator.version,
      operator: form.operator,
      ...(numbers['value'] !== undefined ? { value: numbers['value'] } : {}),
      ...(numbers['min'] !== undefined ? { min: numbers['min'] } : {}),
      ...(numbers['max'] !== undefined ? { max: numbers['max'] } : {}),
      ...(form.unit.trim() ? { unit: form.unit.trim() } : {}),
      ...(form.deadline ? { deadline: form.deadline } : {}),
      direction: form.direction,
      accumulation: form.accumulation,
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    };
    this.busy.set(true);
    this.formError.set(null);
    this.api
      .correctTarget(row.indicator.id, correction)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.editing.set(null);
          this.message.success(this.msg.admin.targets.corrected(row.indicator.name));
          this.retry();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (apiErrorCode(error) === 'VERSION_CONFLICT') {
            this.editing.set(null);
            this.message.warning(this.msg.admin.targets.conflict);
            this.retry();
            return;
          }
          const fields = apiFieldErrorMap(error);
          this.fieldErrors.set(fields);
          this.formError.set(apiErrorMessage(error, this.msg.errors));
        },
      });
  }

  /** The department-wide goals and every project's goals of the year, reduced to the unsure indicators. */
  private load(code: string, year: number): Observable<UnsureIndicator[]> {
    const departmentWide = this.api
      .departmentYear(code, year)
      .pipe(map((department) => unsureIndicators(department.goals, this.msg.admin.targets.departmentWide)));
    const projects = this.api
      .projects(code, year)
      .pipe(
        switchMap((list) =>
          list.length === 0
            ? of([] as UnsureIndicator[][])
            : forkJoin(
                list.map((project) =>
                  this.api
                    .project(project.id)
                    .pipe(map((detail) => unsureIndicators(detail.goals, project.name))),
                ),
              ),
        ),
      );
    return forkJoin([departmentWide, projects]).pipe(
      map(([own, perProject]) => [...own, ...perProject.flat()]),
    );
  }
}
