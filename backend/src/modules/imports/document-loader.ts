import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ARCHIVED_SEQ, ArchiveRepository, SEQ_SHIFT } from '../goals/archive.repository';
import { ArchiveWriter, ChangeTracker, type ChangedRow } from '../goals/archive.writer';
import { IndicatorNodesRepository } from '../goals/indicator-nodes.repository';
import { ReportLightsRepository } from '../monitoring/report-lights.repository';
import { ReportLightsWriter } from '../monitoring/report-lights.writer';
import { targetColumns } from '../goals/target-columns.mapper';
import {
  type BudgetDocument,
  type BudgetTable,
  type Goal as DocumentGoal,
  type ImportDiff,
  type Indicator as DocumentIndicator,
  parseTarget,
  type Project as DocumentProject,
  type Target,
  wanToYuan,
  wanToYuanOrNull,
} from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { BudgetClassification } from '../budget/entities/budget-line.entity';
import type { Goal } from '../goals/entities/goal.entity';
import type { Indicator } from '../goals/entities/indicator.entity';
import type { Project } from '../projects/entities/project.entity';
import { DocumentLoaderRepository, type LoadedIndicator, type YearGoal } from './document-loader.repository';
import { sharedProjectFields } from './project-fields';

/** What a load changed: counts of every row, and the rows themselves in `diff`. */
export interface LoadSummary {
  departmentCode: string;
  year: number;
  fiscalYearId: string;
  projects: ChangeCount;
  goals: ChangeCount;
  indicators: ChangeCount;
  budgetLines: number;
  /** Rows created, updated, archived (no longer in the document) and restored (back in it). */
  diff: ImportDiff;
}

export interface ChangeCount {
  created: number;
  updated: number;
  /** No longer in the document: hidden from the year's views, kept with everything recorded against it. */
  archived: number;
  /** Archived before and back in the document: the same row, with its history. */
  restored: number;
}

const zero = (): ChangeCount => ({ created: 0, updated: 0, archived: 0, restored: 0 });

/** Writes done, what one row did is told: counted in the summary, listed in the diff, its restore collected. */
type Told = (() => void)[];

/** Rows an import brought back, audited together once told (ArchiveWriter.recordRestores). */
type Restores = Parameters<ArchiveWriter['recordRestores']>[2];

/** The goals of the document's department-wide part or of one project. */
interface GoalSet {
  projectId: string | null;
  /** The project's key in the year's indicator keys. */
  projectKey: string;
  /** The project's name, 部门整体 for the department-wide goals. */
  project: string;
  goals: DocumentGoal[];
}

/** A document goal with the row it was written to. */
interface PlacedGoal {
  id: string;
  projectId: string | null;
  projectKey: string;
  project: string;
  seq: number;
  goal: DocumentGoal;
  tell: () => void;
}

/** Rows grouped by the properties they name (a multi-row statement writes the same columns for every row). */
function byShape<T extends object>(rows: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const shape = Object.keys(row).join(',');
    const group = groups.get(shape);
    if (group) group.push(row);
    else groups.set(shape, [row]);
  }
  return [...groups.values()];
}

const ARCHIVE_REASON = '导入的新版本不再包含此项';
const RESTORE_REASON = '导入的新版本重新包含此项';

/** Table code → classification of its lines. */
function classificationOf(table: BudgetTable): BudgetClassification {
  if (table.code === '表6') return 'economic';
  if (table.code === '表7') return 'three-public';
  if (table.kind === 'classified') return 'functional';
  return 'summary';
}

/**
 * Writes a normalized budget document into the tables, inside the caller's transaction. A document already
 * loaded is updated in place: projects match by 项目编码 (by name when the code is lost), goals by term and
 * order, indicators by project + goal + 一级/二级 + name, so progress recorded against an indicator stays
 * attached to it. An admin's correction of a structured target survives as long as the raw text is unchanged.
 * Nothing monitored is deleted: a project, goal or indicator the new document no longer holds is archived, and
 * one archived earlier that comes back is restored (same id, same history). Each is audited on its own.
 */
