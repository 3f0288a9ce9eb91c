import type { Likelihood } from '../actual/actual.types';
import { ZH_CN_MESSAGES as MSG } from '../messages/zh-cn.messages';
import { round2 } from '../shared/number.util';
import { budgetStatus } from './budget-status';
import { DEVIATION_REASONS, type DeviationReason, LIKELIHOODS } from './report-values';
import { monthOf } from './reporting-calendar';
import type { ProjectionMethod } from './year-end-projection';

/**
 * The official monitoring form (项目支出绩效目标执行监控表, 1–X月; docs/domain.md "The official monitoring form"):
 * what goes in each column, computed once here so that the xlsx, the docx and a round's snapshot agree. The
 * writers only lay it out.
 */

export const TICKED = '☑';
export const UNTICKED = '☐';

/** The latest report ≤ the form's month of one indicator, as entered. */
export interface FormReportInput {
  period: string; // YYYY-MM
  actualRaw: string;
  forecastRaw: string | null;
  likelihood: string | null;
  reasons: readonly string[];
  reasonText: string | null;
  correctiveAction: string | null;
}

/** The year-end projection of an indicator as of the form's month (docs/domain.md §10), written in its unit. */
export interface FormProjectionInput {
  text: string; // the projected value as the lead would type it (proposedForecast)
  method: ProjectionMethod;
  likelihood: Likelihood;
}

export interface FormIndicatorInput {
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  report: FormReportInput | null;
  projection: FormProjectionInput | null;
}

/** Where a 全年预计 or 完成目标可能性 cell comes from. */
export type FormSource = 'lead' | 'projection';

/** One indicator line of the form. */
export interface FormIndicatorRow {
  level1: string;
  level2: string;
  name: string;
  target: string; // 年度指标值
  actual: string | null; // 1–X月执行情况
  actualPeriod: string | null; // the month that report belongs to (≤ the form's month)
  forecast: string | null; // 全年预计完成情况
  forecastSource: FormSource | null;
  reasons: Record<DeviationReason, boolean>; // 偏差原因分析 ticks
  likelihood: Likelihood | null; // 完成目标可能性
  likelihoodSource: FormSource | null;
  reasonText: string | null; // 原因说明
  correctiveAction: string | null; // 纠偏措施
  remark: string; // 备注: where the figures came from
}

/** A 资金来源 line of the budget (表12), 元; null where the document gives no amount. */
export interface FormFundingSourceInput {
  name: string;
  amountYuan: number | null;
}

export interface FormBudgetInput {
  initialBudgetYuan: number; // 年初预算数 (as published)
  annualBudgetYuan: number; // 全年预算数 (after adjustments)
  executedYuan: number | null; // 1–X月执行数 (the latest ≤ the month), null when none
  executedPeriod: string | null;
  projectedYuan: number | null; // the budget execution projected to December (projectBudgetYearEnd)
  projectionMethod: ProjectionMethod | null;
  sources: readonly FormFundingSourceInput[];
}

export interface FormBudgetLine {
  name: string;
  initialYuan: number | null;
  annualYuan: number | null;
  executedYuan: number | null;
  rate: number | null; // 执行率 %, two decimals
  projectedYuan: number | null; // 全年预计执行数
  balanceYuan: number | null; // 预计结余 = 全年预算数 − 全年预计执行数
}

export interface FormBudget {
  total: FormBudgetLine;
  /** By funding source where the document gives an amount (执行 is reported for the total only). */
  sources: FormBudgetLine[];
  remark: string;
}

const { form: F } = MSG;

/** 1–X月: the span the form covers. */
export const formSpan = (period: string): string => F.span(monthOf(period));

const isLikelihood = (value: string | null): value is Likelihood =>
  (LIKELIHOODS as readonly string[]).includes(value ?? '');

/**
 * One indicator's line: the latest report ≤ the month as entered, its 全年预计 and 完成目标可能性 from the lead's
 * entry, else from the projection (said in 备注), the five reasons ticked as reported.
 */
export function formIndicatorRow(input: FormIndicatorInput, period: string): FormIndicatorRow {
  const { report, projection } = input;
  const forecastSource: FormSource | null = report?.forecastRaw?.trim()
    ? 'lead'
    : projection
      ? 'projection'
      : null;
  const leadLikelihood = isLikelihood(report?.likelihood ?? null);
  const likelihoodSource: FormSource | null = leadLikelihood ? 'lead' : projection ? 'projection' : null;
  const likelihood: Likelihood | null = leadLikelihood
    ? (report?.likelihood as Likelihood)
    : (projection?.likelihood ?? null);
  const remarks: string[] = [];
  if (!report) remarks.push(F.notReported(formSpan(period)));
  else if (report.period !== period) remarks.push(F.earlierReport(monthOf(report.period)));
  if (forecastSource === 'lead') remarks.push(F.forecastByLead);
  if (forecastSource === 'projection')
    remarks.push(F.forecastProjected(MSG.projection.methodNames[(projection as FormProjectionInput).method]));
  if (likelihoodSource === 'projection') remarks.push(F.likelihoodProjected);
  const reported = new Set(report?.reasons ?? []);
  return {
    level1: input.level1,
    level2: input.level2,
    name: input.name,
    target: input.targetRaw,
    actual: report?.actualRaw ?? null,
    actualPeriod: report?.period ?? null,
    forecast:
      forecastSource === 'lead'
        ? (report?.forecastRaw?.trim() as string)
        : forecastSource === 'projection'
          ? (projection as FormProjectionInput).text
          : null,
    forecastSource,
    reasons: Object.fromEntries(DEVIATION_REASONS.map((r) => [r, reported.has(r)])) as Record<
      DeviationReason,
      boolean
    >,
    likelihood,
    likelihoodSource,
    reasonText: report?.reasonText?.trim() || null,
    correctiveAction: report?.correctiveAction?.trim() || null,
    remark: remarks.join('；'),
  };
}

