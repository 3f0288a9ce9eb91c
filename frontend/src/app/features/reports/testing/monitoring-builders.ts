import { parseTarget } from '@jixiao/domain';

import {
  anIndicator as aGoalIndicator,
  aLatestReport as aGoalLatestReport,
} from '../../../shared/goals/testing/goal-builders';
import { aProjectDetail } from '../../projects/testing/project-builders';
import type {
  GoalNode,
  IndicatorNode,
  LatestReport,
  ProjectMonitoring,
  ReportPeriodState,
  SavedReport,
} from '../monitoring.models';

let sequence = 0;
const nextId = (): string => {
  sequence += 1;
  return `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
};

/** An annual indicator whose structured target is what libs/domain reads from `targetRaw`. */
export function anIndicator(overrides: Partial<IndicatorNode> & { level2?: string } = {}): IndicatorNode {
  const targetRaw = overrides.targetRaw ?? '≥12 次';
  const target = parseTarget(targetRaw, { level1: '产出指标', level2: overrides.level2 ?? '数量指标' });
  return aGoalIndicator({
    id: nextId(),
    seq: 1,
    name: '开展“三会一课”、主题党日活动',
    targetRaw,
    target,
    confidence: target.confidence,
    expectedByNow: null,
    ...overrides,
  });
}

export function aLatestReport(overrides: Partial<LatestReport> = {}): LatestReport {
  return aGoalLatestReport({
    actualRaw: '6次',
    actualValue: 6,
    forecastRaw: null,
    forecastValue: null,
    likelihood: null,
    updatedAt: '2025-07-01T08:00:00.000Z',
    ...overrides,
  });
}

/** A stored report as PUT answers it (and as a 409 carries it in `details.current`). */
export function aReportRow(overrides: Partial<SavedReport> = {}): SavedReport {
  return {
    id: nextId(),
    indicatorId: nextId(),
    period: '2025-06',
    actualRaw: '6次',
    actualValue: 6,
    actualUnit: '次',
    forecastRaw: null,
    forecastValue: null,
    likelihood: null,
    reasons: [],
    reasonText: null,
    correctiveAction: null,
    evidence: null,
    light: 'green',
    lightReason: '进度值 100.0 达到 80（绿灯）',
    lightExplanation: '进度值 = 6 ÷ (12 × 6/12) × 100 = 100.0；80 ≤ 100.0 < 120 → 绿灯',
    progress: 100,
    warnings: [],
    warningsAcknowledged: false,
    version: 1,
    updatedAt: '2025-07-01T08:00:00.000Z',
    updatedBy: null,
    status: 'draft',
    explanation: '进度值 = 6 ÷ (12 × 6/12) × 100 = 100.0；80 ≤ 100.0 < 120 → 绿灯',
    ...overrides,
  };
}

export function aPeriodState(overrides: Partial<ReportPeriodState> = {}): ReportPeriodState {
  return {
    period: '2025-06',
    status: null,
    dueDate: '2025-07-10',
    overdue: false,
    submittedAt: null,
    reviewedAt: null,
    returnReason: null,
    version: null,
    ...overrides,
  };
}

/** A project with one annual goal holding the given indicators under 产出指标 › 数量指标. */
export function aProjectMonitoring(
  overrides: Partial<ProjectMonitoring> & { indicators?: IndicatorNode[] } = {},
): ProjectMonitoring {
  const { indicators = [anIndicator()], ...rest } = overrides;
  const annual: GoalNode = {
    id: nextId(),
    term: 'annual',
    seq: 1,
    label: '年度绩效目标 1',
    title: '保障党建工作的正常开展',
    version: 1,
    archived: false,
    indicators: [
      { id: nextId(), name: '产出指标', children: [{ id: nextId(), name: '数量指标', indicators }] },
    ],
  };
  const longTerm: GoalNode = {
    id: nextId(),
    term: 'long',
    seq: 1,
    label: '长期绩效目标 1',
    title: '',
    version: 1,
    archived: false,
    indicators: [
      {
        id: nextId(),
        name: '产出指标',
        children: [
          {
            id: nextId(),
            name: '数量指标',
            indicators: [anIndicator({ name: '长期指标', monitored: false })],
          },
        ],
      },
    ],
  };
  return aProjectDetail({
    id: '11111111-1111-4111-8111-111111111111',
    leads: [],
    goals: [longTerm, annual],
    reportPeriods: [aPeriodState()],
    ...rest,
  });
}
