import {
  type ArchivableKind,
  type ArchivedItem,
  type ChangeItem,
  type ImportDiff,
  type MonitoringCounts,
  needsArchiveConfirmation,
} from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';

/** Live rows are moved up by this while an import renumbers them, so a unique (parent, seq) key never trips. */
export const SEQ_SHIFT = 1_000_000;
/** Archived goals keep their published order as ARCHIVED_SEQ + seq, so a later import finds them by it. */
export const ARCHIVED_SEQ = 100_000_000;
/** Archived projects and indicators (matched by code or name, not by order) are numbered from here. */
const ARCHIVED_SPARE_SEQ = 2 * ARCHIVED_SEQ;

const TABLE: Record<ArchivableKind, string> = { project: 'projects', goal: 'goals', indicator: 'indicators' };

/** The rows whose indicators belong to each archivable row. */
const INDICATORS_OF: Record<ArchivableKind, string> = {
  project: `SELECT p.id AS owner, i.id AS indicator_id FROM projects p
              LEFT JOIN goals g ON g.project_id = p.id LEFT JOIN indicators i ON i.goal_id = g.id WHERE p.id = ANY($1::uuid[])`,
  goal: `SELECT g.id AS owner, i.id AS indicator_id FROM goals g LEFT JOIN indicators i ON i.goal_id = g.id WHERE g.id = ANY($1::uuid[])`,
  indicator: `SELECT i.id AS owner, i.id AS indicator_id FROM indicators i WHERE i.id = ANY($1::uuid[])`,
};

/** Reports, evidence, self-evaluation items, budget execution and assignments below each row, by id. */
export async function monitoringCounts(
  manager: EntityManager,
  kind: ArchivableKind,
  ids: string[],
): Promise<Map<string, MonitoringCounts>> {
  if (!ids.length) return new Map();
  const rows: (MonitoringCounts & { owner: string })[] = await manager.query(
    `WITH owned AS (${INDICATORS_OF[kind]})
     SELECT o.owner,
            count(r.id)::int AS reports,
            (SELECT count(*)::int FROM evidence_files e JOIN progress_reports r2 ON r2.id = e.progress_report_id
              JOIN owned o2 ON o2.indicator_id = r2.indicator_id WHERE o2.owner = o.owner) AS "evidenceFiles",
            (SELECT count(*)::int FROM self_evaluation_items s JOIN owned o2 ON o2.indicator_id = s.indicator_id
              WHERE o2.owner = o.owner) AS "selfEvaluationItems",
            (SELECT count(*)::int FROM budget_executions b WHERE b.project_id = o.owner) AS "budgetExecutions",
            (SELECT count(*)::int FROM project_assignments a WHERE a.project_id = o.owner) AS assignments
       FROM owned o LEFT JOIN progress_reports r ON r.indicator_id = o.indicator_id
      GROUP BY o.owner`,
    [ids],
  );
  return new Map(rows.map(({ owner, ...counts }) => [owner, counts]));
}

/** The seq an archived row moves to: out of the way of the live rows, unique among the archived ones. */
function archivedSeq(kind: ArchivableKind): string {
  const spare = (scope: string) =>
    `GREATEST(${ARCHIVED_SPARE_SEQ}, (SELECT max(o.seq) FROM ${TABLE[kind]} o WHERE ${scope})) + 1`;
  if (kind === 'project') return spare('o.fiscal_year_id = t.fiscal_year_id');
  if (kind === 'indicator') return spare('o.goal_id = t.goal_id');
  const sameParent = `o.term = t.term AND (o.project_id = t.project_id OR (o.project_id IS NULL AND t.project_id IS NULL AND o.fiscal_year_id = t.fiscal_year_id))`;
  return `CASE WHEN EXISTS (SELECT 1 FROM goals o WHERE ${sameParent} AND o.seq = ${ARCHIVED_SEQ} + t.seq % ${SEQ_SHIFT})
               THEN ${spare(sameParent)} ELSE ${ARCHIVED_SEQ} + t.seq % ${SEQ_SHIFT} END`;
}