const money = (yuan: number | null): number | null => (yuan === null ? null : round2(yuan));

function budgetLine(
  name: string,
  initialYuan: number | null,
  annualYuan: number | null,
  executedYuan: number | null,
  projectedYuan: number | null,
  month: number,
): FormBudgetLine {
  const rate =
    annualYuan !== null && annualYuan > 0 && executedYuan !== null
      ? budgetStatus({ month, budget: annualYuan, executed: executedYuan }).rate
      : null;
  return {
    name,
    initialYuan: money(initialYuan),
    annualYuan: money(annualYuan),
    executedYuan: money(executedYuan),
    rate,
    projectedYuan: money(projectedYuan),
    balanceYuan: annualYuan !== null && projectedYuan !== null ? round2(annualYuan - projectedYuan) : null,
  };
}

/** A 资金来源 line is a real source, not the table's 合计 nor a "其中" breakdown of the line above. */
const isSource = (source: FormFundingSourceInput): boolean =>
  source.amountYuan !== null && source.name.trim() !== '合计' && !/^其中/.test(source.name.trim());

/**
 * The budget block: 年初预算数, 全年预算数, 1–X月执行数, 执行率 (budgetStatus), 全年预计执行数 (the budget
 * projection, docs/domain.md §10), 预计结余 = 全年预算数 − 全年预计执行数; by funding source where the document
 * gives amounts — a source's 全年预算数 is known only while the budget was not adjusted, its 执行数 never.
 */
export function formBudget(input: FormBudgetInput, period: string): FormBudget {
  const month = monthOf(period);
  const adjusted = round2(input.initialBudgetYuan) !== round2(input.annualBudgetYuan);
  const total = budgetLine(
    F.totalLine,
    input.initialBudgetYuan,
    input.annualBudgetYuan,
    input.executedYuan,
    input.projectedYuan,
    month,
  );
  const sources = input.sources
    .filter(isSource)
    .map((source) =>
      budgetLine(
        source.name.trim(),
        source.amountYuan,
        adjusted ? null : source.amountYuan,
        null,
        null,
        month,
      ),
    );
  const remarks: string[] = [];
  if (input.executedYuan === null) remarks.push(F.budgetNotReported(formSpan(period)));
  else if (input.executedPeriod !== null && input.executedPeriod !== period)
    remarks.push(F.earlierReport(monthOf(input.executedPeriod)));
  if (input.projectionMethod !== null)
    remarks.push(F.budgetProjected(MSG.projection.methodNames[input.projectionMethod]));
  if (sources.length) remarks.push(F.sourcesTotalOnly);
  return { total, sources, remark: remarks.join('；') };
}

/** The sum of several budgets (the department-wide sheet: the department's money is its projects'). */
export function sumFormBudgets(budgets: readonly FormBudget[], period: string): FormBudget {
  const sum = (pick: (line: FormBudgetLine) => number | null): number | null => {
    const values = budgets.map((b) => pick(b.total)).filter((v): v is number => v !== null);
    return values.length ? round2(values.reduce((a, b) => a + b, 0)) : null;
  };
  const annual = sum((l) => l.annualYuan);
  const projected = sum((l) => l.projectedYuan);
  return {
    total: budgetLine(
      F.projectsTotalLine,
      sum((l) => l.initialYuan),
      annual,
      sum((l) => l.executedYuan),
      // A partial sum of projections would understate the year: only when every project has one.
      budgets.every((b) => b.total.projectedYuan !== null) ? projected : null,
      monthOf(period),
    ),
    sources: [],
    remark: F.projectsTotal(budgets.length),
  };
}

/** 偏差原因 ticks as printed: ☑经费保障 ☐制度保障 … */
export const reasonTicks = (row: Pick<FormIndicatorRow, 'reasons'>): string =>
  DEVIATION_REASONS.map((r) => `${row.reasons[r] ? TICKED : UNTICKED}${r}`).join(' ');

/** 完成目标可能性 ticks as printed: ☐确定能 ☑有可能 ☐完全不可能 */
export const likelihoodTicks = (likelihood: Likelihood | null): string =>
  LIKELIHOODS.map((l) => `${l === likelihood ? TICKED : UNTICKED}${l}`).join(' ');

/** A tick mark for one box. */
export const tick = (ticked: boolean): string => (ticked ? TICKED : UNTICKED);
