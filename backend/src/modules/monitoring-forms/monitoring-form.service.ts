import { Injectable } from '@nestjs/common';
import {
  formBudget,
  formIndicatorRow,
  type FormIndicatorInput,
  formSpan,
  type RuleSettings,
  sumFormBudgets,
  yearOf,
} from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException, notFound } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { type AsOf, resolveAsOf } from '../dashboard/as-of';
import { budgetProjectionOf } from '../dashboard/projection';
import type { GoalResponse } from '../projects/dto/goal-tree.response';
import { type ExecutionRow, ProjectsRepository } from '../projects/projects.repository';
import { RuleSettingsRepository } from '../monitoring-rules/rule-settings.repository';
import { ProjectsService } from '../projects/projects.service';
import { legacyForms } from './legacy-snapshot';
import { addFormSheet, addFormSummarySheet, formSheetName } from './monitoring-form.workbook';
import {
  FormFundingRow,
  FormProjectRow,
  FormRoundRow,
  MonitoringFormRepository,
} from './monitoring-form.repository';
import type { DepartmentForms, MonitoringFormModel } from './monitoring-form.types';
import { newWorkbook, toBuffer } from '../exports/self-evaluation.workbook';
import { DOCX_TYPE, type FileDownload, XLSX_TYPE } from '../exports/exports.service';

/** Bumped when the stored form changes shape; a snapshot without it is read by legacy-snapshot. */
export const FORM_SNAPSHOT_VERSION = 1;

const periodError = (message: string) =>
  new AppException(ErrorCode.ValidationFailed, `请求数据有误：period`, { period: `period：${message}` });

/**
 * The official monitoring form (项目支出绩效目标执行监控表, 1–X月): its figures from the same reads as the project
 * page (latest report ≤ the month, the projection, budget execution), computed by libs/domain, laid out by the
 * workbook and document writers; a round's form comes from the round's snapshot.
 */
