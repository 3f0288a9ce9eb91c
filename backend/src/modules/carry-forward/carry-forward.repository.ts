import { Injectable } from '@nestjs/common';
import type { Target } from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { TargetColumns } from '../goals/target-columns.mapper';

/** Columns a copied row gets, each with the SQL giving its value (the row copied is `src`). */
type Copied = Readonly<Record<string, string>>;

/**
 * What the rows of next year's trees are set to on top of what they copy. Next year's trees start as drafts
 * (申报 not yet submitted): the fiscal year itself is 'draft', and when the trees get a lifecycle status column
 * it is one line here, e.g. `projects: { status: "'draft'" }` and `goals: { status: "'draft'" }`.
 */
export const NEW_YEAR_VALUES: Readonly<Record<'fiscal_years' | 'projects' | 'goals' | 'indicators', Copied>> =
  {
    fiscal_years: { status: `'draft'` },
    projects: {},
    goals: {},
    indicators: {},
  };

const PROJECT_COLUMNS = [
  'code',
  'name',
  'category',
  'budget_yuan',
  'competent_department',
  'executing_unit',
  'lead_name',
  'phone',
  'address',
  'postcode',
  'attribute',
  'expenditure_category',
  'start_year',
  'end_year',
  'legal_basis',
  'implementation_plan',
  'total_budget_yuan',
  'current_budget_yuan',
  'prior_budget_changes',
  'extra',
];

const TARGET_COLUMNS = [
  'target_raw',
  'target_operator',
  'target_value',
  'target_min',
  'target_max',
  'target_unit',
  'target_deadline',
  'target_direction',
  'target_accumulation',
  'target_confidence',
  'target_note',
  'target_parsed',
  'target_corrected',
];

const same = (columns: string[]): Copied => Object.fromEntries(columns.map((c) => [c, `src."${c}"`]));

