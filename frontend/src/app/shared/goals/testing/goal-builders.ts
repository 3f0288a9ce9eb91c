import type { Target } from '@jixiao/domain';

import type { Goal, HistoryPoint, IndicatorNode, LatestReport } from '../goal.models';

let sequence = 0;

const uuid = (n: number): string => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

/** ≥ 12 场 in the year, as libs/domain reads "12 场". */
export function aTarget(overrides: Partial<Target> = {}): Target {
  return {
    raw: '12 场',
    operator: '>=',
    value: 12,
    unit: '场',
    direction: 'higher',
    accumulation: 'cumulative',
    confidence: 'inferred',
    note: '未写比较符，数量指标下按“不低于”理解，按年累计',
    ...overrides,
  };
}

export function aHistoryPoint(overrides: Partial<HistoryPoint> = {}): HistoryPoint {
  return {
    period: '2025-01',
    actualRaw: null,
    actualValue: null,
    light: 'grey',
    explanation: '本期未填报 → 灰灯',
    ...overrides,
  };
}

export function aLatestReport(overrides: Partial<LatestReport> = {}): LatestReport {
  return {
    period: '2025-06',
    actualRaw: '6场',
    actualValue: 6,
    forecastRaw: '12场',
    forecastValue: 12,
    likelihood: '确定能',
    light: 'green',
    lightReason: '进度值 100.0 达到 80（绿灯）',
    explanation: '进度值 = 6 ÷ (12 × 6/12) × 100 = 100.0；80 ≤ 100.0 < 120 → 绿灯',
    status: 'draft',
    version: 1,
    reasons: [],
    reasonText: null,
    correctiveAction: null,
    evidence: null,
    warnings: [],
    warningsAcknowledged: false,
    updatedAt: '2025-07-01T02:00:00.000Z',
    ...overrides,
  };
}

export function anIndicator(overrides: Partial<IndicatorNode> = {}): IndicatorNode {
  sequence += 1;
  return {
    id: uuid(sequence),
    seq: sequence,
    name: `指标${sequence}`,
    targetRaw: '12 场',
    target: aTarget(),
    confidence: 'inferred',
    unit: null,
    basis: '计划标准',
    prev2: '12 场',
    prev1: '12 场',
    expected: null,
    weight: null,
    version: 1,
    archived: false,
    monitored: true,
    expectedByNow: 6,
    latestReport: null,
    previousReport: null,
    change: null,
    light: 'grey',
    lightReason: '本期未填报（已逾期）',
    explanation: '本期未填报 → 灰灯',
    progress: null,
    thresholds: { yellowFrom: 60, greenFrom: 80, blueFrom: 120 },
    projection: null,
    history: [],
    targetHistory: [],
    ...overrides,
  };
}

/** A goal whose tree holds the given indicators under 产出指标 › 数量指标. */
export function aGoal(indicators: IndicatorNode[] = [anIndicator()], overrides: Partial<Goal> = {}): Goal {
  sequence += 1;
  return {
    id: uuid(sequence),
    term: 'annual',
    seq: 1,
    label: '年度绩效目标 1',
    title: '举办招聘会 12 场',
    version: 1,
    archived: false,
    indicators: [
      {
        id: uuid(sequence + 5000),
        name: '产出指标',
        children: [{ id: uuid(sequence + 6000), name: '数量指标', indicators }],
      },
    ],
    ...overrides,
  };
}
