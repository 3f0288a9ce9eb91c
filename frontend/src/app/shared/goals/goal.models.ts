import type { components } from '../../core/api/api-types';

type Schemas = components['schemas'];

/** The latest monitoring report of an indicator up to the month (截至月份). */
export type LatestReport = Schemas['LatestReportResponse'];

/** Workflow state of a period's report: 草稿 / 已提交 / 已审核 / 已退回. */
export type ReportStatus = NonNullable<LatestReport['status']>;

/** One month of an indicator's year: its value and light (grey when not reported). */
export type HistoryPoint = Schemas['HistoryPointResponse'];

/** A 三级指标 with its target, its latest report and its light as of the month. */
export type IndicatorNode = Schemas['IndicatorResponse'];

/** 二级指标 */
export type Level2Node = Schemas['Level2NodeResponse'];

/** 一级指标 */
export type Level1Node = Schemas['Level1NodeResponse'];

/** A goal (长期 / 年度绩效目标) with its indicator tree 一级 › 二级 › 三级. */
export type Goal = Schemas['GoalResponse'];

/** 长期 / 年度绩效目标 */
export type GoalTerm = Goal['term'];

/** The DOM id of an indicator's row, the fragment that links to it. */
export const indicatorAnchor = (indicatorId: string): string => `indicator-${indicatorId}`;