@Injectable()
export class MonitoringFormService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MonitoringFormRepository,
    private readonly projects: ProjectsService,
    private readonly projectRows: ProjectsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly rules: RuleSettingsRepository,
  ) {}

  async projectXlsx(projectId: string, period: string, roundId?: string): Promise<FileDownload> {
    const form = await this.projectForm(projectId, period, roundId);
    const workbook = newWorkbook();
    addFormSheet(workbook, form, '执行监控表');
    return this.recorded(
      'project',
      projectId,
      { period, round: roundId ?? null },
      {
        fileName: `${form.year}年${form.span}项目支出绩效目标执行监控表-${form.projectName}.xlsx`,
        fallbackName: `monitoring-${period}-project-${form.projectSeq}.xlsx`,
        contentType: XLSX_TYPE,
        content: await toBuffer(workbook),
      },
    );
  }

  async projectDocx(projectId: string, period: string, roundId?: string): Promise<FileDownload> {
    const form = await this.projectForm(projectId, period, roundId);
    // Loaded on first use, with docx (not needed at start).
    const { monitoringFormDocument } = await import('./monitoring-form.document');
    return this.recorded(
      'project',
      projectId,
      { period, round: roundId ?? null },
      {
        fileName: `${form.year}年${form.span}项目支出绩效目标执行监控表-${form.projectName}.docx`,
        fallbackName: `monitoring-${period}-project-${form.projectSeq}.docx`,
        contentType: DOCX_TYPE,
        content: await monitoringFormDocument(form),
      },
    );
  }

  /** 汇总, 部门整体, then one sheet per project in 表10 order. */
  async departmentXlsx(code: string, year: number, period: string, roundId?: string): Promise<FileDownload> {
    const { fiscalYearId } = await this.access.assertCanReadDepartmentYear(code, year);
    assertPeriodIn(period, year);
    const forms = roundId
      ? await this.roundForms(roundId, fiscalYearId, period)
      : await this.departmentForms(fiscalYearId, period);
    const workbook = newWorkbook();
    addFormSummarySheet(workbook, forms);
    addFormSheet(workbook, forms.overall, '部门整体');
    for (const form of forms.projects) addFormSheet(workbook, form, formSheetName(form));
    const { overall } = forms;
    return this.recorded(
      'fiscal-year',
      fiscalYearId,
      { code, year, period, round: roundId ?? null },
      {
        fileName: `${year}年${overall.span}绩效目标执行监控表-${overall.departmentName}.xlsx`,
        fallbackName: `monitoring-${period}-${code}.xlsx`,
        contentType: XLSX_TYPE,
        content: await toBuffer(workbook),
      },
    );
  }

  /** The forms of every project and of 部门整体 at the month, as stored with a round when it closes. */
  async departmentForms(
    fiscalYearId: string,
    period: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DepartmentForms> {
    const rows = await this.repository.projects(fiscalYearId, manager);
    const funding = await this.repository.fundingSources(
      rows.map((row) => row.id),
      manager,
    );
    const rules = await this.rules.forFiscalYear(fiscalYearId, manager);
    // Every project's trees and executions in a fixed number of statements, not a few per project.
    const [trees, executions] =
      rows.length === 0
        ? [new Map<string, GoalResponse[]>(), new Map<string, ExecutionRow[]>()]
        : await this.projectsData(rows[0], period, rules);
    const projects = rows.map((row) =>
      this.formOfProject(row, period, funding, trees.get(row.id) ?? [], executions.get(row.id) ?? []),
    );
    const overall = await this.buildOverallForm(fiscalYearId, period, projects, manager, rules);
    return { overall, projects };
  }

  /** The snapshot a round stores when it closes: the forms as computed then. */
  async snapshotForms(manager: EntityManager, fiscalYearId: string, period: string) {
    return {
      formVersion: FORM_SNAPSHOT_VERSION,
      forms: await this.departmentForms(fiscalYearId, period, manager),
    };
  }

  private async projectForm(
    projectId: string,
    period: string,
    roundId?: string,
  ): Promise<MonitoringFormModel> {
    const row = await this.repository.project(projectId);
    if (!row) throw notFound('项目');
    this.access.assertCanReadDepartment(row.departmentId);
    assertPeriodIn(period, row.year);
    if (roundId) {
      const forms = await this.roundForms(roundId, row.fiscalYearId, period);
      const form = forms.projects.find((f) => f.projectSeq === row.seq && f.projectName === row.name);
      if (!form) throw new AppException(ErrorCode.NotFound, '该监控轮次的快照中没有此项目');
      return form;
    }
    const funding = await this.repository.fundingSources([row.id]);
    return this.buildProjectForm(row, period, funding);
  }

  /** A closed round's forms: stored at close (or rebuilt from an older snapshot); its month is the form's. */
  private async roundForms(roundId: string, fiscalYearId: string, period: string): Promise<DepartmentForms> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(roundId))
      throw new AppException(ErrorCode.ValidationFailed, '请求数据有误：round', {
        round: 'round：监控轮次标识无效',
      });
    const round = await this.repository.round(roundId);
    if (!round || round.fiscalYearId !== fiscalYearId) throw notFound('监控轮次');
    if (round.period !== period)
      throw new AppException(ErrorCode.ValidationFailed, '请求数据有误：period', {
        period: `period：监控轮次“${round.name}”截至 ${round.period}，与所选期间 ${period} 不符`,
      });
    if (round.status !== 'closed' || !round.snapshot)
      throw new AppException(ErrorCode.Conflict, `监控轮次“${round.name}”尚未关闭，没有快照可导出`);
    return this.fromSnapshot(round);
  }

  private async fromSnapshot(round: FormRoundRow): Promise<DepartmentForms> {
    const snapshot = round.snapshot as Record<string, unknown>;
    const stamp = { name: round.name, closedAt: (round.closedAt as Date).toISOString() };
    const stored =
      snapshot.formVersion === FORM_SNAPSHOT_VERSION ? (snapshot.forms as DepartmentForms) : null;
    const forms =
      stored ??
      legacyForms(
        snapshot,
        await this.repository.projects(round.fiscalYearId),
        round.period,
        await this.repository.departmentYear(round.fiscalYearId),
      );
    return {
      overall: { ...forms.overall, round: stamp },
      projects: forms.projects.map((form) => ({ ...form, round: stamp })),
    };
  }

  private async buildProjectForm(
    row: FormProjectRow,
    period: string,
    funding: FormFundingRow[],
  ): Promise<MonitoringFormModel> {
    const asOf = resolveAsOf(row.year, period);
    const rules = await this.rules.forFiscalYear(row.fiscalYearId);
    const [goals, executions] = await Promise.all([
      this.projects.goalTrees({ fiscalYearId: row.fiscalYearId, projectId: row.id }, asOf, rules),
      this.projectRows.findExecutions(row.id, asOf.yearStart, period),
    ]);
    return this.formOfProject(row, period, funding, goals, executions);
  }

  /** The trees and executions of every project of the row's fiscal year, by project id. */
  private projectsData(
    any: FormProjectRow,
    period: string,
    rules: RuleSettings,
  ): Promise<[Map<string, GoalResponse[]>, Map<string, ExecutionRow[]>]> {
    const asOf = resolveAsOf(any.year, period);
    return Promise.all([
      this.projects.goalTreesByProject(any.fiscalYearId, asOf, rules),
      this.projectRows.findExecutionsByProject(any.fiscalYearId, asOf.yearStart, period),
    ]);
  }

  private formOfProject(
    row: FormProjectRow,
    period: string,
    funding: FormFundingRow[],
    goals: GoalResponse[],
    executions: ExecutionRow[],
  ): MonitoringFormModel {
    const asOf = resolveAsOf(row.year, period);
    const latest = executions.at(-1) ?? null;
    const projection = budgetProjectionOf(
      row.annualBudgetYuan,
      executions.map((e) => ({ period: e.period, value: e.executedYuan })),
      asOf,
    );
    return {
      scope: 'project',
      year: row.year,
      period,
      span: formSpan(period),
      departmentName: row.departmentName,
      projectSeq: row.seq,
      projectName: row.name,
      competentDepartment: row.competentDepartment,
      executingUnit: row.executingUnit,
      projectLead: row.leadName,
      budget: formBudget(
        {
          initialBudgetYuan: row.budgetYuan,
          annualBudgetYuan: row.annualBudgetYuan,
          executedYuan: latest?.executedYuan ?? null,
          executedPeriod: latest?.period ?? null,
          projectedYuan: projection?.value ?? null,
          projectionMethod: projection?.method ?? null,
          sources: funding.filter((f) => f.projectId === row.id),
        },
        period,
      ),
      groups: [{ title: null, rows: annualRows(goals, asOf).flatMap((g) => g.rows) }],
      round: null,
    };
  }

  /** 部门整体: the 表11 goals group by group; its money is its projects' (docs/domain.md §11). */
  private async buildOverallForm(
    fiscalYearId: string,
    period: string,
    projects: MonitoringFormModel[],
    manager: EntityManager,
    rules: RuleSettings,
  ): Promise<MonitoringFormModel> {
    const department = await this.repository.departmentYear(fiscalYearId, manager);
    const asOf = resolveAsOf(department.year, period);
    const goals = await this.projects.goalTrees({ fiscalYearId, projectId: null }, asOf, rules);
    return {
      scope: 'department',
      year: department.year,
      period,
      span: formSpan(period),
      departmentName: department.departmentName,
      projectSeq: null,
      projectName: null,
      competentDepartment: department.departmentName,
      executingUnit: department.departmentName,
      projectLead: null,
      budget: sumFormBudgets(
        projects.map((p) => p.budget).filter((b) => b !== null),
        period,
      ),
      groups: annualRows(goals, asOf),
      round: null,
    };
  }

  /** Every file handed out is audited (export.download), as the other exports are. */
  private async recorded(
    entity: string,
    entityId: string,
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

/** The period must be a month of the form's fiscal year. */
function assertPeriodIn(period: string, year: number): void {
  if (yearOf(period) !== year) throw periodError(`期间必须在 ${year} 年内（${year}-01 至 ${year}-12）`);
}

/** The annual goals' indicators as form lines, one group per goal (long-term goals are not monitored). */
function annualRows(goals: GoalResponse[], asOf: AsOf) {
  return goals
    .filter((goal) => goal.term === 'annual')
    .map((goal) => ({
      title: `${goal.label}：${goal.title}`,
      rows: goal.indicators.flatMap((level1) =>
        level1.children.flatMap((level2) =>
          level2.indicators.map((indicator) => {
            const report = indicator.latestReport;
            const input: FormIndicatorInput = {
              level1: level1.name,
              level2: level2.name,
              name: indicator.name,
              targetRaw: indicator.targetRaw,
              report: report && {
                period: report.period,
                actualRaw: report.actualRaw,
                forecastRaw: report.forecastRaw,
                likelihood: report.likelihood,
                reasons: report.reasons,
                reasonText: report.reasonText,
                correctiveAction: report.correctiveAction,
              },
              projection: indicator.projection && {
                text: indicator.projection.proposedForecast,
                method: indicator.projection.method,
                likelihood: indicator.projection.likelihood,
              },
            };
            return formIndicatorRow(input, asOf.period);
          }),
        ),
      ),
    }));
}
