import { Injectable, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { switchMap } from 'rxjs';

import { LOADING, type LoadState, toLoadState } from '../../shared/state/load-state';
import { AdminApi, type Department } from './admin.api';

/**
 * The department and year the admin tabs work on (期间锁定, 项目负责人, 指标值更正), shared by the tabs so a choice
 * made on one holds on the others. Provided by the admin layout.
 */
@Injectable()
export class AdminScope {
  private readonly api = inject(AdminApi);

  private readonly attempt = signal(0);

  readonly departments = toSignal(
    toObservable(this.attempt).pipe(switchMap(() => toLoadState(this.api.departments()))),
    { initialValue: LOADING as LoadState<Department[]> },
  );

  private readonly chosenCode = signal<string | null>(null);
  private readonly chosenYear = signal<number | null>(null);

  readonly departmentList = computed(() => {
    const state = this.departments();
    return state.status === 'ready' ? state.value : [];
  });

  readonly department = computed<Department | null>(() => {
    const list = this.departmentList();
    return list.find((department) => department.code === this.chosenCode()) ?? list.at(0) ?? null;
  });

  /** Latest first. */
  readonly years = computed(() => [...(this.department()?.years ?? [])].sort((a, b) => b - a));

  readonly year = computed(() => {
    const years = this.years();
    const chosen = this.chosenYear();
    return chosen !== null && years.includes(chosen) ? chosen : (years[0] ?? null);
  });

  /** The department code and year, or null until both are known. */
  readonly selection = computed(
    () => {
      const department = this.department();
      const year = this.year();
      return department && year !== null ? { code: department.code, year } : null;
    },
    { equal: (a, b) => a === b || (a !== null && b !== null && a.code === b.code && a.year === b.year) },
  );

  chooseDepartment(code: string): void {
    this.chosenCode.set(code);
    this.chosenYear.set(null);
  }

  chooseYear(year: number): void {
    this.chosenYear.set(year);
  }

  /** Reads the departments and their years again (after a year was created); the choice is kept. */
  reload(): void {
    this.attempt.update((attempt) => attempt + 1);
  }
}
