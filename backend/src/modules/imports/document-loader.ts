import { Injectable } from '@nestjs/common';
import {
  ARCHIVED_SEQ,
  archiveRows,
  ChangeTracker,
  type ChangedRow,
  recordRestore,
  SEQ_SHIFT,
} from '../goals/archive.writer';
import { upsertIndicatorNodes } from '../goals/indicator-nodes.writer';
import { reevaluateReports } from '../monitoring/report-lights.writer';
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
import { insertMany } from '../../database/sql.util';
import { AuditService } from '../audit/audit.service';
import type { BudgetClassification } from '../budget/entities/budget-line.entity';

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

const ARCHIVE_REASON = '导入的新版本不再包含此项';
const RESTORE_REASON = '导入的新版本重新包含此项';

/** Table code → classification of its lines. */
function classificationOf(table: BudgetTable): BudgetClassification {
  if (table.code === '表6') return 'economic';
  if (table.code === '表7') return 'three-public';
  if (table.kind === 'classified') return 'functional';
  return 'summary';
}

interface ExistingIndicator {
  id: string;
  goal_id: string;
  project_id: string | null;
  key: string;
  target_raw: string;
  target_corrected: boolean;
  archived_at: Date | null;
  project: string;
  goal: string;
  name: string;
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
  constructor(private readonly audit: AuditService) {}

  async load(manager: EntityManager, doc: BudgetDocument): Promise<LoadSummary> {
    const departmentId = await this.upsertDepartment(manager, doc);
    const fiscalYearId = await this.upsertFiscalYear(manager, departmentId, doc);
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

    const projectIds = await this.upsertProjects(manager, fiscalYearId, doc.projects, summary, changes);
    await this.replaceProjectDetails(manager, doc.projects, projectIds);

    const existing = await this.existingIndicators(manager, fiscalYearId);
    const claimed = new Set<string>();
    await manager.query(
      `UPDATE goals SET seq = seq + ${SEQ_SHIFT} WHERE fiscal_year_id = $1 AND archived_at IS NULL`,
      [fiscalYearId],
    );
    await manager.query(
      `UPDATE indicators SET seq = seq + ${SEQ_SHIFT}
        WHERE goal_id IN (SELECT id FROM goals WHERE fiscal_year_id = $1) AND archived_at IS NULL`,
      [fiscalYearId],
    );
    const goalSets: { projectId: string | null; goals: DocumentGoal[] }[] = [
      { projectId: null, goals: doc.overall.goals },
      ...doc.projects.map((p, i) => ({ projectId: projectIds[i], goals: p.goals })),
    ];
    const keptGoals: string[] = [];
    for (const { projectId, goals } of goalSets) {
      const seqByTerm = { long: 0, annual: 0 };
      for (const goal of goals) {
        const seq = ++seqByTerm[goal.term];
        const goalId = await this.upsertGoal(manager, fiscalYearId, projectId, goal, seq, summary, changes);
        keptGoals.push(goalId);
        await this.loadIndicators(manager, goalId, goal, existing, claimed, summary, changes);
      }
    }

    // Whatever the new document no longer holds is archived with everything recorded against it, never deleted.
    const goneIndicators = [...existing.values()].filter((e) => !claimed.has(e.id) && !e.archived_at);
    await archiveRows(
      manager,
      this.audit,
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
    const goneGoals: { id: string; project_id: string | null; project: string; label: string }[] =
      await manager.query(
        `SELECT g.id, g.project_id, COALESCE(p.name, '部门整体') AS project, g.label
           FROM goals g LEFT JOIN projects p ON p.id = g.project_id
          WHERE g.fiscal_year_id = $1 AND g.archived_at IS NULL AND NOT (g.id = ANY($2::uuid[]))
          ORDER BY p.seq NULLS FIRST, g.term, g.seq`,
        [fiscalYearId, keptGoals],
      );
    await archiveRows(
      manager,
      this.audit,
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
    await manager.query(
      `DELETE FROM indicator_nodes n WHERE n.goal_id IN (SELECT id FROM goals WHERE fiscal_year_id = $1)
         AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.node_id = n.id)
         AND NOT EXISTS (SELECT 1 FROM indicator_nodes c JOIN indicators i ON i.node_id = c.id WHERE c.parent_id = n.id)`,
      [fiscalYearId],
    );

    summary.budgetLines = await this.replaceBudgetTables(manager, fiscalYearId, doc);
    await manager.query(`UPDATE fiscal_years SET overview = $2 WHERE id = $1`, [
      fiscalYearId,
      JSON.stringify(overviewOf(doc)),
    ]);
    return summary;
  }

  private async upsertDepartment(manager: EntityManager, doc: BudgetDocument): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO departments (code, name) VALUES ($1, $2)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,
         version = departments.version + (departments.name <> EXCLUDED.name)::int, updated_at = now()
       RETURNING id`,
      [doc.department.code, doc.department.name],
    );
    return row.id;
  }

  private async upsertFiscalYear(
    manager: EntityManager,
    departmentId: string,
    doc: BudgetDocument,
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO fiscal_years (department_id, year) VALUES ($1, $2)
       ON CONFLICT (department_id, year) DO UPDATE SET updated_at = now() RETURNING id`,
      [departmentId, doc.year],
    );
    return row.id;
  }

