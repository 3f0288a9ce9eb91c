import { Injectable } from '@nestjs/common';
import type { ImportDiff } from '@jixiao/domain';
import {
  ArchiveWriter,
  assertArchiveConfirmed,
  ChangeTracker,
  type ChangedRow,
  ImportOptions,
} from '../goals/archive.writer';
import { IndicatorNodesRepository } from '../goals/indicator-nodes.repository';
import { targetColumns } from '../goals/target-columns.mapper';
import { DataSource, EntityManager } from 'typeorm';
import { transactionOrPreview } from '../../database/preview-transaction';
import { ReportLightsWriter } from '../monitoring/report-lights.writer';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException, notFound } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { ExportsRepository } from './exports.repository';
import { TargetImportRepository } from './target-import.repository';
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
    private readonly targetImports: TargetImportRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly archives: ArchiveWriter,
    private readonly nodes: IndicatorNodesRepository,
    private readonly lights: ReportLightsWriter,
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

    const goals = await this.targetImports.lockAnnualGoals(manager, projectId);
    const goalId =
      goals[0]?.id ?? (await this.targetImports.createAnnualGoal(manager, project.fiscalYearId, projectId));
    const existing = await this.targetImports.annualIndicators(manager, projectId);
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

    await this.targetImports.shiftIndicatorSeq(manager, goalId);
    const nodes = await this.nodes.upsert(manager, goalId, rows);
    const kept = new Set<string>();
    let created = 0;
    let updated = 0;
    let restored = 0;
    for (const [index, row] of rows.entries()) {
      const match = byKey.get(key(row.level1, row.level2, row.name));
      const values = {
        // Moved into the first annual goal when it came from another one.
        goalId,
        nodeId: nodes.get(`${row.level1}|${row.level2}`) as string,
        seq: index + 1,
        name: row.name,
        ...targetColumns(row.target.raw, row.target),
        unit: row.unit,
        weight: row.weight,
      };
      if (match && !kept.has(match.id)) {
        kept.add(match.id);
        await this.targetImports.updateIndicator(manager, match.id, values);
        if (match.archivedAt) {
          restored++;
          await this.archives.recordRestore(
            manager,
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
        const id = await this.targetImports.insertIndicator(manager, values);
        const { parents, ...item } = rowOf(id, row.name);
        changes.add('created', item, parents);
        created++;
      }
    }
    // Indicators the sheet no longer holds are archived with their reports, never deleted.
    const gone = live.filter((indicator) => !kept.has(indicator.id));
    await this.archives.archiveRows(
      manager,
      changes,
      'indicator',
      gone.map((i) => ({ ...rowOf(i.id, i.name), parents: [projectId, i.goalId] })),
      ARCHIVE_REASON,
    );
    // Other annual goals gave their indicators to the first one: an empty one goes, one still holding archived
    // indicators is archived with them.
    const otherGoals = await this.targetImports.removeEmptyAnnualGoals(manager, projectId, goalId);
    await this.archives.archiveRows(
      manager,
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
    await this.targetImports.removeUnusedNodes(manager, goalId);
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
    const reevaluated = await this.lights.reevaluateReports(manager, [...kept]);
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