@Injectable()
export class DocumentLoader {
  constructor(
    private readonly repository: DocumentLoaderRepository,
    private readonly archives: ArchiveWriter,
    private readonly nodes: IndicatorNodesRepository,
    private readonly lights: ReportLightsWriter,
  ) {}

  async load(manager: EntityManager, doc: BudgetDocument): Promise<LoadSummary> {
    const departmentId = await this.repository.upsertDepartment(
      manager,
      doc.department.code,
      doc.department.name,
    );
    const { id: fiscalYearId, created: newYear } = await this.repository.upsertFiscalYear(
      manager,
      departmentId,
      doc.year,
    );
    const summary: LoadSummary = {
      departmentCode: doc.department.code,
      year: doc.year,
      fiscalYearId,
      projects: zero(),
      goals: zero(),
      indicators: zero(),
      budgetLines: 0,
      diff: { created: [], updated: [], archived: [], restored: [] },
    };
    const changes = new ChangeTracker();

    const { ids: projectIds, created } = await this.upsertProjects(
      manager,
      fiscalYearId,
      newYear,
      doc.projects,
      summary,
      changes,
    );
    // A project created just now has no details to replace.
    await this.replaceProjectDetails(
      manager,
      doc.projects,
      projectIds,
      projectIds.filter((id) => !created.has(id)),
    );

    // A year created by this load holds no goal or indicator yet: nothing to read or renumber.
    const existing = newYear ? new Map() : await this.existingIndicators(manager, fiscalYearId);
    const claimed = new Set<string>();
    if (!newYear) await this.repository.shiftGoalSeq(manager, fiscalYearId);
    const goalSets: GoalSet[] = [
      { projectId: null, projectKey: 'overall', project: '部门整体', goals: doc.overall.goals },
      ...doc.projects.map((p, i) => ({
        projectId: projectIds[i],
        // As the year's indicators are keyed (COALESCE(code, 'name:' || name)): the row was written from `p`.
        projectKey: p.code ?? `name:${p.name}`,
        project: p.name,
        goals: p.goals,
      })),
    ];
    // Rows are written per table for the whole document; what each row did is told (counted, audited, listed)
    // afterwards, in document order: a goal, then its indicators, as when goals were loaded one by one.
    const yearGoals = newYear ? [] : await this.repository.yearGoals(manager, fiscalYearId);
    const restores: Restores = [];
    const goals = await this.upsertGoals(
      manager,
      fiscalYearId,
      yearGoals,
      goalSets,
      summary,
      restores,
      changes,
    );
    const indicatorTells = await this.loadIndicators(
      manager,
      goals,
      existing,
      claimed,
      summary,
      restores,
      changes,
    );
    for (const [i, goal] of goals.entries()) {
      goal.tell();
      for (const tell of indicatorTells[i]) tell();
    }
    await this.archives.recordRestores(manager, changes, restores, RESTORE_REASON);
    const keptGoals = goals.map((g) => g.id);

    // Whatever the new document no longer holds is archived with everything recorded against it, never deleted.
    const goneIndicators = [...existing.values()].filter((e) => !claimed.has(e.id) && !e.archived_at);
    await this.archives.archiveRows(
      manager,
      changes,
      'indicator',
      goneIndicators.map((e) => ({
        kind: 'indicator',
        id: e.id,
        project: e.project,
        goal: e.goal,
        name: e.name,
        parents: [e.project_id, e.goal_id],
      })),
      ARCHIVE_REASON,
    );
    summary.indicators.archived = goneIndicators.length;
    const goneGoals = newYear ? [] : await this.repository.liveGoalsExcept(manager, fiscalYearId, keptGoals);
    await this.archives.archiveRows(
      manager,
      changes,
      'goal',
      goneGoals.map((g) => ({
        kind: 'goal',
        id: g.id,
        project: g.project,
        goal: g.label,
        name: g.label,
        parents: [g.project_id],
      })),
      ARCHIVE_REASON,
    );
    summary.goals.archived = goneGoals.length;
    summary.diff = changes.diff();
    // A year without goals before this load has only the nodes just made for its indicators: none unused.
    if (yearGoals.length) await this.repository.removeUnusedNodes(manager, fiscalYearId);

    summary.budgetLines = await this.replaceBudgetTables(manager, fiscalYearId, doc);
    await this.repository.setOverview(manager, fiscalYearId, overviewOf(doc));
    // A published document's trees are approved (批复); a tree that already has a lifecycle state keeps it.
    await this.repository.approvePublishedTrees(manager, fiscalYearId);
    return summary;
  }

