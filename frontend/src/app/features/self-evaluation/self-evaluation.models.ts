import type {
  ConsistencyWarning,
  Grade,
  Judgement,
  ReviewStatus,
  Section,
  SectionWeights,
  Target,
  WeightCheck,
} from '@jixiao/domain';

/** Workflow of a self-evaluation: approved (and submitted) are locked. */
export type SelfEvaluationStatus = ReviewStatus;

/** One 三级指标 row of the 自评表, as GET /api/projects/:id/self-evaluation/:year answers. */
export interface EvaluationItem {
  readonly indicatorId: string;
  readonly goalId: string;
  readonly goalLabel: string;
  readonly level1: string; // 一级指标
  readonly level2: string; // 二级指标
  readonly name: string; // 三级指标
  readonly targetRaw: string; // 年度指标值
  readonly target: Target | null;
  readonly unit: string | null;
  readonly section: Section | null;
  readonly actual: string | null; // 实际完成值
  readonly actualSource: 'entered' | 'report' | null;
  readonly actualPeriod: string | null;
  readonly weight: number; // 分值
  readonly weightSource: 'evaluation' | 'indicator' | 'default';
  readonly score: number | null; // 得分
  readonly band: [number, number] | null;
  readonly judgement: Judgement | null;
  readonly pickedScore: number | null;
  readonly met: boolean | null;
  readonly deviationAnalysis: string | null; // 偏差原因分析及改进措施
  readonly problem: string | null;
  readonly problemField: 'target' | 'actual' | 'score' | null;
  /** How the 得分 (or the 定性 band) came about, with the figures. */
  readonly explanation: string | null;
}

export interface EvaluationBudget {
  readonly initialBudgetYuan: number | null; // 年初预算数
  readonly annualBudgetYuan: number | null; // 全年预算数
  readonly executedYuan: number | null; // 全年执行数
  readonly executedSource: 'entered' | 'report' | null;
  readonly executedPeriod: string | null;
  readonly projectsExecutedYuan: number | null;
  readonly rate: number | null; // 执行率, percent
  readonly weight: number;
  readonly score: number | null;
  readonly problem: string | null;
  readonly explanation: string | null;
}

export interface EvaluationHeader {
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly projectName: string | null;
  readonly projectCode: string | null;
  readonly projectSeq: number | null;
  readonly competentDepartment: string | null; // 主管部门
  readonly executingUnit: string | null; // 实施单位
}

export interface SelfEvaluation {
  readonly id: string | null;
  readonly scope: 'project' | 'department';
  readonly projectId: string | null;
  readonly year: number;
  readonly status: SelfEvaluationStatus;
  readonly version: number;
  readonly returnReason: string | null;
  readonly submittedAt: string | null;
  readonly reviewedAt: string | null;
  readonly updatedAt: string | null;
  readonly header: EvaluationHeader;
  readonly overallTarget: string; // 年度总体目标 预期目标
  readonly overallResult: string | null; // 实际完成情况
  readonly sections: SectionWeights;
  readonly weightCheck: WeightCheck;
  readonly budget: EvaluationBudget;
  readonly items: readonly EvaluationItem[];
  readonly indicatorScore: number;
  readonly indicatorExplanation: string;
  readonly total: number | null;
  readonly grade: Grade | null;
  readonly totalExplanation: string | null;
  readonly complete: boolean;
  readonly consistency: ConsistencyWarning | null;
}

/** One project line of the department's overview. */
export interface EvaluationSummary {
  readonly projectId: string;
  readonly seq: number;
  readonly code: string | null;
  readonly name: string;
  readonly status: SelfEvaluationStatus;
  readonly version: number;
  readonly annualBudgetYuan: number | null;
  readonly executedYuan: number | null;
  readonly rate: number | null;
  readonly budgetScore: number | null;
  readonly indicatorScore: number;
  readonly total: number | null;
  readonly grade: Grade | null;
  readonly totalExplanation: string | null;
  readonly budgetExplanation: string | null;
  readonly complete: boolean;
  readonly consistency: 'red' | 'green' | null;
  readonly indicators: number;
  readonly met: number;
}

export interface DepartmentEvaluation {
  readonly department: { readonly code: string; readonly name: string };
  readonly year: number;
  readonly overall: SelfEvaluation;
  readonly projects: readonly EvaluationSummary[];
}

/** PUT body: only what changed; null falls back to the default (last report, equal share). */
export interface SelfEvaluationChange {
  version: number;
  items?: {
    indicatorId: string;
    actual?: string | null;
    score?: number | null;
    deviationAnalysis?: string | null;
    weight?: number | null;
  }[];
  overallResult?: string | null;
  executedYuan?: number | null;
  sections?: Partial<SectionWeights>;
}

export interface TargetImportResult {
  readonly projectId: string;
  readonly goalId: string;
  readonly indicators: number;
  readonly created: number;
  readonly updated: number;
  /** Indicators no longer in the sheet, kept with their reports. */
  readonly archived: number;
  readonly restored: number;
}

/** A bad cell of an imported sheet (details.rows of the 400). */
export interface ImportRowError {
  readonly row: number;
  readonly column: string | null;
  readonly message: string;
}
