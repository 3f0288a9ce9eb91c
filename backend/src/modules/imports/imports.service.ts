import { Injectable } from '@nestjs/common';
import type { BudgetDocument } from '@jixiao/domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { DocumentExporter } from './document-exporter';
import { DocumentLoader, LoadSummary } from './document-loader';
import { validateBudgetDocument } from './document-validator';
import { BudgetDocumentParseError, parseBudgetDocument } from './parser/budget-document.parser';
import type { ImportReport } from './parser/import-report.types';
import { renderImportReport } from './parser/import-report.renderer';

export interface ImportResult {
  departmentCode: string;
  year: number;
  /** The same document was loaded before: nothing was written. */
  unchanged: boolean;
  summary: LoadSummary | null;
  /** The parser's report (absent when a normalized JSON document was loaded). */
  report: ImportReport | null;
  /** The report as markdown, with what the load changed. */
  markdown: string;
}

/** One canonical text of a document: its hash tells a re-import of the same content. */
export const serializeDocument = (doc: BudgetDocument): string => `${JSON.stringify(doc, null, 2)}\n`;
const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loader: DocumentLoader,
    private readonly exporter: DocumentExporter,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  /** A published budget document (text, tab-separated cells) or a normalized JSON document (seeds/, export). */
  async importFile(fileName: string, content: Buffer): Promise<ImportResult> {
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
      return this.load(parsed as BudgetDocument, null, fileName, sha256(content));
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
    return this.load(result.document, result.report, fileName, sha256(content));
  }

  async load(
    doc: BudgetDocument,
    report: ImportReport | null,
    fileName: string,
    fileSha256: string,
  ): Promise<ImportResult> {
    const documentSha256 = sha256(serializeDocument(doc));
    return this.dataSource.transaction(async (manager) => {
      // Serialize imports of one department-year: two concurrent loads would interleave their updates.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `import:${doc.department.code}:${doc.year}`,
      ]);
      const [last] = await manager.query(
        `SELECT r.document_sha256 FROM import_runs r JOIN fiscal_years fy ON fy.id = r.fiscal_year_id
           JOIN departments d ON d.id = fy.department_id
          WHERE d.code = $1 AND fy.year = $2 ORDER BY r.imported_at DESC, r.id LIMIT 1`,
        [doc.department.code, doc.year],
      );
      const base = { departmentCode: doc.department.code, year: doc.year, report };
      if (last?.document_sha256 === documentSha256) {
        return { ...base, unchanged: true, summary: null, markdown: markdownOf(report, null, true) };
      }
      const summary = await this.loader.load(manager, doc);
      const markdown = markdownOf(report, summary, false);
      await manager.query(
        `INSERT INTO import_runs (fiscal_year_id, file_name, sha256, document_sha256, report, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          summary.fiscalYearId,
          fileName,
          fileSha256,
          documentSha256,
          JSON.stringify({ report, summary, markdown }),
          null,
        ],
      );
      await this.audit.record(manager, {
        action: 'import.load',
        entity: 'fiscal-year',
        entityId: summary.fiscalYearId,
        after: { fileName, fileSha256, documentSha256, summary },
      });
      return { ...base, unchanged: false, summary, markdown };
    });
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

function markdownOf(report: ImportReport | null, summary: LoadSummary | null, unchanged: boolean): string {
  const parts: string[] = [];
  if (report) parts.push(renderImportReport(report).trimEnd());
  parts.push('## 载入结果');
  if (unchanged || !summary) {
    parts.push('与上次导入的内容完全相同，数据库未作任何修改。');
  } else {
    const line = (label: string, c: { created: number; updated: number; removed: number }) =>
      `- ${label}：新增 ${c.created}，更新 ${c.updated}，删除 ${c.removed}`;
    parts.push(
      [
        line('项目', summary.projects),
        line('绩效目标', summary.goals),
        line('三级指标', summary.indicators),
        `- 预算表行：${summary.budgetLines}`,
      ].join('\n'),
    );
    if (summary.unmatched.length) {
      parts.push('### 未能匹配的已填报指标');
      parts.push('以下指标在新版本中找不到对应项，其监控记录已随指标删除（原记录保存在审计日志中）：');
      parts.push(
        summary.unmatched
          .map((u) => `- ${u.project} · ${u.goal} · ${u.indicator}（${u.reports} 条记录）`)
          .join('\n'),
      );
    }
  }
  return `${parts.join('\n\n')}\n`;
}
