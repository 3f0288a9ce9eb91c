import type { ReviewRuleId, ReviewSeverity, SeverityCounts } from '@jixiao/domain';

// What the parser tells the admin about an import: every table it found, what it counted, every piece of
// damage it repaired (recoveries) and every cross-check that did not add up (findings).

/** Kinds of damage the parser repaired. */
export type RecoveryKind =
  /** Merged cells: empty 一级 / 二级 / 目标名称 / 分类 cells take the value of the row above. */
  | 'merged-cells'
  /** A row whose cells sit one column off; moved back. */
  | 'shifted-row'
  /** A cell split across a page break; the parts were joined. */
  | 'page-break-join'
  /** Whitespace a line break put inside a name was dropped. */
  | 'name-whitespace'
  /** A 二级 under the wrong 一级 (merged cell); the parent was set per the 二级 → 一级 table. */
  | 'wrong-parent'
  /** A 表12 section that lost its header block, matched to its 表10 project. */
  | 'missing-header'
  /** A section whose end is missing. */
  | 'truncated-section'
  /** A name cut by a narrow column, completed from another table. */
  | 'truncated-name'
  /** A likely typo, noted; the published text is kept. */
  | 'typo'
  /** A cell holding a header word or other text that belongs elsewhere; ignored. */
  | 'stray-cell';

/** Where in the document something was met. */
export interface ReportLocation {
  /** "表1" … "表12" */
  table: string;
  /** "(3) 人社局就业资金工作经费" for 表12 sections, the project name elsewhere. */
  project?: string;
  /** 目标名称 or a sub-table, e.g. "年度绩效目标 1", "支出明细测算". */
  part?: string;
  /** 1-based line of the source text. */
  line?: number;
  /** The row as published (cells joined by " | ") or its name. */
  row?: string;
}

export interface Recovery {
  kind: RecoveryKind;
  location: ReportLocation;
  /** What was done, in Chinese. */
  action: string;
}

/** Kinds of 勾稽 (cross-check) and completeness findings. */
export type FindingKind =
  /** 收入总计 = 支出总计 */
  | 'balance'
  /** 合计 = the sum of its column parts (基本支出 + 项目支出, 人员经费 + 公用经费 …) */
  | 'column-parts'
  /** A 科目 / 单位 / item = the sum of its children */
  | 'children-sum'
  /** A 合计 / 总计 line = the sum of the lines it totals */
  | 'total-sum'
  /** A project's 支出明细 / 资金来源 sum to its 当年预算 */
  | 'project-sum'
  /** 表11 占比 agrees with the amounts */
  | 'share'
  /** The same amount in two tables */
  | 'cross-table'
  /** Something the document should hold and does not */
  | 'missing'
  /** A value that contradicts the document elsewhere (e.g. another year) */
  | 'inconsistent'
  /** A 一级 / 二级 name the domain tables do not know */
  | 'unknown-level';

export interface Finding {
  kind: FindingKind;
  location: ReportLocation;
  /** What was compared, in Chinese. */
  message: string;
  /** The value the check expects (e.g. the sum of the parts), 万元. */
  expected?: number;
  /** The value published, 万元. */
  actual?: number;
}

export interface TableFound {
  /** "表1" … "表12" */
  code: string;
  caption: string;
  line: number;
}

export interface GoalCount {
  term: 'long' | 'annual';
  label: string;
  indicators: number;
}

export interface ProjectCount {
  /** Position in 表10, 1-based. */
  seq: number;
  name: string;
  code: string | null;
  /** (n) of 表12, null without a target table. */
  section: number | null;
  longTermIndicators: number;
  annualIndicators: number;
  goals: GoalCount[];
}

/** How libs/domain's parseTarget read the 指标值 of the document. */
export interface TargetReadings {
  explicit: number;
  inferred: number;
  unparsed: number;
  /** Targets it could not read: raw text kept, for an admin to set by hand. */
  unread: { location: ReportLocation; raw: string; note: string }[];
}

/** A finding of the target-quality review (libs/domain reviewTree, default rules), placed in the document. */
export interface TargetReviewEntry {
  location: ReportLocation;
  ruleId: ReviewRuleId;
  severity: ReviewSeverity;
  /** Chinese title of the rule. */
  title: string;
  message: string;
}

/** A rule the department-year switched otherwise than by default (target_review_rule_settings). */
export interface SwitchedRule {
  ruleId: ReviewRuleId;
  title: string;
  enabled: boolean;
  reason: string;
}

/** 目标质量审查 of every tree the document holds. */
export interface TargetReviewSection {
  counts: SeverityCounts;
  findings: TargetReviewEntry[];
  /** At import: the department-year's rules that are not at their default (absent: every rule at its default). */
  switched?: SwitchedRule[];
}

export interface ImportReport {
  department: { code: string; name: string };
  year: number;
  tables: TableFound[];
  /** Table codes 表1–表12 not found. */
  missingTables: string[];
  counts: {
    overall: GoalCount[];
    projects: ProjectCount[];
  };
  targets: TargetReadings;
  targetReview: TargetReviewSection;
  recoveries: Recovery[];
  findings: Finding[];
  /** Number of 勾稽 comparisons made (passed or not). */
  checksRun: number;
}
