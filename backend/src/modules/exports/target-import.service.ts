import { Injectable } from '@nestjs/common';
import type { ImportDiff } from '@jixiao/domain';
import {
  archiveRows,
  assertArchiveConfirmed,
  ChangeTracker,
  type ChangedRow,
  ImportOptions,
  recordRestore,
  SEQ_SHIFT,
} from '../goals/archive.writer';
import { upsertIndicatorNodes } from '../goals/indicator-nodes.writer';
import { DataSource, EntityManager } from 'typeorm';
import { transactionOrPreview } from '../../database/preview-transaction';
import { reevaluateReports } from '../monitoring/report-lights.writer';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException, notFound } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { ExportsRepository } from './exports.repository';
import { readTargetSheet, RowError, TargetSheetRow } from './target-sheet.reader';

export const MAX_TARGET_FILE_BYTES = 5 * 1024 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ARCHIVE_REASON = 'Excel 导入的年度绩效指标表不再包含此项';
const RESTORE_REASON = 'Excel 导入的年度绩效指标表重新包含此项';

export interface TargetImportResult {
  projectId: string;
  goalId: string;
  /** Nothing was written: the answer says what applying would change. */
  preview: boolean;
  indicators: number;
  created: number;
  updated: number;
  /** Indicators no longer in the sheet: hidden from the year's views, kept with their reports. */
  archived: number;
  /** Archived indicators back in the sheet: the same rows, with their reports. */
  restored: number;
  /** Stored reports whose light changed with the new targets (re-evaluated in the same transaction). */
  reevaluated: number;
  diff: ImportDiff;
}

interface ExistingIndicator {
  id: string;
  goalId: string;
  archivedAt: Date | null;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  weight: number | null;
  reports: number;
}

/** Field → message of the error body, one per bad cell, e.g. `rows[5].指标值` → "第 5 行「指标值」：…". */
export function rowErrorMap(errors: RowError[]): Record<string, string> {
  return Object.fromEntries(
    errors.map((error) => [
      `rows[${error.row}]${error.column ? `.${error.column}` : ''}`,
      `第 ${error.row} 行${error.column ? `「${error.column}」` : ''}：${error.message}`,
    ]),
  );
}

/**
 * Excel import of a project's annual target table (provincial 一体化 format). The sheet's rows replace the
 * annual goal's indicators in one transaction: rows matching an existing indicator (一级 + 二级 + 三级) update it in
 * place, so its progress reports stay (an archived one is restored); the others are created; indicators missing
 * from the sheet are archived, never deleted. `preview` runs the same and rolls back.
 */
