import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { SelfEvaluationRepository } from '../self-evaluation/self-evaluation.repository';
import { SelfEvaluationService } from '../self-evaluation/self-evaluation.service';
import { ExportsRepository } from './exports.repository';
import {
  addEvaluationSheet,
  addSummarySheet,
  newWorkbook,
  projectSheetName,
  toBuffer,
} from './self-evaluation.workbook';
import { addTargetSheets, targetTablesSubject } from './target-tables.workbook';
import { addProvincialSheets, addTargetTemplate } from './target-template.workbook';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A generated file: its Chinese name, an ASCII fallback for old clients, type and bytes. */
export interface FileDownload {
  fileName: string;
  fallbackName: string;
  contentType: string;
  content: Buffer;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

/** The files people hand in: 自评表 workbooks, the target tables, the Word report, the import template. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly selfEvaluation: SelfEvaluationService,
    private readonly evaluations: SelfEvaluationRepository,
    private readonly repository: ExportsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async projectEvaluation(projectId: string, year: number): Promise<FileDownload> {
    const view = await this.selfEvaluation.getProject(projectId, year);
    const workbook = newWorkbook();
    addEvaluationSheet(workbook, view, '项目支出绩效自评表');
    return this.recorded(
      'project',
      projectId,
      { year },
      {
        fileName: `${year}年度项目支出绩效自评表-${view.header.projectName}.xlsx`,
        fallbackName: `self-evaluation-${year}-project-${view.header.projectSeq}.xlsx`,
        contentType: XLSX_TYPE,
        content: await toBuffer(workbook),
      },
    );
  }

  async departmentEvaluation(code: string, year: number): Promise<FileDownload> {
    const { department, overall } = await this.selfEvaluation.departmentYearViews(code, year);
    const workbook = newWorkbook();
    addEvaluationSheet(workbook, overall, '部门整体支出绩效自评表');
    return this.recorded(
      'fiscal-year',
      department.fiscalYearId,
      { code, year },
      {
        fileName: `${year}年度部门整体支出绩效自评表-${department.departmentName}.xlsx`,
        fallbackName: `self-evaluation-${year}-${code}-overall.xlsx`,
        contentType: XLSX_TYPE,
        content: await toBuffer(workbook),
      },
    );
  }

  /** 汇总 sheet, the department-wide 自评表, then one 自评表 per project in 表10 order. */
  async evaluationWorkbook(code: string, year: number): Promise<FileDownload> {
    const { department, overall, projects } = await this.selfEvaluation.departmentYearViews(code, year);
    const workbook = newWorkbook();
    addSummarySheet(workbook, department.departmentName, year, overall, projects);
    addEvaluationSheet(workbook, overall, '部门整体');
    for (const view of projects) addEvaluationSheet(workbook, view, projectSheetName(view));
    return this.recorded(
      'fiscal-year',
      department.fiscalYearId,
      { code, year },
      {
        fileName: `${year}年度绩效自评表-${department.departmentName}.xlsx`,
        fallbackName: `self-evaluation-${year}-${code}.xlsx`,
        contentType: XLSX_TYPE,
        content: await toBuffer(workbook),
      },
    );
  }

  /** 表11 and 表12 as the budget publishes them, from the targets held now (imports and corrections). */
  async targetTables(code: string, year: number): Promise<FileDownload> {
    const manager = this.dataSource.manager;
    const department = await this.evaluations.findDepartmentYear(manager, code, year);
    if (!department) throw new AppException(ErrorCode.NotFound, `部门 ${code} 的 ${year} 年度预算不存在`);
    this.access.assertCanReadDepartment(department.departmentId);
    const tables = await this.repository.targetTables(manager, department.fiscalYearId);
    const workbook = newWorkbook();
    addTargetSheets(
      workbook,
      {
        departmentCode: code,
        departmentName: department.departmentName,
        year,
        functions: text(department.overall?.functions),
        annualTasks: text(department.overall?.annualTasks),
      },
      tables,
    );
    return this.recorded(
      'fiscal-year',
      department.fiscalYearId,
      { code, year },
      {
        fileName: `${year}年度绩效目标表-${department.departmentName}.xlsx`,
        fallbackName: `targets-${year}-${code}.xlsx`,
        contentType: XLSX_TYPE,
        content: await toBuffer(workbook),
      },
    );
  }

  /** The year's annual indicators in the provincial exchange layout (a sheet per project), to import back. */
  async provincialTargets(code: string, year: number): Promise<FileDownload> {
    const manager = this.dataSource.manager;
    const department = await this.evaluations.findDepartmentYear(manager, code, year);
    if (!department) throw new AppException(ErrorCode.NotFound, `部门 ${code} 的 ${year} 年度预算不存在`);
    this.access.assertCanReadDepartment(department.departmentId);
    const workbook = newWorkbook();
    // Named like the 表12 export: a project name is not unique across departments (党建工作经费 …).
    workbook.subject = targetTablesSubject(code, year);
    addProvincialSheets(workbook, await this.repository.targetTables(manager, department.fiscalYearId));
    return this.recorded(
      'fiscal-year',
      department.fiscalYearId,
      { code, year, layout: 'provincial' },
      {
        fileName: `${year}年度绩效目标表（省一体化格式）-${department.departmentName}.xlsx`,
        fallbackName: `targets-provincial-${year}-${code}.xlsx`,
        contentType: XLSX_TYPE,
        content: await toBuffer(workbook),
      },
    );
  }

  async report(code: string, year: number): Promise<FileDownload> {
    const { department, overall, projects } = await this.selfEvaluation.departmentYearViews(code, year);
    // Loaded on first use, with docx (not needed at start).
    const { selfEvaluationReport } = await import('./self-evaluation-report.document');
    const content = await selfEvaluationReport({
      departmentName: department.departmentName,
      year,
      functions: text(department.overall?.functions),
      annualTasks: text(department.overall?.annualTasks),
      overall,
      projects,
    });
    return this.recorded(
      'fiscal-year',
      department.fiscalYearId,
      { code, year },
      {
        fileName: `${department.departmentName}${year}年度部门整体支出绩效自评报告.docx`,
        fallbackName: `self-evaluation-report-${year}-${code}.docx`,
        contentType: DOCX_TYPE,
        content,
      },
    );
  }

  async targetTemplate(): Promise<FileDownload> {
    const workbook = newWorkbook();
    addTargetTemplate(workbook);
    return this.recorded(
      'target-template',
      null,
      {},
      {
        fileName: '绩效目标表导入模板.xlsx',
        fallbackName: 'target-template.xlsx',
        contentType: XLSX_TYPE,
        content: await toBuffer(workbook),
      },
    );
  }

  /** Every file handed out is audited (export.download); a read, so outside any transaction. */
  private async recorded(
    entity: string,
    entityId: string | null,
    params: Record<string, unknown>,
    file: FileDownload,
  ): Promise<FileDownload> {
    await this.audit.record(this.dataSource.manager, {
      action: 'export.download',
      entity,
      entityId,
      after: { ...params, fileName: file.fileName, contentType: file.contentType },
    });
    return file;
  }
}
