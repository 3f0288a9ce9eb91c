import { Injectable } from '@nestjs/common';
import { type BudgetDocument, type ImportDiff, REVIEW_RULES } from '@jixiao/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { DocumentExporter } from './document-exporter';
import { ImportsRepository } from './imports.repository';
import { transactionOrPreview } from '../../database/preview-transaction';
import { assertArchiveConfirmed, ImportOptions } from '../goals/archive.writer';
import { ChangeCount, DocumentLoader, LoadSummary } from './document-loader';
import { validateBudgetDocument } from './document-validator';
import {
  BudgetDocumentParseError,
  parseBudgetDocument,
  reviewTargets,
} from './parser/budget-document.parser';
import type { ImportReport, SwitchedRule, TargetReviewSection } from './parser/import-report.types';
import { renderImportReport, renderTargetReview } from './parser/import-report.renderer';
import { loadWorkbook } from '../exports/target-sheet.reader';
import {
  EXPECTED_WORKBOOKS,
  type ImportWorkbook,
  mergeWorkbook,
  projectNameOfSheet,
  readImportWorkbook,
  WorkbookImportError,
} from './workbook/workbook-document';

export interface ImportResult {
  departmentCode: string;
  /** The department's name as the document gives it (what people call it; the code is for machines). */
  departmentName: string;
  year: number;
  /** Nothing was written: the answer says what applying would change. */
  preview: boolean;
  /** The same document was loaded before: nothing was written. */
  unchanged: boolean;
  summary: LoadSummary | null;
  /** The parser's report (absent when a normalized JSON document was loaded). */
  report: ImportReport | null;
  /**
   * 目标质量审查 of the document as imported, with the department-year's rule switches: every format has it
   * (the parser's report carries the same section).
   */
  targetReview: TargetReviewSection;
  /** The report as markdown, with what the load changed. */
  markdown: string;
}

/** One canonical text of a document: its hash tells a re-import of the same content. */
export const serializeDocument = (doc: BudgetDocument): string => `${JSON.stringify(doc, null, 2)}\n`;
const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A workbook that cannot be imported: 400 on the fields it names. */
function workbookError(error: unknown): never {
  if (error instanceof WorkbookImportError)
    throw new AppException(ErrorCode.ValidationFailed, error.message, error.errors);
  throw error;
}

