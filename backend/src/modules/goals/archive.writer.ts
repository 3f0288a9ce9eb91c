import { Injectable } from '@nestjs/common';
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
import { type AuditRecord, AuditService } from '../audit/audit.service';
import { ArchiveRepository } from './archive.repository';

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

/** Archives and restores rows for an import, each with its audit entry, collecting the change. */
@Injectable()
export class ArchiveWriter {
  constructor(
    private readonly repository: ArchiveRepository,
    private readonly audit: AuditService,
  ) {}

  /** Archives rows (hidden from the year's views, kept with everything attached), one audit entry each. */
  async archiveRows(
    manager: EntityManager,
    changes: ChangeTracker,
    kind: ArchivableKind,
    rows: ChangedRow[],
    reason: string,
  ): Promise<void> {
    if (!rows.length) return;
    const ids = rows.map((row) => row.id);
    const counts = await this.repository.monitoringCounts(manager, kind, ids);
    const archived = await this.repository.archiveMany(manager, kind, ids);
    const entries: AuditRecord[] = [];
    for (const { parents, ...row } of rows) {
      const archivedAt = archived.get(row.id);
      // Archived already: nothing to record.
      if (!archivedAt) continue;
      const item: ArchivedItem = { ...row, kind, ...(counts.get(row.id) as MonitoringCounts) };
      const { kind: _kind, id: _id, ...before } = item;
      entries.push({
        action: `${kind}.archive-by-import`,
        entity: kind,
        entityId: row.id,
        before,
        after: { archivedAt },
        reason,
      });
      changes.add('archived', item, parents);
    }
    await this.audit.recordMany(manager, entries);
  }

  /** Records a row that an import brought back (the caller's update cleared archived_at), with its audit entry. */
  async recordRestore(
    manager: EntityManager,
    changes: ChangeTracker,
    row: ChangedRow,
    archivedAt: Date | string,
    reason: string,
  ): Promise<void> {
    await this.recordRestores(manager, changes, [{ row, archivedAt }], reason);
  }

  /** `recordRestore` of many rows, their audit entries written in one statement in the order given. */
  async recordRestores(
    manager: EntityManager,
    changes: ChangeTracker,
    restores: { row: ChangedRow; archivedAt: Date | string }[],
    reason: string,
  ): Promise<void> {
    const entries = restores.map(({ row, archivedAt }): AuditRecord => {
      const { parents, ...item } = row;
      const { kind, id, ...after } = item;
      changes.add('restored', item, parents);
      return {
        action: `${kind}.restore-by-import`,
        entity: kind,
        entityId: id,
        before: { archivedAt },
        after: { ...after, archivedAt: null },
        reason,
      };
    });
    await this.audit.recordMany(manager, entries);
  }
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
