import { type Target, parseTarget } from '@jixiao/domain';

import type { DepartmentEvaluation, EvaluationItem, SelfEvaluation } from '../self-evaluation.models';

const rate = (raw: string, level1: string, level2: string): Target => parseTarget(raw, { level1, level2 });

export function anItem(overrides: Partial<EvaluationItem> = {}): EvaluationItem {
  return {
    indicatorId: '00000000-0000-4000-8000-000000000001',
    goalId: 'goal-1',
    goalLabel: '年度目标 1',
    level1: '产出指标',
    level2: '质量指标',
    name: '机房正常运行时长占比',
    targetRaw: '≥ 99.5%',
    target: rate('≥ 99.5%', '产出指标', '质量指标'),
    unit: '%',
    section: 'output',
    actual: null,
    actualSource: null,
    actualPeriod: null,
    actualOrigin: null,
    weight: 50,
    weightSource: 'default',
    score: null,
    band: null,
    judgement: null,
    pickedScore: null,
    met: null,
    deviationAnalysis: null,
    deviationOrigin: null,
    problem: '尚未填写实际完成值',
    problemField: 'actual',
    explanation: null,
    ...overrides,
  };
}

/** A project's evaluation: 产出 50 (rate), 效益 30 (定性 保障), 满意度 10 (rate); budget 500 000 元. */
export function anEvaluation(overrides: Partial<SelfEvaluation> = {}): SelfEvaluation {
  return {
    id: 'evaluation-1',
    scope: 'project',
    projectId: 'project-1',
    fiscalYearId: 'fiscal-year-2025',
    goals: [],
    year: 2025,
    status: 'draft',
    version: 3,
    returnReason: null,
    submittedAt: null,
    reviewedAt: null,
    updatedAt: null,
    header: {
      departmentCode: '031',
      departmentName: '武汉市东西湖区人力资源和社会保障局',
      projectName: '信息化建设',
      projectCode: '42011225031Y000000100',
      projectSeq: 1,
      competentDepartment: '区人社局',
      executingUnit: '区人社局',
    },
    overallTarget: '保障机房软硬件设施安全稳定运行',
    overallResult: null,
    sections: { budget: 10, output: 50, benefit: 30, satisfaction: 10 },
    weightCheck: { valid: true, total: 100, problems: [] },
    budget: {
      initialBudgetYuan: 500_000,
      annualBudgetYuan: 500_000,
      executedYuan: null,
      executedSource: null,
      executedPeriod: null,
      projectsExecutedYuan: null,
      rate: null,
      weight: 10,
      score: null,
      problem: '尚无全年执行数',
      explanation: null,
    },
    items: [
      anItem({ targetRaw: '100%', target: rate('100%', '产出指标', '质量指标') }),
      anItem({
        indicatorId: '00000000-0000-4000-8000-000000000002',
        level1: '效益指标',
        level2: '社会效益指标',
        name: '保障业务正常开展',
        targetRaw: '保障',
        target: rate('保障', '效益指标', '社会效益指标'),
        section: 'benefit',
        weight: 30,
      }),
      anItem({
        indicatorId: '00000000-0000-4000-8000-000000000003',
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '员工满意度',
        targetRaw: '≥90%',
        target: rate('≥90%', '满意度指标', '服务对象满意度指标'),
        section: 'satisfaction',
        weight: 10,
      }),
    ],
    indicatorScore: 0,
    indicatorExplanation: '指标得分 = 0 = 0',
    total: null,
    grade: null,
    totalExplanation: null,
    complete: false,
    consistency: null,
    ...overrides,
  };
}

export function aDepartmentEvaluation(overrides: Partial<DepartmentEvaluation> = {}): DepartmentEvaluation {
  return {
    department: { code: '031', name: '武汉市东西湖区人力资源和社会保障局' },
    year: 2025,
    overall: anEvaluation({ scope: 'department', projectId: null }),
    projects: [
      {
        projectId: 'project-1',
        seq: 1,
        code: '42011225031Y000000100',
        name: '信息化建设',
        status: 'submitted',
        version: 2,
        annualBudgetYuan: 500_000,
        executedYuan: 450_000,
        rate: 90,
        budgetScore: 9,
        indicatorScore: 88,
        total: 97,
        grade: '优',
        totalExplanation: '总分 = 预算执行率得分 9 + 指标得分 88 = 97 → 等级“优”',
        budgetExplanation: '执行率 = 450000 ÷ 500000 × 100% = 90.00%；得分 = 10 × 450000 ÷ 500000 = 9',
        complete: true,
        consistency: 'green',
        indicators: 3,
        met: 3,
      },
    ],
    ...overrides,
  };
}
