import type { Confidence, Target } from '@jixiao/domain';

import type { Light } from '../lights/light.models';

/** Workflow state of a period's report: 草稿 / 已提交 / 已审核 / 已退回. */
export type ReportStatus = 'draft' | 'submitted' | 'approved' | 'returned';

/** The latest monitoring report of an indicator up to the month (截至月份). */
export interface LatestReport {
  /** YYYY-MM */
  readonly period: string;
  /** 截至本期完成值, as typed. */
  readonly actualRaw: string;
  /** In the target's base unit; null for qualitative indicators. */
  readonly actualValue: number | null;
  /** 全年预计完成值, as typed. */
  readonly forecastRaw: string | null;
  readonly forecastValue: number | null;
  /** 完成目标可能性: 确定能 / 有可能 / 完全不可能. */
  readonly likelihood: string | null;
  readonly light: Light | null;
  readonly lightReason: string | null;
  /** The rule with the figures filled in (tooltip of the light). */
  readonly explanation?: string | null;
  readonly status: ReportStatus | null;
  readonly version: number;
  /** 偏差原因 */
  readonly reasons: readonly string[];
  readonly reasonText: string | null;
  /** 纠偏措施 */
  readonly correctiveAction: string | null;
  readonly evidence: string | null;
  readonly updatedAt: string;
}

/** One month of an indicator's year: its value and light (grey when not reported). */
export interface HistoryPoint {
  readonly period: string;
  readonly actualRaw: string | null;
  readonly actualValue: number | null;
  readonly light: Light;
}

/** A 三级指标 with its target, its latest report and its light as of the month. */
export interface IndicatorNode {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  /** 指标值 as published. */
  readonly targetRaw: string;
  /** 指标值 as understood (libs/domain parseTarget, or an admin's correction). */
  readonly target: Target | null;
  readonly confidence: Confidence | null;
  /** 计量单位 of the source table. */
  readonly unit: string | null;
  /** 指标值确定依据 */
  readonly basis: string | null;
  /** 前年 */
  readonly prev2: string | null;
  /** 上年 */
  readonly prev1: string | null;
  /** 预计当年实现 */
  readonly expected: string | null;
  readonly weight: number | null;
  readonly version: number;
  /** Annual indicators are monitored; long-term ones are not and have no light. */
  readonly monitored: boolean;
  readonly expectedByNow: number | null;
  readonly latestReport: LatestReport | null;
  readonly light: Light | null;
  readonly lightReason: string;
  /** The rule with the figures filled in (tooltip of the light). */
  readonly explanation?: string | null;
  readonly history: readonly HistoryPoint[];
}

/** 二级指标 */
export interface Level2Node {
  readonly id: string;
  readonly name: string;
  readonly indicators: readonly IndicatorNode[];
}

/** 一级指标 */
export interface Level1Node {
  readonly id: string;
  readonly name: string;
  readonly children: readonly Level2Node[];
}

/** 长期 / 年度绩效目标 */
export type GoalTerm = 'long' | 'annual';

/** A goal with its indicator tree 一级 › 二级 › 三级. */
export interface Goal {
  readonly id: string;
  readonly term: GoalTerm;
  readonly seq: number;
  /** e.g. 年度绩效目标 1 */
  readonly label: string;
  /** 目标内容 */
  readonly title: string;
  readonly indicators: readonly Level1Node[];
}

/** The DOM id of an indicator's row, the fragment that links to it. */
export const indicatorAnchor = (indicatorId: string): string => `indicator-${indicatorId}`;
