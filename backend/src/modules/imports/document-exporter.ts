import { yuanToWan, yuanToWanOrNull } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import type {
  BudgetDocument,
  BudgetLine,
  BudgetTable,
  Goal,
  Indicator,
  OverallPerformance,
  Project,
  Target,
} from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import { DocumentExporterRepository } from './document-exporter.repository';
import { sharedProjectFields } from './project-fields';

type ExportedIndicator = Indicator & { parsed?: Target };

/**
 * Reads a department-year back out of the tables as the normalized document, field for field in the order
 * the types declare, so that export → import → export is byte-identical. Admin corrections of structured
 * targets are part of what it exports.
 */
@Injectable()
export class DocumentExporter {
  constructor(private readonly repository: DocumentExporterRepository) {}

  async export(manager: EntityManager, fiscalYearId: string): Promise<BudgetDocument> {
    const fy = await this.repository.fiscalYear(manager, fiscalYearId);
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
    const rows = await this.repository.budgetLines(manager, fiscalYearId);
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
    const goals = await this.repository.goals(manager, fiscalYearId);
    const indicators = await this.repository.indicators(manager, fiscalYearId);
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
      const list = result.get(g.projectId) ?? [];
      list.push({ term: g.term, label: g.label, title: g.title, indicators: byGoal.get(g.id) ?? [] });
      result.set(g.projectId, list);
    }
    return result;
  }

  private async projects(
    manager: EntityManager,
    fiscalYearId: string,
    goals: Map<string | null, Goal[]>,
  ): Promise<Project[]> {
    const rows = await this.repository.projects(manager, fiscalYearId);
    const { funding, details, purchases } = await this.repository.projectDetails(
      manager,
      rows.map((r) => r.id),
    );
    const of = <T extends { projectId: string }, R>(list: T[], id: string, map: (item: T) => R): R[] =>
      list.filter((x) => x.projectId === id).map(map);

    return rows.map((p): Project => ({
      code: p.code,
      name: p.name,
      budget: yuanToWan(p.budgetYuan),
      category: p.category,
      categoryGroup: p.extra.categoryGroup as Project['categoryGroup'],
      source: p.extra.source as Project['source'],
      ...sharedProjectFields(p),
      totalBudget: yuanToWanOrNull(p.totalBudgetYuan),
      currentBudget: yuanToWanOrNull(p.currentBudgetYuan),
      priorBudgetChanges: p.priorBudgetChanges,
      fundingSources: of(funding, p.id, (f) => ({ name: f.name, amount: yuanToWanOrNull(f.amountYuan) })),
      spendingDetails: of(details, p.id, (d) => ({
        activity: d.activity,
        description: d.description,
        economicClassification: d.economicClassification,
        classificationCode: d.classificationCode,
        amount: yuanToWanOrNull(d.amountYuan),
        basis: d.basis,
        remark: d.remark,
      })),
      procurements: of(purchases, p.id, (d) => ({
        item: d.item,
        quantity: d.quantity,
        amount: yuanToWanOrNull(d.amountYuan),
      })),
      goals: goals.get(p.id) ?? [],
    }));
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