  private async upsertProjects(
    manager: EntityManager,
    fiscalYearId: string,
    projects: DocumentProject[],
    summary: LoadSummary,
    changes: ChangeTracker,
  ): Promise<string[]> {
    // Archived projects first, so a live project of the same name wins the match.
    const existing: { id: string; code: string | null; name: string; archived_at: Date | null }[] =
      await manager.query(
        `SELECT id, code, name, archived_at FROM projects WHERE fiscal_year_id = $1 ORDER BY archived_at IS NULL, seq`,
        [fiscalYearId],
      );
    const byCode = new Map(existing.filter((p) => p.code).map((p) => [p.code as string, p]));
    const byName = new Map(existing.map((p) => [p.name, p]));
    await manager.query(
      `UPDATE projects SET seq = seq + ${SEQ_SHIFT} WHERE fiscal_year_id = $1 AND archived_at IS NULL`,
      [fiscalYearId],
    );
    const ids: string[] = [];
    for (const [index, p] of projects.entries()) {
      const values = { ...projectColumns(p, index + 1), archived_at: null };
      const found = (p.code ? byCode.get(p.code) : undefined) ?? byName.get(p.name);
      const id = found?.id;
      if (found && id && !ids.includes(id)) {
        const assignments = Object.keys(values).map((column, i) => `"${column}" = $${i + 2}`);
        const [{ changed }] = await manager.query(
          `WITH old AS (SELECT to_jsonb(p) - 'seq' - 'version' - 'updated_at' - 'archived_at' AS j FROM projects p WHERE id = $1),
                upd AS (UPDATE projects SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1 RETURNING to_jsonb(projects) - 'seq' - 'version' - 'updated_at' - 'archived_at' AS j)
           SELECT (SELECT j FROM old) IS DISTINCT FROM (SELECT j FROM upd) AS changed`,
          [id, ...Object.values(values)],
        );
        const row: ChangedRow = {
          kind: 'project',
          id,
          project: p.name,
          goal: null,
          name: p.name,
          parents: [],
        };
        if (changed || found.archived_at) {
          await manager.query(`UPDATE projects SET version = version + 1 WHERE id = $1`, [id]);
        }
        if (changed) {
          summary.projects.updated++;
          changes.add('updated', row);
        }
        if (found.archived_at) {
          summary.projects.restored++;
          await recordRestore(manager, this.audit, changes, row, found.archived_at, RESTORE_REASON);
        }
        ids.push(id);
      } else {
        const [row] = await insertMany<{ id: string }>(
          manager,
          'projects',
          ['fiscal_year_id', ...Object.keys(values)],
          [[fiscalYearId, ...Object.values(values)]],
          'id',
        );
        summary.projects.created++;
        changes.add('created', { kind: 'project', id: row.id, project: p.name, goal: null, name: p.name });
        ids.push(row.id);
      }
    }
    const gone = existing.filter((p) => !p.archived_at && !ids.includes(p.id));
    await archiveRows(
      manager,
      this.audit,
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
    return ids;
  }

  /** 资金来源, 支出明细 and 采购 carry no user data: replaced as a whole. */
  private async replaceProjectDetails(
    manager: EntityManager,
    projects: DocumentProject[],
    ids: string[],
  ): Promise<void> {
    await manager.query(`DELETE FROM funding_sources WHERE project_id = ANY($1::uuid[])`, [ids]);
    await manager.query(`DELETE FROM spending_details WHERE project_id = ANY($1::uuid[])`, [ids]);
    await manager.query(`DELETE FROM procurement_items WHERE project_id = ANY($1::uuid[])`, [ids]);
    const funding = projects.flatMap((p, i) =>
      p.fundingSources.map((f, seq) => [ids[i], seq + 1, f.name, wanToYuanOrNull(f.amount)]),
    );
    const details = projects.flatMap((p, i) =>
      p.spendingDetails.map((d, seq) => [
        ids[i],
        seq + 1,
        d.activity,
        d.description,
        d.economicClassification,
        d.classificationCode,
        wanToYuanOrNull(d.amount),
        d.basis,
        d.remark,
      ]),
    );
    const purchases = projects.flatMap((p, i) =>
      p.procurements.map((d, seq) => [ids[i], seq + 1, d.item, d.quantity, wanToYuanOrNull(d.amount)]),
    );
    await insertMany(manager, 'funding_sources', ['project_id', 'seq', 'name', 'amount_yuan'], funding);
    await insertMany(
      manager,
      'spending_details',
      [
        'project_id',
        'seq',
        'activity',
        'description',
        'economic_classification',
        'classification_code',
        'amount_yuan',
        'basis',
        'remark',
      ],
      details,
    );
    await insertMany(
      manager,
      'procurement_items',
      ['project_id', 'seq', 'item', 'quantity', 'amount_yuan'],
      purchases,
    );
  }

  private async existingIndicators(
    manager: EntityManager,
    fiscalYearId: string,
  ): Promise<Map<string, ExistingIndicator>> {
    const rows: ExistingIndicator[] = await manager.query(
      `SELECT i.id, i.goal_id, g.project_id, i.target_raw, i.target_corrected, i.name, i.archived_at,
              COALESCE(p.name, '部门整体') AS project, g.label AS goal,
              concat_ws('|', COALESCE(p.code, 'name:' || p.name, 'overall'), g.term, g.seq % ${SEQ_SHIFT}, l1.name, l2.name, i.name) AS key
         FROM indicators i
         JOIN goals g ON g.id = i.goal_id
         LEFT JOIN projects p ON p.id = g.project_id
         JOIN indicator_nodes l2 ON l2.id = i.node_id
         JOIN indicator_nodes l1 ON l1.id = l2.parent_id
        WHERE g.fiscal_year_id = $1
        ORDER BY g.id, i.archived_at IS NOT NULL, i.seq`,
      [fiscalYearId],
    );
    // The same name twice under one 二级 is told apart by its occurrence.
    const map = new Map<string, ExistingIndicator>();
    for (const row of rows) {
      let key = row.key;
      for (let n = 2; map.has(key); n++) key = `${row.key}#${n}`;
      map.set(key, row);
    }
    return map;
  }

  private async upsertGoal(
    manager: EntityManager,
    fiscalYearId: string,
    projectId: string | null,
    goal: DocumentGoal,
    seq: number,
    summary: LoadSummary,
    changes: ChangeTracker,
  ): Promise<string> {
    // A live goal at that place, else one archived from it (its place is kept as ARCHIVED_SEQ + seq).
    const [found] = await manager.query(
      `SELECT g.id, g.label, g.title, g.archived_at, COALESCE(p.name, '部门整体') AS project
         FROM goals g LEFT JOIN projects p ON p.id = g.project_id
        WHERE g.fiscal_year_id = $1 AND g.project_id IS NOT DISTINCT FROM $2 AND g.term = $3 AND g.seq IN ($4, $5)
        ORDER BY g.seq LIMIT 1`,
      [fiscalYearId, projectId, goal.term, seq + SEQ_SHIFT, seq + ARCHIVED_SEQ],
    );
    if (found) {
      const changed = found.label !== goal.label || found.title !== goal.title;
      await manager.query(
        `UPDATE goals SET seq = $2, label = $3, title = $4, archived_at = NULL, version = version + $5::int, updated_at = now() WHERE id = $1`,
        [found.id, seq, goal.label, goal.title, changed || found.archived_at ? 1 : 0],
      );
      const row: ChangedRow = {
        kind: 'goal',
        id: found.id,
        project: found.project,
        goal: goal.label,
        name: goal.label,
        parents: [projectId],
      };
      if (changed) {
        summary.goals.updated++;
        changes.add('updated', row);
      }
      if (found.archived_at) {
        summary.goals.restored++;
        await recordRestore(manager, this.audit, changes, row, found.archived_at, RESTORE_REASON);
      }
      return found.id;
    }
    const [row] = await insertMany<{ id: string }>(
      manager,
      'goals',
      ['fiscal_year_id', 'project_id', 'term', 'seq', 'label', 'title'],
      [[fiscalYearId, projectId, goal.term, seq, goal.label, goal.title]],
      'id',
    );
    summary.goals.created++;
    const [{ project }] = await manager.query(
      `SELECT COALESCE((SELECT name FROM projects WHERE id = $1), '部门整体') AS project`,
      [projectId],
    );
    changes.add('created', { kind: 'goal', id: row.id, project, goal: goal.label, name: goal.label }, [
      projectId,
    ]);
    return row.id;
  }

  private async loadIndicators(
    manager: EntityManager,
    goalId: string,
    goal: DocumentGoal,
    existing: Map<string, ExistingIndicator>,
    claimed: Set<string>,
    summary: LoadSummary,
    changes: ChangeTracker,
  ): Promise<void> {
    const nodes = await upsertIndicatorNodes(manager, goalId, goal.indicators);
    const [{ project_key: projectKey, term, seq, project_id: projectId, project }] = await manager.query(
      `SELECT COALESCE(p.code, 'name:' || p.name, 'overall') AS project_key, g.term, g.seq, g.project_id,
              COALESCE(p.name, '部门整体') AS project
         FROM goals g LEFT JOIN projects p ON p.id = g.project_id WHERE g.id = $1`,
      [goalId],
    );
    const rowOf = (id: string, name: string): ChangedRow => ({
      kind: 'indicator',
      id,
      project,
      goal: goal.label,
      name,
      parents: [projectId, goalId],
    });
    const inserts: unknown[][] = [];
    const insertNames: string[] = [];
    let insertColumns: string[] = [];
    const seen = new Map<string, number>();
    for (const [index, indicator] of goal.indicators.entries()) {
      const baseKey = [projectKey, term, seq, indicator.level1, indicator.level2, indicator.name].join('|');
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
        const values = {
          goal_id: goalId,
          node_id: nodeId,
          seq: index + 1,
          archived_at: null,
          ...indicatorColumns(indicator),
          ...(keepCorrection ? {} : targetColumns(target)),
        };
        const assignments = Object.keys(values).map((column, i) => `"${column}" = $${i + 2}`);
        const [{ changed }] = await manager.query(
          `WITH old AS (SELECT to_jsonb(i) - 'seq' - 'version' - 'updated_at' - 'archived_at' AS j FROM indicators i WHERE id = $1),
                upd AS (UPDATE indicators SET ${assignments.join(', ')} WHERE id = $1 RETURNING to_jsonb(indicators) - 'seq' - 'version' - 'updated_at' - 'archived_at' AS j)
           SELECT (SELECT j FROM old) IS DISTINCT FROM (SELECT j FROM upd) AS changed`,
          [match.id, ...Object.values(values)],
        );
        if (changed || match.archived_at) {
          await manager.query(
            `UPDATE indicators SET version = version + 1, updated_at = now() WHERE id = $1`,
            [match.id],
          );
          // A re-imported target re-evaluates the indicator's stored reports: a light is never stale.
          await reevaluateReports(manager, this.audit, [match.id]);
        }
        if (changed) {
          summary.indicators.updated++;
          changes.add('updated', rowOf(match.id, indicator.name));
        }
        if (match.archived_at) {
          summary.indicators.restored++;
          await recordRestore(
            manager,
            this.audit,
            changes,
            rowOf(match.id, indicator.name),
            match.archived_at,
            RESTORE_REASON,
          );
        }
      } else {
        const values = {
          goal_id: goalId,
          node_id: nodeId,
          seq: index + 1,
          ...indicatorColumns(indicator),
          ...targetColumns(target),
        };
        inserts.push(Object.values(values));
        insertNames.push(indicator.name);
        insertColumns = Object.keys(values);
      }
    }
    if (inserts.length) {
      const created = await insertMany<{ id: string }>(manager, 'indicators', insertColumns, inserts, 'id');
      created.forEach(({ id }, i) => {
        const { parents, ...item } = rowOf(id, insertNames[i]);
        changes.add('created', item, parents);
      });
    }
    summary.indicators.created += inserts.length;
  }

