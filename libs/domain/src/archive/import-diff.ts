/** What an import changes, row by row: the preview shows it, and applying asks for confirmation on it. */
export type ArchivableKind = 'project' | 'goal' | 'indicator';

export interface ChangeItem {
  kind: ArchivableKind;
  id: string;
  /** 项目名称, or 部门整体 for department-wide goals. */
  project: string;
  /** 目标名称 of a goal or of an indicator's goal; null for a project. */
  goal: string | null;
  name: string;
}

/** Monitoring data attached to a row (a project counts everything below it). */
export interface MonitoringCounts {
  reports: number;
  evidenceFiles: number;
  selfEvaluationItems: number;
  budgetExecutions: number;
  assignments: number;
}

export type ArchivedItem = ChangeItem & MonitoringCounts;

/**
 * Rows created, updated, archived (no longer in the document: hidden, kept with their history) and restored
 * (back in the document: same id, all history). A row under a project or goal archived, restored or created in
 * the same change is not listed again; an archived project's counts include its goals and indicators.
 */
export interface ImportDiff {
  created: ChangeItem[];
  updated: ChangeItem[];
  archived: ArchivedItem[];
  restored: ChangeItem[];
}

export const emptyImportDiff = (): ImportDiff => ({ created: [], updated: [], archived: [], restored: [] });

export const carriesMonitoringData = (counts: MonitoringCounts): boolean =>
  counts.reports +
    counts.evidenceFiles +
    counts.selfEvaluationItems +
    counts.budgetExecutions +
    counts.assignments >
  0;

/** Archiving rows that carry monitoring data hides what users entered: the admin confirms it first. */
export const needsArchiveConfirmation = (diff: ImportDiff): boolean =>
  diff.archived.some(carriesMonitoringData);
