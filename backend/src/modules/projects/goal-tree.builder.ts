import {
  indicatorStatus,
  type Light,
  periodsUpTo,
  resolveThresholds,
  ZH_CN_MESSAGES,
  DEFAULT_RULE_SETTINGS,
  type RuleSettings,
} from '@jixiao/domain';
import type { AsOf } from '../dashboard/as-of';
import { projectionOf } from '../dashboard/projection';
import {
  GoalResponse,
  HistoryPointResponse,
  PreviousReportResponse,
  IndicatorResponse,
  TargetChangeResponse,
  Level1NodeResponse,
} from './dto/goal-tree.response';
import type { GoalRow, HistoryRow, IndicatorRow } from './projects.repository';

export const NOT_MONITORED_REASON = '长期目标的指标不参与年度监控';

/**
 * Goals with their trees 一级 › 二级 › 三级 in document order. An annual indicator's light as of the month is
 * the one stored with that month's report; without one it is grey (未填报). Long-term indicators have none.
 */
export function buildGoalTrees(
  goals: GoalRow[],
  indicators: IndicatorRow[],
  history: HistoryRow[],
  asOf: AsOf,
  targetHistory: ReadonlyMap<string, TargetChangeResponse[]> = new Map(),
  rules: RuleSettings = DEFAULT_RULE_SETTINGS,
): GoalResponse[] {
  const historyOf = new Map<string, HistoryRow[]>();
  for (const row of history) historyOf.set(row.indicatorId, [...(historyOf.get(row.indicatorId) ?? []), row]);
  const trees = new Map<string, Level1NodeResponse[]>(goals.map((g) => [g.id, []]));
  const terms = new Map(goals.map((g) => [g.id, g.term]));
  for (const row of indicators) {
    const level1s = trees.get(row.goalId);
    if (!level1s) continue;
    let level1 = level1s.find((n) => n.id === row.level1Id);
    if (!level1) level1s.push((level1 = { id: row.level1Id, name: row.level1, children: [] }));
    let level2 = level1.children.find((n) => n.id === row.level2Id);
    if (!level2) level1.children.push((level2 = { id: row.level2Id, name: row.level2, indicators: [] }));
    level2.indicators.push(
      indicatorOf(
        row,
        terms.get(row.goalId) === 'annual',
        historyOf.get(row.id) ?? [],
        asOf,
        targetHistory.get(row.id) ?? [],
        rules,
      ),
    );
  }
  return goals.map((g) => ({
    id: g.id,
    term: g.term,
    seq: g.seq,
    label: g.label,
    title: g.title,
    version: g.version,
    archived: g.archived,
    indicators: trees.get(g.id) ?? [],
  }));
}

function indicatorOf(
  row: IndicatorRow,
  monitored: boolean,
  history: HistoryRow[],
  asOf: AsOf,
  targetHistory: TargetChangeResponse[],
  rules: RuleSettings,
): IndicatorResponse {
  const latestReport =
    row.reportPeriod === null
      ? null
      : {
          period: row.reportPeriod,
          actualRaw: row.actualRaw as string,
          actualValue: row.actualValue,
          forecastRaw: row.forecastRaw,
          forecastValue: row.forecastValue,
          likelihood: row.likelihood,
          light: row.light,
          lightReason: row.lightReason,
          explanation: row.lightExplanation ?? row.lightReason,
          status: row.status,
          version: row.reportVersion as number,
          reasons: row.reasons ?? [],
          reasonText: row.reasonText,
          correctiveAction: row.correctiveAction,
          evidence: row.evidence,
          warnings: row.warnings ?? [],
          warningsAcknowledged: row.warningsAcknowledged ?? false,
          updatedAt: row.updatedAt as Date,
        };
  const status = statusAsOf(row, monitored, asOf, rules);
  const previous = monitored ? previousOf(history, asOf) : null;
  return {
    id: row.id,
    seq: row.seq,
    name: row.name,
    targetRaw: row.targetRaw,
    target: row.target,
    confidence: row.confidence,
    unit: row.unit,
    basis: row.basis,
    prev2: row.prev2,
    prev1: row.prev1,
    expected: row.expected,
    weight: row.weight,
    version: row.version,
    archived: row.archived,
    monitored,
    expectedByNow: status.expected,
    latestReport,
    previousReport: previous,
    change: changeOf(latestReport, previous, asOf),
    light: status.light,
    lightReason: status.reason,
    explanation: status.explanation,
    progress: status.progress,
    thresholds: resolveThresholds(row.thresholds ?? undefined, rules.thresholds),
    targetHistory,
    projection: monitored
      ? projectionOf(
          row.target,
          row.thresholds,
          history.map((h) => ({ period: h.period, value: h.actualValue })),
          row.forecastValue,
          asOf,
          rules,
        )
      : null,
    history: monitored ? monthlyHistory(history, asOf) : history.map(point),
  };
}

interface StatusView {
  light: Light | null;
  reason: string;
  explanation: string;
  progress: number | null;
  expected: number | null;
}

/**
 * The month's light: the one stored with that month's report (re-evaluated whenever the target changes, so never
 * stale), else libs/domain's status without a report (grey, 未填报). Long-term indicators are not monitored.
 */
function statusAsOf(row: IndicatorRow, monitored: boolean, asOf: AsOf, rules: RuleSettings): StatusView {
  if (!monitored)
    return {
      light: null,
      reason: NOT_MONITORED_REASON,
      explanation: NOT_MONITORED_REASON,
      progress: null,
      expected: null,
    };
  const unreported = indicatorStatus(row.target, null, asOf, {
    thresholds: row.thresholds,
    dueDay: asOf.dueDay,
    rules,
  });
  if (row.reportPeriod !== asOf.period || row.light === null) return unreported;
  const reason = row.lightReason ?? '';
  return {
    light: row.light,
    reason,
    explanation: row.lightExplanation ?? reason,
    progress: row.progress,
    expected: unreported.expected,
  };
}

/** The latest report before the month (history is ordered by period). */
function previousOf(rows: HistoryRow[], asOf: AsOf): PreviousReportResponse | null {
  const row = rows.filter((r) => r.period < asOf.period).at(-1);
  return row ? { period: row.period, actualRaw: row.actualRaw, actualValue: row.actualValue } : null;
}

/** This month's actual minus the previous one, when both are numbers (rounded off float noise). */
function changeOf(
  latest: { period: string; actualValue: number | null } | null,
  previous: PreviousReportResponse | null,
  asOf: AsOf,
): number | null {
  if (latest?.period !== asOf.period || latest.actualValue === null) return null;
  if (previous?.actualValue == null) return null;
  return Math.round((latest.actualValue - previous.actualValue) * 1e6) / 1e6;
}

/** One point per month from January to the month; a month without a report is a grey gap. */
function monthlyHistory(rows: HistoryRow[], asOf: AsOf): HistoryPointResponse[] {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return periodsUpTo(asOf.year, asOf.month).map((period) => {
    const row = byPeriod.get(period);
    return row
      ? point(row)
      : {
          period,
          actualRaw: null,
          actualValue: null,
          light: 'grey',
          explanation: ZH_CN_MESSAGES.explain.notReported(period),
        };
  });
}

const point = (row: HistoryRow): HistoryPointResponse => ({
  period: row.period,
  actualRaw: row.actualRaw,
  actualValue: row.actualValue,
  light: row.light,
  explanation: row.lightExplanation ?? row.lightReason ?? '',
});
