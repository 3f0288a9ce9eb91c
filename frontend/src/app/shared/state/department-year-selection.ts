import { computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import { switchMap } from 'rxjs';

import { DepartmentsApi } from '../../core/api/departments.api';
import type { DepartmentSummary } from '../../core/api/departments.models';
import { monthsOf, parsePeriod, periodOf } from '../time/period';
import { LOADING, type LoadState, toLoadState } from './load-state';
import { readyValue } from './request-state';

/**
 * The department, budget year and month (截至月份) a page looks at, kept in the URL
 * (?department=031&year=2025&asOf=2025-06) so that a view can be reloaded and shared. Without them: the first
 * department the user may see, the year it is monitoring (the API's currentYear), and the API's default month. Call in an injection context.
 */
export function departmentYearSelection() {
  const api = inject(DepartmentsApi);
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const queryParams = toSignal(route.queryParamMap, { requireSync: true });
  const attempt = signal(0);

  const departments = toSignal(toObservable(attempt).pipe(switchMap(() => toLoadState(api.list()))), {
    initialValue: LOADING as LoadState<DepartmentSummary[]>,
  });
  const list = computed(() => readyValue(departments()) ?? []);
  const department = computed(() => {
    const requested = queryParams().get('department');
    return list().find((candidate) => candidate.code === requested) ?? list().at(0) ?? null;
  });
  /** Latest first: the year people work on is the current one. */
  const years = computed(() => [...(department()?.years ?? [])].sort((a, b) => b - a));
  /** Every year any readable department has, for views across departments. */
  const allYears = computed(() => [...new Set(list().flatMap((item) => item.years))].sort((a, b) => b - a));
  const year = computed(() => {
    const requested = Number(queryParams().get('year'));
    if (years().includes(requested)) return requested;
    // The year being monitored, not a next year still in preparation (结转 creates it ahead of time).
    return department()?.currentYear ?? years()[0] ?? null;
  });
  /** The month asked for in the URL, if it belongs to the year; null lets the API choose. */
  const asOf = computed(() => {
    const current = year();
    return current === null ? null : parsePeriod(queryParams().get('asOf'), current);
  });
  const months = computed(() => {
    const current = year();
    return current === null ? [] : monthsOf(current);
  });

  const navigate = (params: Params): void => {
    void router.navigate([], { relativeTo: route, queryParams: params, queryParamsHandling: 'merge' });
  };

  return {
    departments,
    list,
    department,
    years,
    allYears,
    year,
    asOf,
    months,
    queryParams,
    retry: (): void => attempt.update((value) => value + 1),
    /** The department's own latest year and the default month apply. */
    selectDepartment: (code: string): void => navigate({ department: code, year: null, asOf: null }),
    selectYear: (value: number): void => navigate({ year: value, asOf: null }),
    selectMonth: (month: number): void => {
      const current = year();
      if (current !== null) navigate({ asOf: periodOf(current, month) });
    },
    navigate,
  };
}

export type DepartmentYearSelection = ReturnType<typeof departmentYearSelection>;