  private async upsertProjects(
    manager: EntityManager,
    fiscalYearId: string,
    newYear: boolean,
    projects: DocumentProject[],
    summary: LoadSummary,
    changes: ChangeTracker,
  ): Promise<{ ids: string[]; created: Set<string> }> {
    // Archived projects first, so a live project of the same name wins the match.
    const existing = newYear ? [] : await this.repository.yearProjects(manager, fiscalYearId);
    const byCode = new Map(existing.filter((p) => p.code).map((p) => [p.code as string, p]));
    const byName = new Map(existing.map((p) => [p.name, p]));
    if (!newYear) await this.repository.shiftProjectSeq(manager, fiscalYearId);
    const ids: string[] = [];
    const taken = new Set<string>();
    const updates: Partial<Project>[] = [];
    const inserts: Partial<Project>[] = [];
    const told: ((changed: Set<string>) => void)[] = [];
    const restores: Restores = [];
    for (const [index, p] of projects.entries()) {
      const values = { ...projectColumns(p, index + 1), archivedAt: null };
      const found = (p.code ? byCode.get(p.code) : undefined) ?? byName.get(p.name);
      const id = found?.id;
      if (found && id && !taken.has(id)) {
        updates.push({ id, ...values });
        const row: ChangedRow = {
          kind: 'project',
          id,
          project: p.name,
          goal: null,
          name: p.name,
          parents: [],
        };
        told.push((changed) => {
          if (changed.has(id)) {
            summary.projects.updated++;
            changes.add('updated', row);
          }
          if (found.archivedAt) {
            summary.projects.restored++;
            restores.push({ row, archivedAt: found.archivedAt });
          }
        });
        ids.push(id);
        taken.add(id);
      } else {
        const createdId = randomUUID();
        inserts.push({ id: createdId, fiscalYearId, ...values });
        told.push(() => {
          summary.projects.created++;
          changes.add('created', {
            kind: 'project',
            id: createdId,
            project: p.name,
            goal: null,
            name: p.name,
          });
        });
        ids.push(createdId);
        taken.add(createdId);
      }
    }
    // Updates first: they move live rows back from their shifted seq, new rows take the free ones.
    const restored = existing.filter((p) => p.archivedAt && taken.has(p.id)).map((p) => p.id);
    const changed = new Set<string>();
    for (const shape of byShape(updates))
      for (const id of await this.repository.updateProjects(manager, shape, restored)) changed.add(id);
    for (const shape of byShape(inserts)) await this.repository.insertProjects(manager, shape);
    for (const tell of told) tell(changed);
    await this.archives.recordRestores(manager, changes, restores, RESTORE_REASON);
    const gone = existing.filter((p) => !p.archivedAt && !taken.has(p.id));
    await this.archives.archiveRows(
      manager,
      changes,
      'project',
      gone.map((p) => ({
        kind: 'project',
        id: p.id,
        project: p.name,
        goal: null,
        name: p.name,
        parents: [],
      })),
      ARCHIVE_REASON,
    );
    summary.projects.archived = gone.length;
    return { ids, created: new Set(inserts.map((p) => p.id as string)) };
  }