@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loader: DocumentLoader,
    private readonly exporter: DocumentExporter,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly repository: ImportsRepository,
  ) {}

  /** A published budget document (text, tab-separated cells) or a normalized JSON document (seeds/, export). */
  async importFile(fileName: string, content: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
    if (content.subarray(0, 4).equals(ZIP_MAGIC) || /\.xlsx$/i.test(fileName))
      return this.importWorkbook(fileName, content, options);
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    if (/\.json$/i.test(fileName) || /^\s*\{/.test(text)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new AppException(ErrorCode.ValidationFailed, '文件不是有效的 JSON', {
          file: 'file：JSON 格式错误，无法读取',
        });
      }
      const errors = validateBudgetDocument(parsed);
      if (errors) throw new AppException(ErrorCode.ValidationFailed, '文件不符合部门预算数据格式', errors);
      return this.load(parsed as BudgetDocument, null, fileName, sha256(content), options);
    }
    let result: ReturnType<typeof parseBudgetDocument>;
    try {
      result = parseBudgetDocument(text);
    } catch (error) {
      if (error instanceof BudgetDocumentParseError) {
        throw new AppException(ErrorCode.ValidationFailed, `无法识别为部门预算文件：${error.message}`, {
          file: `file：${error.message}`,
        });
      }
      throw error;
    }
    return this.load(result.document, result.report, fileName, sha256(content), options);
  }

  /**
   * An Excel workbook: the product's own target tables (表11 / 表12, as downloaded) or the provincial layout (a
   * sheet per project). Its indicators replace those of the department-year's current document, which is then
   * loaded like any other (preview, confirmArchive, one transaction): a downloaded workbook imported back
   * unchanged changes nothing.
   */
  private async importWorkbook(
    fileName: string,
    content: Buffer,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const loaded = await loadWorkbook(content, `无法读取 Excel 文件（.xlsx）：${EXPECTED_WORKBOOKS}`);
    if (!loaded.ok)
      throw new AppException(ErrorCode.ValidationFailed, loaded.fileError, {
        file: `file：${loaded.fileError}`,
      });
    let workbook: ImportWorkbook;
    try {
      workbook = readImportWorkbook(loaded.workbook);
    } catch (error) {
      workbookError(error);
    }
    const { fiscalYearId } = await this.departmentYearOf(workbook);
    const current = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.exporter.export(manager, fiscalYearId),
    );
    let doc: BudgetDocument;
    try {
      doc = mergeWorkbook(current, workbook);
    } catch (error) {
      workbookError(error);
    }
    return this.load(doc, null, fileName, sha256(content), options);
  }

  /** Where the workbook belongs: 表11's department and year, or the department-year holding every named project. */
  private async departmentYearOf(workbook: ImportWorkbook): Promise<{ fiscalYearId: string }> {
    if (workbook.kind === 'target-tables') {
      if (workbook.departmentCode)
        return this.access.assertCanReadDepartmentYear(workbook.departmentCode, workbook.year);
      const found = await this.repository.findDepartmentYearsByName(workbook.departmentName, workbook.year);
      if (found.length !== 1) {
        const message = found.length
          ? `有多个名为“${workbook.departmentName}”的部门：请从本系统重新下载该部门的绩效目标表（文件记录了部门编码）`
          : `未找到部门“${workbook.departmentName}”的 ${workbook.year} 年度预算：请先导入该部门的预算公开文本或 JSON，再导入其绩效目标表`;
        throw new AppException(ErrorCode.ValidationFailed, message, { file: `file：${message}` });
      }
      return found[0];
    }
    // The product's own provincial export names its department-year; a workbook from elsewhere is placed by
    // the projects its sheets name.
    if (workbook.named)
      return this.access.assertCanReadDepartmentYear(workbook.named.code, workbook.named.year);
    const names = workbook.sheets.map((sheet) => projectNameOfSheet(sheet.sheet));
    const [latest, next] = await this.repository.departmentYearsWithProjects(names);
    if (!latest || next?.year === latest.year) {
      const message = latest
        ? `多个部门的 ${latest.year} 年度都有项目“${names.join('”“')}”：请以项目编码命名工作表`
        : `未找到包含项目“${names.join('”“')}”的部门年度：省一体化格式的每张工作表应以项目名称或项目编码命名`;
      throw new AppException(ErrorCode.ValidationFailed, message, { file: `file：${message}` });
    }
    return latest;
  }

  /**
   * Preview and apply run the same load in a transaction; a preview then rolls it back, so what it shows is
   * exactly what applying writes. Applying a change that archives rows carrying monitoring data without
   * `confirmArchive` rolls back too, with the diff in the 409's details.
   */
  load(
    doc: BudgetDocument,
    report: ImportReport | null,
    fileName: string,
    fileSha256: string,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    const preview = options.preview ?? false;
    const documentSha256 = sha256(serializeDocument(doc));
    return transactionOrPreview(this.dataSource, preview, async (manager) => {
      // Serialize imports of one department-year: two concurrent loads would interleave their updates.
      await this.repository.lockDepartmentYear(manager, doc.department.code, doc.year);
      const last = await this.repository.lastDocumentSha256(manager, doc.department.code, doc.year);
      const reviewed = await this.review(manager, doc, report);
      const base = {
        departmentCode: doc.department.code,
        departmentName: doc.department.name,
        year: doc.year,
        preview,
        report: reviewed.report,
        targetReview: reviewed.targetReview,
      };
      if (last === documentSha256) {
        return {
          ...base,
          unchanged: true,
          summary: null,
          markdown: markdownOf(reviewed, null, true, preview),
        };
      }
      const summary = await this.loader.load(manager, doc);
      const markdown = markdownOf(reviewed, summary, false, preview);
      assertArchiveConfirmed(summary.diff, options, { summary });
      await this.repository.recordRun(manager, {
        fiscalYearId: summary.fiscalYearId,
        fileName,
        sha256: fileSha256,
        documentSha256,
        report: { report: reviewed.report, targetReview: reviewed.targetReview, summary, markdown },
        importedBy: null,
      });
      await this.audit.record(manager, {
        action: 'import.load',
        entity: 'fiscal-year',
        entityId: summary.fiscalYearId,
        after: { fileName, fileSha256, documentSha256, summary },
      });
      return { ...base, unchanged: false, summary, markdown };
    });
  }

  /**
   * 目标质量审查 at import (docs/domain.md §9): the document's trees reviewed with the department-year's rule
   * switches; the parser's report carries the same section (its projects named as the parser named them).
   */
  private async review(
    manager: EntityManager,
    doc: BudgetDocument,
    report: ImportReport | null,
  ): Promise<Reviewed> {
    const settings = await this.repository.reviewSwitches(manager, doc.department.code, doc.year);
    const switched: SwitchedRule[] = REVIEW_RULES.flatMap((rule) => {
      const setting = settings.find((s) => s.ruleId === rule.id);
      return setting && setting.enabled !== rule.defaultEnabled
        ? [{ ruleId: rule.id, title: rule.title, enabled: setting.enabled, reason: setting.reason }]
        : [];
    });
    const labels = new Map(
      doc.projects.map((project, i) => {
        const count = report?.counts.projects[i];
        return [project, count?.section != null ? `(${count.section}) ${count.name}` : project.name];
      }),
    );
    const targetReview = reviewTargets(
      doc.overall.goals,
      doc.projects,
      (project) => labels.get(project) as string,
      doc.year,
      switched,
    );
    return { doc, report: report && { ...report, targetReview }, targetReview };
  }

  /** The whole department-year (contacts included): only to those who may read the department, and audited. */
  async exportDocument(code: string, year: number): Promise<string> {
    const { fiscalYearId } = await this.access.assertCanReadDepartmentYear(code, year);
    // One transaction: a consistent snapshot even while someone else imports.
    const doc = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.exporter.export(manager, fiscalYearId),
    );
    await this.audit.record(this.dataSource.manager, {
      action: 'export.download',
      entity: 'fiscal-year',
      entityId: fiscalYearId,
      after: { code, year, format: 'json' },
    });
    return serializeDocument(doc);
  }
}

