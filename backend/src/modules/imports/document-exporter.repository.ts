import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Goal } from '../goals/entities/goal.entity';
import { FundingSource } from '../projects/entities/funding-source.entity';
import { ProcurementItem } from '../projects/entities/procurement-item.entity';
import { Project } from '../projects/entities/project.entity';
import { SpendingDetail } from '../projects/entities/spending-detail.entity';

/** A budget table line with its amounts (column key → 元, as text to keep every digit). */
export interface ExportedLine {
  table_code: string;
  code: string | null;
  parent_code: string | null;
  name: string;
  side: string | null;
  level: number;
  category: string | null;
  amounts: Record<string, string> | null;
}

/** An indicator with its 一级 and 二级 names. */
export interface ExportedIndicatorRow {
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
}

/** Reads of a department-year for the document export, in document order; archived rows left out. */
@Injectable()
export class DocumentExporterRepository {
  async fiscalYear(
    manager: EntityManager,
    fiscalYearId: string,
  ): Promise<{ code: string; name: string; year: number; overview: unknown }> {
    const [fy] = await manager.query(
      `SELECT d.code, d.name, fy.year, fy.overview FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE fy.id = $1`,
      [fiscalYearId],
    );
    return fy;
  }

  budgetLines(manager: EntityManager, fiscalYearId: string): Promise<ExportedLine[]> {
    return manager.query(
      `SELECT l.table_code, l.code, l.parent_code, l.name, l.side, l.level, l.category,
                (SELECT json_object_agg(a.column_key, a.amount_yuan::text) FROM budget_amounts a WHERE a.line_id = l.id) AS amounts
           FROM budget_lines l WHERE l.fiscal_year_id = $1 ORDER BY l.table_code, l.seq`,
      [fiscalYearId],
    );
  }

  /** Department-wide goals first, then by project; 长期 before 年度 (term DESC). */
  goals(manager: EntityManager, fiscalYearId: string): Promise<Goal[]> {
    return manager.find(Goal, {
      where: { fiscalYearId, archivedAt: IsNull() },
      order: { projectId: { direction: 'ASC', nulls: 'FIRST' }, term: 'DESC', seq: 'ASC' },
    });
  }

  indicators(manager: EntityManager, fiscalYearId: string): Promise<ExportedIndicatorRow[]> {
    return manager.query(
      `SELECT i.goal_id, l1.name AS level1, l2.name AS level2, i.name, i.target_raw, i.basis, i.prev2_raw, i.prev1_raw,
              i.expected_raw, i.unit, i.target_parsed
         FROM indicators i JOIN goals g ON g.id = i.goal_id
         JOIN indicator_nodes l2 ON l2.id = i.node_id JOIN indicator_nodes l1 ON l1.id = l2.parent_id
        WHERE g.fiscal_year_id = $1 AND g.archived_at IS NULL AND i.archived_at IS NULL ORDER BY i.goal_id, i.seq`,
      [fiscalYearId],
    );
  }

  projects(manager: EntityManager, fiscalYearId: string): Promise<Project[]> {
    return manager.find(Project, { where: { fiscalYearId, archivedAt: IsNull() }, order: { seq: 'ASC' } });
  }

  /** 资金来源, 支出明细 and 采购 of the projects, each in its document order. */
  async projectDetails(
    manager: EntityManager,
    projectIds: string[],
  ): Promise<{ funding: FundingSource[]; details: SpendingDetail[]; purchases: ProcurementItem[] }> {
    if (!projectIds.length) return { funding: [], details: [], purchases: [] };
    const options = {
      where: { projectId: In(projectIds) },
      order: { projectId: 'ASC', seq: 'ASC' },
    } as const;
    return {
      funding: await manager.find(FundingSource, options),
      details: await manager.find(SpendingDetail, options),
      purchases: await manager.find(ProcurementItem, options),
    };
  }
}