  /** 资金来源, 支出明细 and 采购 carry no user data: replaced as a whole (those of `existing` deleted first). */
  private async replaceProjectDetails(
    manager: EntityManager,
    projects: DocumentProject[],
    ids: string[],
    existing: string[],
  ): Promise<void> {
    await this.repository.replaceProjectDetails(
      manager,
      existing,
      projects.flatMap((p, i) =>
        p.fundingSources.map((f, seq) => ({
          projectId: ids[i],
          seq: seq + 1,
          name: f.name,
          amountYuan: wanToYuanOrNull(f.amount),
        })),
      ),
      projects.flatMap((p, i) =>
        p.spendingDetails.map((d, seq) => ({
          projectId: ids[i],
          seq: seq + 1,
          activity: d.activity,
          description: d.description,
          economicClassification: d.economicClassification,
          classificationCode: d.classificationCode,
          amountYuan: wanToYuanOrNull(d.amount),
          basis: d.basis,
          remark: d.remark,
        })),
      ),
      projects.flatMap((p, i) =>
        p.procurements.map((d, seq) => ({
          projectId: ids[i],
          seq: seq + 1,
          item: d.item,
          quantity: d.quantity,
          amountYuan: wanToYuanOrNull(d.amount),
        })),
      ),
    );
  }

  private async existingIndicators(
    manager: EntityManager,
    fiscalYearId: string,
  ): Promise<Map<string, LoadedIndicator>> {
    const rows = await this.repository.yearIndicators(manager, fiscalYearId);
    // The same name twice under one 二级 is told apart by its occurrence.
    const map = new Map<string, LoadedIndicator>();
    for (const row of rows) {
      let key = row.key;
      for (let n = 2; map.has(key); n++) key = `${row.key}#${n}`;
      map.set(key, row);
    }
    return map;
  }

  /**
   * The document's goals in place: a live goal at that place (project, term, seq), else one archived from it (its
   * place kept as ARCHIVED_SEQ + seq), else a new one (the year's goals as read before). One update and one insert for the document.
   */
  private async upsertGoals(
    manager: EntityManager,
    fiscalYearId: string,
    existingGoals: YearGoal[],
    goalSets: GoalSet[],
    summary: LoadSummary,
    restores: Restores,
    changes: ChangeTracker,
  ): Promise<PlacedGoal[]> {
    const placeOf = (projectId: string | null, term: string, seq: number) =>
      `${projectId ?? ''}|${term}|${seq}`;
    const yearGoals = new Map(existingGoals.map((g) => [placeOf(g.project_id, g.term, g.seq), g]));
    const placed: PlacedGoal[] = [];
    const updates: Parameters<DocumentLoaderRepository['updateGoals']>[1] = [];
    const inserts: Partial<Goal>[] = [];
    for (const { projectId, projectKey, project, goals } of goalSets) {
      const seqByTerm = { long: 0, annual: 0 };
      for (const goal of goals) {
        const seq = ++seqByTerm[goal.term];
        const found =
          yearGoals.get(placeOf(projectId, goal.term, seq + SEQ_SHIFT)) ??
          yearGoals.get(placeOf(projectId, goal.term, seq + ARCHIVED_SEQ));
        if (found) {
          const changed = found.label !== goal.label || found.title !== goal.title;
          updates.push({
            id: found.id,
            seq,
            label: goal.label,
            title: goal.title,
            bump: changed || found.archived_at ? 1 : 0,
          });
          const row: ChangedRow = {
            kind: 'goal',
            id: found.id,
            project: found.project,
            goal: goal.label,
            name: goal.label,
            parents: [projectId],
          };
          const tell = () => {
            if (changed) {
              summary.goals.updated++;
              changes.add('updated', row);
            }
            if (found.archived_at) {
              summary.goals.restored++;
              restores.push({ row, archivedAt: found.archived_at });
            }
          };
          placed.push({ id: found.id, projectId, projectKey, project: found.project, seq, goal, tell });
        } else {
          const id = randomUUID();
          inserts.push({
            id,
            fiscalYearId,
            projectId,
            term: goal.term,
            seq,
            label: goal.label,
            title: goal.title,
          });
          const tell = () => {
            summary.goals.created++;
            changes.add('created', { kind: 'goal', id, project, goal: goal.label, name: goal.label }, [
              projectId,
            ]);
          };
          placed.push({ id, projectId, projectKey, project, seq, goal, tell });
        }
      }
    }
    await this.repository.updateGoals(manager, updates);
    await this.repository.insertGoals(manager, inserts);
    return placed;
  }