/** INSERT … SELECT of the columns given (with the new year's values on top); returns the rows inserted. */
async function copy(
  manager: EntityManager,
  table: keyof typeof NEW_YEAR_VALUES,
  columns: Copied,
  from: string,
  params: unknown[],
): Promise<number> {
  const all = { ...columns, ...NEW_YEAR_VALUES[table] };
  const names = Object.keys(all);
  return counted(
    manager,
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')})
     SELECT ${names.map((n) => all[n]).join(', ')} ${from}`,
    params,
  );
}

/** The number of rows an INSERT wrote. */
async function counted(manager: EntityManager, insert: string, params: unknown[]): Promise<number> {
  const [{ n }] = await manager.query(
    `WITH ins AS (${insert} RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    params,
  );
  return n;
}

/** An annual indicator of next year with what its proposal is computed from. */
export interface ProposalSource {
  id: string;
  level1: string;
  level2: string;
  name: string;
  prev1: string | null;
  target_raw: string;
  target_parsed: Target | null;
  target_corrected: boolean;
  actual_raw: string | null;
  actual_value: string | null;
  actual_period: string | null;
}

/** What a proposal writes: the target columns and the proposal itself. */
export type ProposalWrite = { id: string; proposal: Record<string, unknown> } & TargetColumns;

export interface CopyCounts {
  projects: number;
  fundingSources: number;
  assignments: number;
  goals: number;
  indicators: number;
}

/** A pending proposal as the targets page lists it. */
export interface PendingProposalRow {
  indicatorId: string;
  version: number;
  projectId: string | null;
  projectName: string | null;
  goalLabel: string;
  level1: string;
  level2: string;
  name: string;
  target: string;
  prev1: string | null;
  proposal: Record<string, unknown>;
}

/** The indicator a confirmation locks: its proposal, its place and who may confirm it. */
export interface LockedProposal {
  id: string;
  version: number;
  name: string;
  level1: string;
  level2: string;
  prev1: string | null;
  target_raw: string;
  target_parsed: Target | null;
  target_proposal: Record<string, unknown> | null;
  project_id: string | null;
  fiscal_year_id: string;
  department_id: string;
  year: number;
}

/** Set-based copying of a department-year into the next one (结转), and the proposals' reads and writes. */
@Injectable()
export class CarryForwardRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The department-year and whether the next one exists. */
  async findYears(
    manager: EntityManager,
    code: string,
    year: number,
  ): Promise<{ fiscalYearId: string; departmentId: string; nextExists: boolean } | undefined> {
    const [row] = await manager.query(
      `SELECT fy.id AS "fiscalYearId", fy.department_id AS "departmentId",
              EXISTS (SELECT 1 FROM fiscal_years n WHERE n.department_id = fy.department_id AND n.year = fy.year + 1) AS "nextExists"
         FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1 AND fy.year = $2
        FOR UPDATE OF fy`,
      [code, year],
    );
    return row;
  }

  /** Next year's fiscal year, with this year's 表11 header data. */
  async createNextYear(manager: EntityManager, fromId: string): Promise<string> {
    const values: Copied = {
      department_id: 'src.department_id',
      year: 'src.year + 1',
      overview: 'src.overview',
      ...NEW_YEAR_VALUES.fiscal_years,
    };
    const names = Object.keys(values);
    const [row] = await manager.query(
      `INSERT INTO fiscal_years (${names.map((n) => `"${n}"`).join(', ')})
       SELECT ${names.map((n) => values[n]).join(', ')} FROM fiscal_years src WHERE src.id = $1 RETURNING id`,
      [fromId],
    );
    return row.id;
  }

  /**
   * Every current project (with its 表12 header, 资金来源 and assigned leads), goal, 一级 / 二级 node and
   * indicator of `fromId` copied into `toId`, each statement an INSERT … SELECT. An annual indicator's 上年
   * becomes 前年 and this year's latest report becomes 上年; 预计当年实现 starts empty.
   */
  async copyTrees(manager: EntityManager, fromId: string, toId: string, year: number): Promise<CopyCounts> {
    const params = [fromId, toId];
    const projects = await copy(
      manager,
      'projects',
      {
        fiscal_year_id: '$2::uuid',
        seq: 'row_number() OVER (ORDER BY src.seq)',
        ...same(PROJECT_COLUMNS),
        carried_from_id: 'src.id',
      },
      `FROM projects src WHERE src.fiscal_year_id = $1 AND src.archived_at IS NULL`,
      params,
    );
    const fundingSources = await counted(
      manager,
      `INSERT INTO funding_sources (project_id, seq, name, amount_yuan)
       SELECT np.id, src.seq, src.name, src.amount_yuan
         FROM funding_sources src JOIN projects np ON np.carried_from_id = src.project_id AND np.fiscal_year_id = $1`,
      [toId],
    );
    const assignments = await counted(
      manager,
      `INSERT INTO project_assignments (project_id, user_id)
       SELECT np.id, src.user_id
         FROM project_assignments src JOIN projects np ON np.carried_from_id = src.project_id AND np.fiscal_year_id = $1`,
      [toId],
    );
    const goals = await copy(
      manager,
      'goals',
      {
        fiscal_year_id: '$2::uuid',
        project_id: 'np.id',
        term: 'src.term',
        seq: 'row_number() OVER (PARTITION BY src.project_id, src.term ORDER BY src.seq)',
        label: 'src.label',
        title: 'src.title',
        carried_from_id: 'src.id',
      },
      `FROM goals src LEFT JOIN projects np ON np.carried_from_id = src.project_id AND np.fiscal_year_id = $2
        WHERE src.fiscal_year_id = $1 AND src.archived_at IS NULL AND (src.project_id IS NULL OR np.id IS NOT NULL)`,
      params,
    );
    await manager.query(
      `INSERT INTO indicator_nodes (goal_id, parent_id, level, name, seq)
       SELECT ng.id, NULL, 1, src.name, src.seq
         FROM indicator_nodes src JOIN goals ng ON ng.carried_from_id = src.goal_id AND ng.fiscal_year_id = $1
        WHERE src.level = 1`,
      [toId],
    );
    await manager.query(
      `INSERT INTO indicator_nodes (goal_id, parent_id, level, name, seq)
       SELECT ng.id, np.id, 2, src.name, src.seq
         FROM indicator_nodes src JOIN indicator_nodes sp ON sp.id = src.parent_id
         JOIN goals ng ON ng.carried_from_id = src.goal_id AND ng.fiscal_year_id = $1
         JOIN indicator_nodes np ON np.goal_id = ng.id AND np.level = 1 AND np.name = sp.name
        WHERE src.level = 2`,
      [toId],
    );
    const indicators = await copy(
      manager,
      'indicators',
      {
        goal_id: 'ng.id',
        node_id: 'nn.id',
        seq: 'src.seq',
        name: 'src.name',
        ...same(TARGET_COLUMNS),
        unit: 'src.unit',
        basis: 'src.basis',
        prev2_raw: `CASE WHEN ng.term = 'annual' THEN src.prev1_raw ELSE src.prev2_raw END`,
        prev1_raw: `CASE WHEN ng.term = 'annual' THEN last.actual_raw ELSE src.prev1_raw END`,
        expected_raw: 'NULL',
        weight: 'src.weight',
        thresholds: 'src.thresholds',
        carried_from_id: 'src.id',
      },
      `FROM indicators src
        JOIN goals sg ON sg.id = src.goal_id AND sg.fiscal_year_id = $1
        JOIN goals ng ON ng.carried_from_id = src.goal_id AND ng.fiscal_year_id = $2
        JOIN indicator_nodes sn ON sn.id = src.node_id
        JOIN indicator_nodes nn ON nn.goal_id = ng.id AND nn.level = sn.level AND nn.name = sn.name
        LEFT JOIN LATERAL (${latestReport('$3')}) last ON true
       WHERE src.archived_at IS NULL`,
      [...params, `${year}-%`],
    );
    return { projects, fundingSources, assignments, goals, indicators };
  }

  /** Next year's annual indicators with this year's target and latest actual (in the target's unit). */
  proposalSources(manager: EntityManager, toId: string, year: number): Promise<ProposalSource[]> {
    return manager.query(
      `SELECT ni.id, COALESCE(l1.name, '') AS level1, l2.name AS level2, ni.name, ni.prev1_raw AS prev1,
              src.target_raw, src.target_parsed, src.target_corrected,
              last.actual_raw, last.actual_value, last.period AS actual_period
         FROM indicators ni JOIN goals ng ON ng.id = ni.goal_id
         JOIN indicators src ON src.id = ni.carried_from_id
         JOIN indicator_nodes l2 ON l2.id = ni.node_id LEFT JOIN indicator_nodes l1 ON l1.id = l2.parent_id
         LEFT JOIN LATERAL (${latestReport('$2')}) last ON true
        WHERE ng.fiscal_year_id = $1 AND ng.term = 'annual'
        ORDER BY ni.id`,
      [toId, `${year}-%`],
    );
  }

  /** Writes every proposal in one UPDATE … FROM json_to_recordset. */
  async writeProposals(manager: EntityManager, rows: ProposalWrite[]): Promise<void> {
    if (!rows.length) return;
    const json = rows.map((r) => ({
      id: r.id,
      proposal: r.proposal,
      ...Object.fromEntries(
        Object.entries(r)
          .filter(([key]) => key.startsWith('target'))
          .map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
      ),
    }));
    await manager.query(
      `UPDATE indicators i SET ${[...TARGET_COLUMNS, 'target_proposal'].map((c) => `"${c}" = v."${c === 'target_proposal' ? 'proposal' : c}"`).join(', ')}
         FROM json_to_recordset($1::json) AS v(id uuid, proposal jsonb, target_raw text, target_operator varchar,
              target_value numeric, target_min numeric, target_max numeric, target_unit text, target_deadline date,
              target_direction varchar, target_accumulation varchar, target_confidence varchar, target_note text,
              target_parsed json, target_corrected boolean)
        WHERE i.id = v.id`,
      [JSON.stringify(json)],
    );
  }

  /** The department-year's indicators whose proposal awaits confirmation, in table order. */
  pendingProposals(fiscalYearId: string): Promise<PendingProposalRow[]> {
    return this.dataSource.query(
      `SELECT i.id AS "indicatorId", i.version, g.project_id AS "projectId", p.name AS "projectName",
              g.label AS "goalLabel", COALESCE(l1.name, '') AS level1, l2.name AS level2, i.name,
              i.target_raw AS target, i.prev1_raw AS prev1, i.target_proposal AS proposal
         FROM indicators i JOIN goals g ON g.id = i.goal_id LEFT JOIN projects p ON p.id = g.project_id
         JOIN indicator_nodes l2 ON l2.id = i.node_id LEFT JOIN indicator_nodes l1 ON l1.id = l2.parent_id
        WHERE g.fiscal_year_id = $1 AND i.target_proposal IS NOT NULL
          AND i.archived_at IS NULL AND g.archived_at IS NULL AND (p.id IS NULL OR p.archived_at IS NULL)
        ORDER BY p.seq NULLS FIRST, g.term DESC, g.seq, i.seq`,
      [fiscalYearId],
    );
  }

  async lockProposal(manager: EntityManager, id: string): Promise<LockedProposal | undefined> {
    const [row] = await manager.query(
      `SELECT i.id, i.version, i.name, COALESCE(l1.name, '') AS level1, l2.name AS level2, i.prev1_raw AS prev1,
              i.target_raw, i.target_parsed, i.target_proposal, g.project_id, g.fiscal_year_id,
              fy.department_id, fy.year
         FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         JOIN indicator_nodes l2 ON l2.id = i.node_id LEFT JOIN indicator_nodes l1 ON l1.id = l2.parent_id
        WHERE i.id = $1 AND i.archived_at IS NULL
        FOR UPDATE OF i`,
      [id],
    );
    return row;
  }
}

/** This year's latest report of the indicator `src`; `periods` is the parameter matching the year ('2025-%'). */
const latestReport = (periods: string): string =>
  `SELECT r.actual_raw, r.actual_value, r.period FROM progress_reports r
    WHERE r.indicator_id = src.id AND r.period LIKE ${periods} ORDER BY r.period DESC LIMIT 1`;
