/** One budget year as the choice of a default year sees it. */
export interface YearState {
  readonly year: number;
  /** Any report was made in it. */
  readonly reported: boolean;
  /** Still in preparation (a draft year, e.g. created ahead by 结转). */
  readonly preparing: boolean;
}

/**
 * The year a page opens at without one in its address (docs/domain.md §14): the latest year with any report;
 * when none has one, the latest that is not in preparation; else the latest; null without years.
 */
export function yearBeingMonitored(years: readonly YearState[]): number | null {
  const latest = (list: readonly YearState[]): number | null =>
    list.length ? Math.max(...list.map((state) => state.year)) : null;
  return (
    latest(years.filter((state) => state.reported)) ??
    latest(years.filter((state) => !state.preparing)) ??
    latest(years)
  );
}
