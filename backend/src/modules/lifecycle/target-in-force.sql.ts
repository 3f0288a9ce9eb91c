/**
 * The target in force for a month, in SQL (docs/domain.md "申报、批复与调整"; libs/domain targetInForce is the same
 * rule): the old target of the indicator's earliest approved adjustment that takes effect after the month, else the
 * indicator's current target. `indicator` is the SQL alias of `indicators`, `period` an SQL expression (YYYY-MM).
 */
export function targetInForceSql(indicator: string, period: string, column: 'parsed' | 'raw'): string {
  const later = `FROM indicator_target_history h WHERE h.indicator_id = ${indicator}.id AND h.effective_from > ${period}`;
  return `CASE WHEN EXISTS (SELECT 1 ${later})
            THEN (SELECT h.old_target_${column} ${later} ORDER BY h.effective_from LIMIT 1)
            ELSE ${indicator}.target_${column} END`;
}