/** One row of a change, with the ids of the project and goal it belongs to. */
export interface ChangedRow extends ChangeItem {
  parents: (string | null)[];
}

/** Collects what an import changes; `diff()` gives the list shown to people. */
export class ChangeTracker {
  private readonly rows: {
    [K in keyof ImportDiff]: { item: ImportDiff[K][number]; parents: (string | null)[] }[];
  } = { created: [], updated: [], archived: [], restored: [] };

  add<K extends keyof ImportDiff>(
    list: K,
    item: ImportDiff[K][number],
    parents: (string | null)[] = [],
  ): void {
    this.rows[list].push({ item, parents });
  }

  /**
   * A row under a project or goal that is archived, restored or created by the same change goes with its
   * parent and is not listed again (an archived project's counts include it). Updates are listed row by row.
   */
  diff(): ImportDiff {
    const topLevel = <T extends ChangeItem>(rows: { item: T; parents: (string | null)[] }[]): T[] => {
      const ids = new Set(rows.map((row) => row.item.id));
      return rows.filter((row) => !row.parents.some((p) => p && ids.has(p))).map((row) => row.item);
    };
    return {
      created: topLevel(this.rows.created),
      updated: this.rows.updated.map((row) => row.item),
      archived: topLevel(this.rows.archived),
      restored: topLevel(this.rows.restored),
    };
  }
}

/** Archives rows (hidden from the year's views, kept with everything attached), one audit entry each. */
export async function archiveRows(
  manager: EntityManager,
  audit: AuditService,
  changes: ChangeTracker,
  kind: ArchivableKind,
  rows: ChangedRow[],
  reason: string,
): Promise<void> {
  const counts = await monitoringCounts(
    manager,
    kind,
    rows.map((row) => row.id),
  );
  for (const { parents, ...row } of rows) {
    const item: ArchivedItem = { ...row, kind, ...(counts.get(row.id) as MonitoringCounts) };
    const [archived] = await manager.query(
      `UPDATE ${TABLE[kind]} t SET archived_at = now(), seq = ${archivedSeq(kind)}, version = version + 1, updated_at = now()
        WHERE t.id = $1 AND t.archived_at IS NULL RETURNING t.archived_at AS "archivedAt"`,
      [row.id],
    );
    if (!archived) continue;
    const { kind: _kind, id: _id, ...before } = item;
    await audit.record(manager, {
      action: `${kind}.archive-by-import`,
      entity: kind,
      entityId: row.id,
      before,
      after: { archivedAt: archived.archivedAt },
      reason,
    });
    changes.add('archived', item, parents);
  }
}

/** Records a row that an import brought back (the caller's update cleared archived_at), with its audit entry. */
export async function recordRestore(
  manager: EntityManager,
  audit: AuditService,
  changes: ChangeTracker,
  row: ChangedRow,
  archivedAt: Date | string,
  reason: string,
): Promise<void> {
  const { parents, ...item } = row;
  const { kind, id, ...after } = item;
  await audit.record(manager, {
    action: `${kind}.restore-by-import`,
    entity: kind,
    entityId: id,
    before: { archivedAt },
    after: { ...after, archivedAt: null },
    reason,
  });
  changes.add('restored', item, parents);
}

/** preview: run and roll back; confirmArchive: the admin accepts archiving rows that carry monitoring data. */
export interface ImportOptions {
  preview?: boolean;
  confirmArchive?: boolean;
}

/** An apply that would archive monitored rows without the admin's confirmation: 409 with the diff (rolls back). */
export function assertArchiveConfirmed(
  diff: ImportDiff,
  options: ImportOptions,
  details: Record<string, unknown> = {},
): void {
  if (options.preview || options.confirmArchive || !needsArchiveConfirmation(diff)) return;
  throw new AppException(
    ErrorCode.ImportNeedsConfirmation,
    '导入将归档含有监控数据的项目、目标或指标，请先预览，确认后以 confirmArchive=true 重新导入',
    undefined,
    { diff, ...details },
  );
}
