/**
 * SQL: whether any report was made in the fiscal year `alias` (the `reported` of libs/domain `YearState`). Every
 * write of a month's report, budget execution or evidence first creates the month's workflow row
 * (`report_periods`, MonitoringRepository.holdPeriod) in the same transaction, so one index probe of those rows
 * answers it — not a scan of the year's indicators and their reports (484 ms at 100 departments).
 */
export const yearReportedSql = (alias: string): string =>
  `EXISTS (SELECT 1 FROM report_periods rp WHERE rp.fiscal_year_id = ${alias}.id)`;
