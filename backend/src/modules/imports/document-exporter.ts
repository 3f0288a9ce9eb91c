import { yuanToWan, yuanToWanOrNull } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import type {
  BudgetDocument,
  BudgetLine,
  BudgetTable,
  FundingSource,
  Goal,
  Indicator,
  OverallPerformance,
  ProcurementItem,
  Project,
  SpendingDetail,
  Target,
} from '@jixiao/domain';
import { EntityManager } from 'typeorm';

type ExportedIndicator = Indicator & { parsed?: Target };

/**
 * Reads a department-year back out of the tables as the normalized document, field for field in the order
 * the types declare, so that export → import → export is byte-identical. Admin corrections of structured
 * targets are part of what it exports.
 */
@Injectable()
export class DocumentExporter {
  async export(manager: EntityManager, fiscalYearId: string): Promise<BudgetDocument> {
    const [fy] = await manager.query(
      `SELECT d.code, d.name, fy.year, fy.overview FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE fy.id = $1`,
      [fiscalYearId],
    );
    const overview = (typeof fy.overview === 'string' ? JSON.parse(fy.overview) : fy.overview) as Overview;
    const goals = await this.goals(manager, fiscalYearId);
    const projects = await this.projects(manager, fiscalYearId, goals);
    const overall: OverallPerformance = {
      ...(overview.overall as Omit<OverallPerformance, 'goals'>),
      goals: goals.get(null) ?? [],
    };
    return {
      schemaVersion: overview.schemaVersion,
      department: { code: fy.code, name: fy.name, shortName: overview.shortName },
      year: fy.year,
      moneyUnit: overview.moneyUnit,
      units: overview.units,
      budgetTables: {
        tables: await this.tables(manager, fiscalYearId, overview.budgetTables.tables),
        totals: overview.budgetTables.totals,
        threePublicExpenses: overview.budgetTables.threePublicExpenses,
      },
      overall,
      projects,
    } as BudgetDocument;
  }

  private async tables(
    manager: EntityManager,
    fiscalYearId: string,
    metas: Omit<BudgetTable, 'lines'>[],
  ): Promise<BudgetTable[]> {
    const rows: {
      table_code: string;
      code: string | null;
      parent_code: string | null;
      name: string;
      side: string | null;
      level: number;
      category: string | null;
      amounts: Record<string, string> | null;
    }[] = await manager.query(
      `SELECT l.table_code, l.code, l.parent_code, l.name, l.side, l.level, l.category,
                (SELECT json_object_agg(a.column_key, a.amount_yuan::text) FROM budget_amounts a WHERE a.line_id = l.id) AS amounts
           FROM budget_lines l WHERE l.fiscal_year_id = $1 ORDER BY l.table_code, l.seq`,
      [fiscalYearId],
    );
    return metas.map(({ code, caption, unit, kind, columns, note }) => ({
      code,
      caption,
      unit,
      kind,
      columns,
      lines: rows
        .filter((r) => r.table_code === code)
        .map((r): BudgetLine => ({
          ...(r.side ? { side: r.side as BudgetLine['side'] } : {}),
          code: r.code,
          parentCode: r.parent_code,
          name: r.name,
          level: r.level,
          ...(r.category !== null ? { category: r.category } : {}),
          amounts: Object.fromEntries(
            columns.map((c) => [c, r.amounts?.[c] !== undefined ? yuanToWan(Number(r.amounts[c])) : null]),
          ),
        })),
      note,
    }));
  }

  private async goals(manager: EntityManager, fiscalYearId: string): Promise<Map<string | null, Goal[]>> {
    const goals: {
      id: string;
      project_id: string | null;
      term: Goal['term'];
      label: string;
      title: string;
    }[] = await manager.query(
      `SELECT id, project_id, term, label, title FROM goals WHERE fiscal_year_id = $1 AND archived_at IS NULL
        ORDER BY project_id NULLS FIRST, CASE term WHEN 'long' THEN 0 ELSE 1 END, seq`,
      [fiscalYearId],
    );
    const indicators: {
      goal_id: string;
      level1: string;
      level2: string;
      name: string;
      target_raw: string;
      basis: string | null;
      prev2_raw: string | null;
      prev1_raw: string | null;
      expected_raw: string | null;
      unit: string | null;
      target_parsed: unknown;
    }[] = await manager.query(
      `SELECT i.goal_id, l1.name AS level1, l2.name AS level2, i.name, i.target_raw, i.basis, i.prev2_raw, i.prev1_raw,
              i.expected_raw, i.unit, i.target_parsed
         FROM indicators i JOIN goals g ON g.id = i.goal_id
         JOIN indicator_nodes l2 ON l2.id = i.node_id JOIN indicator_nodes l1 ON l1.id = l2.parent_id
        WHERE g.fiscal_year_id = $1 AND g.archived_at IS NULL AND i.archived_at IS NULL ORDER BY i.goal_id, i.seq`,
      [fiscalYearId],
    );
    const byGoal = new Map<string, ExportedIndicator[]>();
    for (const i of indicators) {
      const list = byGoal.get(i.goal_id) ?? [];
      list.push({
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        target: i.target_raw,
        basis: i.basis ?? '',
        ...(i.prev2_raw !== null ? { prev2: i.prev2_raw } : {}),
        ...(i.prev1_raw !== null ? { prev1: i.prev1_raw } : {}),
        ...(i.expected_raw !== null ? { expected: i.expected_raw } : {}),
        ...(i.unit !== null ? { unit: i.unit } : {}),
        ...(i.target_parsed
          ? {
              parsed: (typeof i.target_parsed === 'string'
                ? JSON.parse(i.target_parsed)
                : i.target_parsed) as Target,
            }
          : {}),
      });
      byGoal.set(i.goal_id, list);
    }
    const result = new Map<string | null, Goal[]>();
    for (const g of goals) {
      const list = result.get(g.project_id) ?? [];
      list.push({ term: g.term, label: g.label, title: g.title, indicators: byGoal.get(g.id) ?? [] });
      result.set(g.project_id, list);
    }
    return result;
  }