/** The document with its parser report (if any) and its review at import. */
interface Reviewed {
  doc: BudgetDocument;
  report: ImportReport | null;
  targetReview: TargetReviewSection;
}

function markdownOf(
  { report, targetReview }: Reviewed,
  summary: LoadSummary | null,
  unchanged: boolean,
  preview: boolean,
): string {
  const parts: string[] = [];
  if (report) parts.push(renderImportReport(report).trimEnd());
  // A normalized (JSON) document or a workbook has no parser report: its review stands alone.
  else parts.push(renderTargetReview(targetReview).join('\n'));
  parts.push(preview ? '## 载入预览（未写入）' : '## 载入结果');
  if (unchanged || !summary) {
    parts.push('与上次导入的内容完全相同，数据库未作任何修改。');
  } else {
    const line = (label: string, c: ChangeCount) =>
      `- ${label}：新增 ${c.created}，更新 ${c.updated}，归档 ${c.archived}，恢复 ${c.restored}`;
    parts.push(
      [
        line('项目', summary.projects),
        line('绩效目标', summary.goals),
        line('三级指标', summary.indicators),
        `- 预算表行：${summary.budgetLines}`,
      ].join('\n'),
    );
    parts.push(renderArchiveDiff(summary.diff));
  }
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}

const KIND_LABEL = { project: '项目', goal: '绩效目标', indicator: '三级指标' } as const;

/** The archived and restored rows of a change, for the report and the CLI. */
export function renderArchiveDiff(diff: ImportDiff): string {
  const path = (i: { kind: keyof typeof KIND_LABEL; project: string; goal: string | null; name: string }) =>
    `${KIND_LABEL[i.kind]} ${[
      i.project,
      i.kind === 'indicator' ? i.goal : null,
      i.kind === 'project' ? null : i.name,
    ]
      .filter(Boolean)
      .join(' · ')}`;
  const parts: string[] = [];
  if (diff.archived.length) {
    parts.push('### 归档（新版本不再包含，数据保留，可随再次导入恢复）');
    parts.push(
      diff.archived
        .map(
          (i) =>
            `- ${path(i)}（监控记录 ${i.reports} 条，佐证材料 ${i.evidenceFiles} 份，自评指标 ${i.selfEvaluationItems} 项，预算执行 ${i.budgetExecutions} 条，负责人 ${i.assignments} 名）`,
        )
        .join('\n'),
    );
  }
  if (diff.restored.length) {
    parts.push('### 恢复（此前归档，新版本重新包含）');
    parts.push(diff.restored.map((i) => `- ${path(i)}`).join('\n'));
  }
  return parts.join('\n\n');
}
