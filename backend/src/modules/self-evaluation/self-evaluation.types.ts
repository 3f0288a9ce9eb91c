import type {
  TargetChange,
  ConsistencyWarning,
  EvaluationSourceKind,
  EvaluatedSheet,
  Grade,
  Judgement,
  Section,
  ScoringProfile,
  SectionWeights,
  ReportForEvaluation,
  Target,
} from '@jixiao/domain';
import type { SelfEvaluationStatus } from './entities/self-evaluation.entity';

/** project = 项目支出绩效自评; department = 部门整体支出绩效自评 over the 表11 goals. */
export type EvaluationScope = 'project' | 'department';

/** What a saved item holds; absent fields fall back to the defaults (last report, equal share). */
export interface StoredItem {
  actualRaw: string | null;
  actualFromPeriod: string | null;
  weightOverride: number | null;
  pickedScore: number | null;
  deviationAnalysis: string | null;
}

/** One annual 三级指标 with what the year recorded for it. */
export interface IndicatorInput {
  indicatorId: string;
  goalId: string;
  goalLabel: string;
  level1: string; // 一级指标
  level2: string; // 二级指标
  name: string; // 三级指标
  targetRaw: string; // 年度指标值 as published
  target: Target | null;
  unit: string | null;
  /** 权重 of the target table (Excel import); null = none. */
  indicatorWeight: number | null;
  /** The year's reports whose period was submitted or approved, with that status. */
  reports: ReportForEvaluation[];
  /** The approved adjustments of its target, oldest first (the 自评表 notes them). */
  adjustments: TargetChange[];
  item: StoredItem | null;
}

export interface BudgetInput {
  initialBudgetYuan: number | null; // 年初预算数
  annualBudgetYuan: number | null; // 全年预算数
  executedYuan: number | null; // stored 全年执行数 (entered, or frozen at submission)
  executedFromPeriod: string | null;
  /** The year's latest approved, else submitted budget execution of the project; null for the department as a whole. */
  report: { executedYuan: number; period: string; status: 'approved' | 'submitted' } | null;
  /** Department as a whole: the projects' latest executions added up, shown for reference only. */
  projectsExecutedYuan: number | null;
}

export interface EvaluationInputs {
  scope: EvaluationScope;
  sections: SectionWeights;
  /** The scoring profile: the one stored with the evaluation, else the department-year's rules now. */
  profile: ScoringProfile;
  budget: BudgetInput;
  indicators: IndicatorInput[];
}

/** Where a cell of the 自评表 came from. */
export interface CellOrigin {
  kind: EvaluationSourceKind;
  period: string | null;
  label: string;
}

export interface ItemView {
  indicatorId: string;
  goalId: string;
  goalLabel: string;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  target: Target | null;
  unit: string | null;
  section: Section | null;
  /** 实际完成值 and where it came from: entered by the evaluator, or the last progress report (period). */
  actual: string | null;
  actualSource: 'entered' | 'report' | null;
  actualPeriod: string | null;
  /** Where the actual came from, with its label (取自 2025-07 已审核填报 / 手工填写); null without an actual. */
  actualOrigin: CellOrigin | null;
  /** 分值 and who set it: this evaluation's admin weight, the target table's 权重, or an equal share. */
  weight: number;
  weightSource: 'evaluation' | 'indicator' | 'default';
  /** 得分: computed, or the evaluator's pick inside `band` for a judged (定性) indicator. */
  score: number | null;
  band: [number, number] | null;
  judgement: Judgement | null;
  pickedScore: number | null;
  /** Whether the actual meets the target (libs/domain meetsTarget); null when nothing can be compared. */
  met: boolean | null;
  deviationAnalysis: string | null; // 偏差原因分析及改进措施: the evaluator's text, else the reports' reasons
  deviationOrigin: CellOrigin | null;
  /** 年中调整：原目标 X → Y（N月起，原因…）when the target was adjusted during the year; null otherwise. */
  targetNote: string | null;
  /** Why the item has no score yet, in Chinese, and the input to fix: target (admin), actual or score. */
  problem: string | null;
  problemField: 'target' | 'actual' | 'score' | null;
  /** How the score (or the 定性 band) came about, with the figures, in Chinese. */
  explanation: string | null;
}

export interface BudgetView {
  initialBudgetYuan: number | null;
  annualBudgetYuan: number | null;
  executedYuan: number | null;
  executedSource: 'entered' | 'report' | null;
  executedPeriod: string | null;
  /** Where 全年执行数 came from, as the items' origins say it; null when there is none. */
  executedOrigin: CellOrigin | null;
  projectsExecutedYuan: number | null;
  /** 执行率 in percent, two decimals. */
  rate: number | null;
  weight: number; // 分值
  score: number | null; // 得分
  problem: string | null;
  explanation: string | null; // 执行率 and 得分 with the figures
}

export interface EvaluationHeader {
  departmentCode: string;
  departmentName: string;
  projectName: string | null;
  projectCode: string | null;
  projectSeq: number | null;
  competentDepartment: string | null; // 主管部门
  executingUnit: string | null; // 实施单位
}

/** The sheet's totals as libs/domain's evaluateSheet gives them: Σ 得分, 总分, 等级, the checks and their explanations. */
type SheetTotals = Pick<
  EvaluatedSheet,
  | 'weightCheck'
  | 'indicatorScore'
  | 'indicatorExplanation'
  | 'total'
  | 'grade'
  | 'totalExplanation'
  | 'complete'
  | 'consistency'
>;

export interface EvaluationView extends SheetTotals {
  id: string | null;
  scope: EvaluationScope;
  projectId: string | null;
  fiscalYearId: string;
  year: number;
  status: SelfEvaluationStatus;
  /** 0 until first saved; send it back with the next write. */
  version: number;
  returnReason: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  updatedAt: Date | null;
  header: EvaluationHeader;
  goals: { id: string; label: string; title: string }[];
  overallTarget: string; // 年度总体目标 预期目标
  overallResult: string | null; // 实际完成情况
  sections: SectionWeights;
  /** The scoring profile the score is computed with (stored with the evaluation). */
  scoringProfile: ScoringProfile;
  budget: BudgetView;
  items: ItemView[];
}

/** One line of the department's list of project evaluations. */
export interface EvaluationSummary {
  projectId: string;
  seq: number;
  code: string | null;
  name: string;
  status: SelfEvaluationStatus;
  version: number;
  annualBudgetYuan: number | null;
  executedYuan: number | null;
  rate: number | null;
  budgetScore: number | null;
  indicatorScore: number;
  total: number | null;
  grade: Grade | null;
  totalExplanation: string | null;
  budgetExplanation: string | null;
  complete: boolean;
  consistency: ConsistencyWarning['light'] | null;
  indicators: number;
  met: number;
}

export interface DepartmentEvaluationView {
  department: { code: string; name: string };
  year: number;
  overall: EvaluationView;
  projects: EvaluationSummary[];
}