  private async projects(
    manager: EntityManager,
    fiscalYearId: string,
    goals: Map<string | null, Goal[]>,
  ): Promise<Project[]> {
    const rows = await manager.query(
      `SELECT * FROM projects WHERE fiscal_year_id = $1 AND archived_at IS NULL ORDER BY seq`,
      [fiscalYearId],
    );
    const ids = rows.map((r: { id: string }) => r.id);
    const funding: (FundingSource & { project_id: string })[] = (
      await manager.query(
        `SELECT project_id, name, amount_yuan FROM funding_sources WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, seq`,
        [ids],
      )
    ).map((r: { project_id: string; name: string; amount_yuan: string | null }) => ({
      project_id: r.project_id,
      name: r.name,
      amount: yuanToWanOrNull(num(r.amount_yuan)),
    }));
    const details: (SpendingDetail & { project_id: string })[] = (
      await manager.query(
        `SELECT project_id, activity, description, economic_classification, classification_code, amount_yuan, basis, remark
           FROM spending_details WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, seq`,
        [ids],
      )
    ).map((r: Record<string, string | null>) => ({
      project_id: r.project_id as string,
      activity: r.activity as string,
      description: r.description,
      economicClassification: r.economic_classification,
      classificationCode: r.classification_code,
      amount: yuanToWanOrNull(num(r.amount_yuan)),
      basis: r.basis,
      remark: r.remark,
    }));
    const purchases: (ProcurementItem & { project_id: string })[] = (
      await manager.query(
        `SELECT project_id, item, quantity, amount_yuan FROM procurement_items WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, seq`,
        [ids],
      )
    ).map((r: Record<string, string | null>) => ({
      project_id: r.project_id as string,
      item: r.item as string,
      quantity: num(r.quantity),
      amount: yuanToWanOrNull(num(r.amount_yuan)),
    }));
    const of = <T extends { project_id: string }>(list: T[], id: string) =>
      list.filter((x) => x.project_id === id).map(({ project_id: _p, ...rest }) => rest);

    return rows.map((r: Record<string, unknown>): Project => {
      const extra = (typeof r.extra === 'string' ? JSON.parse(r.extra) : r.extra) as Pick<
        Project,
        'categoryGroup' | 'source'
      >;
      const id = r.id as string;
      return {
        code: r.code as string | null,
        name: r.name as string,
        budget: yuanToWan(Number(r.budget_yuan)),
        category: r.category as string | null,
        categoryGroup: extra.categoryGroup,
        source: extra.source,
        competentDepartment: r.competent_department as string | null,
        executingUnit: r.executing_unit as string | null,
        leadName: r.lead_name as string | null,
        phone: r.phone as string | null,
        address: r.address as string | null,
        postcode: r.postcode as string | null,
        attribute: r.attribute as string | null,
        expenditureCategory: r.expenditure_category as string | null,
        startYear: r.start_year as number | null,
        endYear: r.end_year as number | null,
        legalBasis: r.legal_basis as string | null,
        implementationPlan: r.implementation_plan as string | null,
        totalBudget: yuanToWanOrNull(num(r.total_budget_yuan as string | null)),
        currentBudget: yuanToWanOrNull(num(r.current_budget_yuan as string | null)),
        priorBudgetChanges: r.prior_budget_changes as string | null,
        fundingSources: of(funding, id),
        spendingDetails: of(details, id),
        procurements: of(purchases, id),
        goals: goals.get(id) ?? [],
      };
    });
  }
}

interface Overview {
  schemaVersion: BudgetDocument['schemaVersion'];
  moneyUnit: BudgetDocument['moneyUnit'];
  shortName: string | null;
  units: BudgetDocument['units'];
  overall: Omit<OverallPerformance, 'goals'>;
  budgetTables: {
    tables: Omit<BudgetTable, 'lines'>[];
    totals: BudgetDocument['budgetTables']['totals'];
    threePublicExpenses: BudgetDocument['budgetTables']['threePublicExpenses'];
  };
}

const num = (v: string | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);
