import { Injectable } from '@nestjs/common';
import type { ArchivableKind, MonitoringCounts } from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import { returnedRows } from '../../database/sql.util';

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

/**
 * The seq each archived row moves to: out of the way of the live rows, unique among the archived ones. Rows of
 * one scope archived together are numbered in the order given (`x.n`), as archiving them one by one would.
 */
function archivedSeq(kind: ArchivableKind): string {
  const numbered = (scope: string, filter = 'true') =>
    `GREATEST(${ARCHIVED_SPARE_SEQ}, (SELECT max(o.seq) FROM ${TABLE[kind]} o WHERE ${scope}))
       + row_number() OVER (PARTITION BY ${filter}, ${SCOPE[kind]} ORDER BY x.n)`;
  if (kind === 'project') return numbered('o.fiscal_year_id = t.fiscal_year_id');
  if (kind === 'indicator') return numbered('o.goal_id = t.goal_id');
  const sameParent = `o.term = t.term AND (o.project_id = t.project_id OR (o.project_id IS NULL AND t.project_id IS NULL AND o.fiscal_year_id = t.fiscal_year_id))`;
  const taken = `EXISTS (SELECT 1 FROM goals o WHERE ${sameParent} AND o.seq = ${ARCHIVED_SEQ} + t.seq % ${SEQ_SHIFT})`;
  return `CASE WHEN ${taken} THEN ${numbered(sameParent, taken)} ELSE ${ARCHIVED_SEQ} + t.seq % ${SEQ_SHIFT} END`;
}

/** The rows whose archived seq is counted together (the `scope` of archivedSeq, as columns of `t`). */
const SCOPE: Record<ArchivableKind, string> = {
  project: 't.fiscal_year_id',
  indicator: 't.goal_id',
  goal: 't.term, t.project_id, t.fiscal_year_id',
};

/** Archiving by import: what is recorded below a row, and moving a row out of the live numbering. */
@Injectable()
export class ArchiveRepository {
  /** Reports, evidence, self-evaluation items, budget execution and assignments below each row, by id. */
  async monitoringCounts(
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

  /** Archives one live row (version + 1); undefined when it was archived already. */
  async archive(
    manager: EntityManager,
    kind: ArchivableKind,
    id: string,
  ): Promise<{ archivedAt: Date } | undefined> {
    const archivedAt = (await this.archiveMany(manager, kind, [id])).get(id);
    return archivedAt && { archivedAt };
  }

  /**
   * Archives the live rows among `ids` (version + 1) in one statement; returns id → archived_at of those it
   * archived (a row archived already is left out).
   */
  async archiveMany(manager: EntityManager, kind: ArchivableKind, ids: string[]): Promise<Map<string, Date>> {
    if (!ids.length) return new Map();
    const archived = returnedRows<{ id: string; archivedAt: Date }>(
      await manager.query(
        `WITH x AS (SELECT id, n FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)),
            placed AS (SELECT t.id, ${archivedSeq(kind)} AS seq
                         FROM ${TABLE[kind]} t JOIN x ON x.id = t.id WHERE t.archived_at IS NULL)
       UPDATE ${TABLE[kind]} t SET archived_at = now(), seq = placed.seq, version = version + 1, updated_at = now()
         FROM placed WHERE t.id = placed.id RETURNING t.id, t.archived_at AS "archivedAt"`,
        [ids],
      ),
    );
    return new Map(archived.map((row) => [row.id, row.archivedAt]));
  }
}