  /**
   * The document's indicators: matched to the year's by project + goal place + 一级/二级 + name (+ occurrence),
   * updated in place (restored when archived), else created. One update per shape of row and one insert for the
   * document; the reports of changed or restored indicators are re-evaluated together.
   */
  private async loadIndicators(
    manager: EntityManager,
    goals: PlacedGoal[],
    existing: Map<string, LoadedIndicator>,
    claimed: Set<string>,
    summary: LoadSummary,
    restores: Restores,
    changes: ChangeTracker,
  ): Promise<Told[]> {
    const nodesByGoal = await this.nodes.upsertMany(
      manager,
      goals.map((g) => ({ goalId: g.id, rows: g.goal.indicators })),
    );
    const updates: Partial<Indicator>[] = [];
    const inserts: Partial<Indicator>[] = [];
    const matched: { id: string; archived: boolean }[] = [];
    const result = { changed: new Set<string>() };
    const tellsOfGoal: Told[] = [];
    for (const { id: goalId, projectId, projectKey, project, seq, goal } of goals) {
      const nodes = nodesByGoal.get(goalId) as Map<string, string>;
      const tells: Told = [];
      tellsOfGoal.push(tells);
      const rowOf = (id: string, name: string): ChangedRow => ({
        kind: 'indicator',
        id,
        project,
        goal: goal.label,
        name,
        parents: [projectId, goalId],
      });
      const createdRows: ChangedRow[] = [];
      const seen = new Map<string, number>();
      for (const [index, indicator] of goal.indicators.entries()) {
        const baseKey = [projectKey, goal.term, seq, indicator.level1, indicator.level2, indicator.name].join(
          '|',
        );
        const occurrence = (seen.get(baseKey) ?? 0) + 1;
        seen.set(baseKey, occurrence);
        const match = existing.get(occurrence === 1 ? baseKey : `${baseKey}#${occurrence}`);
        const nodeId = nodes.get(`${indicator.level1}|${indicator.level2}`) as string;
        const target =
          (indicator as DocumentIndicator & { parsed?: Target }).parsed ??
          parseTarget(indicator.target, {
            level1: indicator.level1,
            level2: indicator.level2,
            name: indicator.name,
            previous: indicator.prev1,
          });
        if (match && !claimed.has(match.id)) {
          claimed.add(match.id);
          // An admin's corrected reading stays while the published text it corrects is unchanged.
          const keepCorrection = match.target_corrected && match.target_raw === indicator.target;
          updates.push({
            id: match.id,
            goalId,
            nodeId,
            seq: index + 1,
            archivedAt: null,
            ...indicatorColumns(indicator),
            ...(keepCorrection ? {} : targetColumns(indicator.target, target)),
          });
          matched.push({ id: match.id, archived: Boolean(match.archived_at) });
          const row = rowOf(match.id, indicator.name);
          tells.push(() => {
            if (result.changed.has(match.id)) {
              summary.indicators.updated++;
              changes.add('updated', row);
            }
            if (match.archived_at) {
              summary.indicators.restored++;
              restores.push({ row, archivedAt: match.archived_at });
            }
          });
        } else {
          const id = randomUUID();
          inserts.push({
            id,
            goalId,
            nodeId,
            seq: index + 1,
            ...indicatorColumns(indicator),
            ...targetColumns(indicator.target, target),
          });
          createdRows.push(rowOf(id, indicator.name));
        }
      }
      tells.push(() => {
        for (const { parents, ...item } of createdRows) changes.add('created', item, parents);
        summary.indicators.created += createdRows.length;
      });
    }
    // Updates first: they move live rows back from their shifted seq, new rows take the free ones.
    const restored = matched.filter((m) => m.archived).map((m) => m.id);
    for (const shape of byShape(updates))
      for (const id of await this.repository.updateIndicators(manager, shape, restored))
        result.changed.add(id);
    for (const shape of byShape(inserts)) await this.repository.insertIndicators(manager, shape);
    // A re-imported target re-evaluates the indicator's stored reports: a light is never stale.
    await this.lights.reevaluateReports(
      manager,
      matched.filter((m) => m.archived || result.changed.has(m.id)).map((m) => m.id),
    );
    return tellsOfGoal;
  }