  private async replaceBudgetTables(
    manager: EntityManager,
    fiscalYearId: string,
    doc: BudgetDocument,
  ): Promise<number> {
    await manager.query(`DELETE FROM budget_lines WHERE fiscal_year_id = $1`, [fiscalYearId]);
    const lines = doc.budgetTables.tables.flatMap((table) =>
      table.lines.map((line, i) => ({ table, line, seq: i + 1 })),
    );
    const ids = await insertMany<{ id: string }>(
      manager,
      'budget_lines',
      [
        'fiscal_year_id',
        'table_code',
        'classification',
        'seq',
        'code',
        'parent_code',
        'name',
        'side',
        'level',
        'category',
      ],
      lines.map(({ table, line, seq }) => [
        fiscalYearId,
        table.code,
        classificationOf(table),
        seq,
        line.code,
        line.parentCode,
        line.name,
        line.side ?? null,
        line.level,
        line.category ?? null,
      ]),
      'id',
    );
    const amounts = lines.flatMap(({ line }, i) =>
      Object.entries(line.amounts)
        .filter(([, amount]) => amount !== null)
        .map(([column, amount]) => [ids[i].id, column, wanToYuan(amount as number)]),
    );
    await insertMany(manager, 'budget_amounts', ['line_id', 'column_key', 'amount_yuan'], amounts);
    return lines.length;
  }
}