@Injectable()
export class TargetImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ExportsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async importProjectTargets(
    projectId: string,
    file: Express.Multer.File | undefined,
    options: ImportOptions = {},
  ): Promise<TargetImportResult> {
    this.access.assertAdmin();
    if (!file) throw this.fileError('请上传文件（字段名 file）');
    if (!file.buffer?.length) throw this.fileError('文件为空');
    if (!file.buffer.subarray(0, 4).equals(ZIP_MAGIC))
      throw this.fileError('不是 Excel（.xlsx）文件，请使用导入模板');
    const sheet = await readTargetSheet(file.buffer);
    if (!sheet.ok) {
      if (sheet.fileError) throw this.fileError(sheet.fileError);
      throw new AppException(
        ErrorCode.ValidationFailed,
        `导入文件有 ${sheet.errors.length} 处错误，未导入任何内容`,
        rowErrorMap(sheet.errors),
        { rows: sheet.errors },
      );
    }
    const fileName = Buffer.from(file.originalname ?? '', 'latin1').toString('utf8');
    return transactionOrPreview(this.dataSource, options.preview ?? false, async (manager) => {
      const result = await this.replace(manager, projectId, sheet.rows, fileName, options);
      assertArchiveConfirmed(result.diff, options, { result });
      return result;
    });
  }

  private async replace(
    manager: EntityManager,
    projectId: string,
    rows: TargetSheetRow[],
    fileName: string,
    options: ImportOptions,
  ): Promise<TargetImportResult> {
    const project = await this.repository.projectForImport(manager, projectId);
    if (!project) throw notFound('项目');
    this.access.assertCanReadDepartment(project.departmentId);
    if (project.archived)
      throw new AppException(
        ErrorCode.Conflict,
        '该项目已归档（导入的新版本不再包含），不能导入年度绩效指标',
      );
    if (project.evaluationStatus === 'submitted' || project.evaluationStatus === 'approved')
      throw new AppException(
        ErrorCode.Locked,
        '该项目的绩效自评已提交或审核通过，不能替换年度绩效指标',
        undefined,
        { status: project.evaluationStatus },
      );

    const goals: { id: string; seq: number }[] = await manager.query(
      `SELECT id, seq FROM goals WHERE project_id = $1 AND term = 'annual' AND archived_at IS NULL ORDER BY seq FOR UPDATE`,
      [projectId],
    );
    const goalId =
      goals[0]?.id ??
      (
        await manager.query(
          `INSERT INTO goals (fiscal_year_id, project_id, term, seq, label, title) VALUES ($1, $2, 'annual', 1, '年度绩效目标', '')
           RETURNING id`,
          [project.fiscalYearId, projectId],
        )
      )[0].id;
    const existing: ExistingIndicator[] = await manager.query(
      `SELECT i.id, i.goal_id AS "goalId", i.archived_at AS "archivedAt", COALESCE(l1.name, '') AS level1, l2.name AS level2,
              i.name, i.target_raw AS "targetRaw", i.weight::float8 AS weight,
              (SELECT count(*)::int FROM progress_reports r WHERE r.indicator_id = i.id) AS reports
         FROM indicators i JOIN goals g ON g.id = i.goal_id
         JOIN indicator_nodes l2 ON l2.id = i.node_id LEFT JOIN indicator_nodes l1 ON l1.id = l2.parent_id
        WHERE g.project_id = $1 AND g.term = 'annual'
        ORDER BY i.archived_at IS NULL, i.archived_at`,
      [projectId],
    );
    const key = (level1: string, level2: string, name: string) =>
      `${level1}|${level2}|${name.replace(/\s+/g, '')}`;
    // Archived rows first, so a live indicator of the same key wins the match.
    const byKey = new Map(
      existing.map((indicator) => [key(indicator.level1, indicator.level2, indicator.name), indicator]),
    );
    const live = existing.filter((indicator) => !indicator.archivedAt);
    const changes = new ChangeTracker();
    const rowOf = (id: string, name: string): ChangedRow => ({
      kind: 'indicator',
      id,
      project: project.name,
      goal: '年度绩效目标',
      name,
      parents: [projectId, goalId],
    });

    await manager.query(
      `UPDATE indicators SET seq = seq + ${SEQ_SHIFT} WHERE goal_id = $1 AND archived_at IS NULL`,
      [goalId],
    );
    const nodes = await upsertIndicatorNodes(manager, goalId, rows);
    const kept = new Set<string>();
    let created = 0;
    let updated = 0;
    let restored = 0;
    for (const [index, row] of rows.entries()) {
      const match = byKey.get(key(row.level1, row.level2, row.name));
      const t = row.target;
      const values = [
        nodes.get(`${row.level1}|${row.level2}`),
        index + 1,
        row.name,
        t.raw,
        t.operator,
        t.value ?? null,
        t.min ?? null,
        t.max ?? null,
        t.unit ?? null,
        t.deadline ?? null,
        t.direction,
        t.accumulation,
        t.confidence,
        JSON.stringify(t),
        row.unit,
        row.weight,
      ];
      const columns = `node_id = $2, seq = $3, name = $4, target_raw = $5, target_operator = $6, target_value = $7, target_min = $8,
        target_max = $9, target_unit = $10, target_deadline = $11, target_direction = $12, target_accumulation = $13,
        target_confidence = $14, target_note = NULL, target_parsed = $15, target_corrected = false, unit = $16, weight = $17`;
      if (match && !kept.has(match.id)) {
        kept.add(match.id);
        // Moved into the first annual goal when it came from another one.
        await manager.query(
          `UPDATE indicators SET goal_id = $18, ${columns}, archived_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
          [match.id, ...values, goalId],
        );
        if (match.archivedAt) {
          restored++;
          await recordRestore(
            manager,
            this.audit,
            changes,
            rowOf(match.id, row.name),
            match.archivedAt,
            RESTORE_REASON,
          );
        } else {
          updated++;
          changes.add('updated', rowOf(match.id, row.name));
        }
      } else {
        const [{ id }] = await manager.query(
          `INSERT INTO indicators (goal_id, node_id, seq, name, target_raw, target_operator, target_value, target_min, target_max,
                                   target_unit, target_deadline, target_direction, target_accumulation, target_confidence,
                                   target_parsed, unit, weight)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
          [goalId, ...values],
        );
        const { parents, ...item } = rowOf(id, row.name);
        changes.add('created', item, parents);
        created++;
      }
    }
    // Indicators the sheet no longer holds are archived with their reports, never deleted.
    const gone = live.filter((indicator) => !kept.has(indicator.id));
    await archiveRows(
      manager,
      this.audit,
      changes,
      'indicator',
      gone.map((i) => ({ ...rowOf(i.id, i.name), parents: [projectId, i.goalId] })),
      ARCHIVE_REASON,
    );
    // Other annual goals gave their indicators to the first one: an empty one goes, one still holding archived
    // indicators is archived with them.
    await manager.query(
      `DELETE FROM goals g WHERE g.project_id = $1 AND g.term = 'annual' AND g.id <> $2
          AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.goal_id = g.id)`,
      [projectId, goalId],
    );
    const otherGoals: { id: string; label: string }[] = await manager.query(
      `SELECT id, label FROM goals WHERE project_id = $1 AND term = 'annual' AND id <> $2 AND archived_at IS NULL`,
      [projectId, goalId],
    );
    await archiveRows(
      manager,
      this.audit,
      changes,
      'goal',
      otherGoals.map((g) => ({
        kind: 'goal',
        id: g.id,
        project: project.name,
        goal: g.label,
        name: g.label,
        parents: [projectId],
      })),
      ARCHIVE_REASON,
    );
    await manager.query(
      `DELETE FROM indicator_nodes n WHERE n.goal_id = $1 AND n.level = 2 AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.node_id = n.id)`,
      [goalId],
    );
    await manager.query(
      `DELETE FROM indicator_nodes n WHERE n.goal_id = $1 AND n.level = 1 AND NOT EXISTS (SELECT 1 FROM indicator_nodes c WHERE c.parent_id = n.id)`,
      [goalId],
    );
    await this.audit.record(manager, {
      action: 'targets.import',
      entity: 'project',
      entityId: projectId,
      before: {
        indicators: existing.map(({ id, level1, level2, name, targetRaw, weight, reports }) => ({
          id,
          level1,
          level2,
          name,
          targetRaw,
          weight,
          reports,
        })),
      },
      after: {
        fileName,
        indicators: rows.map((row) => ({
          level1: row.level1,
          level2: row.level2,
          name: row.name,
          targetRaw: row.target.raw,
          weight: row.weight,
        })),
      },
      reason: `Excel 导入年度绩效指标：${fileName}`,
    });
    // Updated and restored indicators keep their reports: their lights follow the new targets (never stale).
    const reevaluated = await reevaluateReports(manager, this.audit, [...kept]);
    return {
      projectId,
      goalId,
      preview: options.preview ?? false,
      indicators: rows.length,
      created,
      updated,
      archived: gone.length,
      restored,
      reevaluated,
      diff: changes.diff(),
    };
  }

  private fileError(message: string): AppException {
    return new AppException(ErrorCode.ValidationFailed, message, { file: `file：${message}` });
  }
}