  private async replaceBudgetTables(
    manager: EntityManager,
    fiscalYearId: string,
    doc: BudgetDocument,
  ): Promise<number> {
    const lines = doc.budgetTables.tables.flatMap((table) =>
      table.lines.map((line, i) => ({
        line: {
          tableCode: table.code,
          classification: classificationOf(table),
          seq: i + 1,
          code: line.code,
          parentCode: line.parentCode,
          name: line.name,
          side: line.side ?? null,
          level: line.level,
          category: line.category ?? null,
        },
        amounts: Object.entries(line.amounts)
          .filter(([, amount]) => amount !== null)
          .map(([columnKey, amount]) => ({ columnKey, amountYuan: wanToYuan(amount as number) })),
      })),
    );
    await this.repository.replaceBudgetLines(manager, fiscalYearId, lines);
    return lines.length;
  }
}

function projectColumns(p: DocumentProject, seq: number): Partial<Project> {
  return {
    seq,
    code: p.code,
    name: p.name,
    category: p.category,
    budgetYuan: wanToYuan(p.budget),
    ...sharedProjectFields(p),
    totalBudgetYuan: wanToYuanOrNull(p.totalBudget),
    currentBudgetYuan: wanToYuanOrNull(p.currentBudget),
    priorBudgetChanges: p.priorBudgetChanges,
    extra: { categoryGroup: p.categoryGroup, source: p.source },
  };
}

/** The indicator's own columns; its target's go through `targetColumns`. */
function indicatorColumns(i: DocumentIndicator): Partial<Indicator> {
  return {
    name: i.name,
    basis: i.basis,
    prev2Raw: i.prev2 ?? null,
    prev1Raw: i.prev1 ?? null,
    expectedRaw: i.expected ?? null,
    unit: i.unit ?? null,
  };
}

/** The parts of the document that have no table of their own, kept on the fiscal year for display and export. */
function overviewOf(doc: BudgetDocument): Record<string, unknown> {
  const { goals: _goals, ...overall } = doc.overall;
  return {
    schemaVersion: doc.schemaVersion,
    moneyUnit: doc.moneyUnit,
    shortName: doc.department.shortName,
    units: doc.units,
    overall,
    budgetTables: {
      tables: doc.budgetTables.tables.map(({ lines: _lines, ...meta }) => meta),
      totals: doc.budgetTables.totals,
      threePublicExpenses: doc.budgetTables.threePublicExpenses,
    },
  };
}

/** A loader wired by hand, for the command line and tests that run without the Nest container. */
export function createDocumentLoader(audit: AuditService): DocumentLoader {
  return new DocumentLoader(
    new DocumentLoaderRepository(),
    new ArchiveWriter(new ArchiveRepository(), audit),
    new IndicatorNodesRepository(),
    new ReportLightsWriter(new ReportLightsRepository(), audit),
  );
}