function projectColumns(p: DocumentProject, seq: number): Record<string, unknown> {
  return {
    seq,
    code: p.code,
    name: p.name,
    category: p.category,
    budget_yuan: wanToYuan(p.budget),
    competent_department: p.competentDepartment,
    executing_unit: p.executingUnit,
    lead_name: p.leadName,
    phone: p.phone,
    address: p.address,
    postcode: p.postcode,
    attribute: p.attribute,
    expenditure_category: p.expenditureCategory,
    start_year: p.startYear,
    end_year: p.endYear,
    legal_basis: p.legalBasis,
    implementation_plan: p.implementationPlan,
    total_budget_yuan: wanToYuanOrNull(p.totalBudget),
    current_budget_yuan: wanToYuanOrNull(p.currentBudget),
    prior_budget_changes: p.priorBudgetChanges,
    extra: JSON.stringify({ categoryGroup: p.categoryGroup, source: p.source }),
  };
}

function indicatorColumns(i: DocumentIndicator): Record<string, unknown> {
  return {
    name: i.name,
    target_raw: i.target,
    basis: i.basis,
    prev2_raw: i.prev2 ?? null,
    prev1_raw: i.prev1 ?? null,
    expected_raw: i.expected ?? null,
    unit: i.unit ?? null,
  };
}

function targetColumns(t: Target): Record<string, unknown> {
  return {
    target_operator: t.operator,
    target_value: t.value ?? null,
    target_min: t.min ?? null,
    target_max: t.max ?? null,
    target_unit: t.unit ?? null,
    target_deadline: t.deadline ?? null,
    target_direction: t.direction,
    target_accumulation: t.accumulation,
    target_confidence: t.confidence,
    target_note: t.note ?? null,
    target_parsed: JSON.stringify(t),
    target_corrected: false,
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
