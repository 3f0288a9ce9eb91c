/** URLs of the official monitoring form (执行监控表); `round` exports a closed round's snapshot. */
export interface MonitoringFormTarget {
  /** A project's form (xlsx and docx); else the department's workbook (code and year). */
  readonly projectId?: string;
  readonly code?: string;
  readonly year: number;
  /** YYYY-MM: the X of 1–X月. */
  readonly period: string;
  readonly round?: string | null;
}

export type MonitoringFormFormat = 'xlsx' | 'docx';

export function monitoringFormUrl(target: MonitoringFormTarget, format: MonitoringFormFormat): string {
  const path = target.projectId
    ? `/api/projects/${encodeURIComponent(target.projectId)}/monitoring/${target.period}.${format}`
    : `/api/departments/${encodeURIComponent(target.code ?? '')}/years/${target.year}/monitoring/${target.period}.xlsx`;
  return target.round ? `${path}?round=${encodeURIComponent(target.round)}` : path;
}
