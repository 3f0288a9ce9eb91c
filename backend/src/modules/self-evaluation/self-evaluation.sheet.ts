import {
  adjustmentNote,
  evaluateSheet,
  evaluationSourceLabel,
  pickDeviationNote,
  pickFinalActual,
  type EvaluatedSheet,
  type EvaluationSource,
} from '@jixiao/domain';
import type {
  BudgetView,
  CellOrigin,
  EvaluationInputs,
  IndicatorInput,
  ItemView,
  StoredItem,
} from './self-evaluation.types';

export interface ComputedEvaluation extends Omit<EvaluatedSheet, 'items' | 'budget'> {
  items: ItemView[];
  budget: BudgetView;
}

/**
 * The 自评表 of one scope: libs/domain's evaluateSheet over what the tables hold (the evaluator's entries, else
 * the year's latest approved, else submitted report; the admin's 分值, else the target table's 权重, else an equal share), with where each
 * value came from. Pure: the services feed it what the tables hold and what a write changes.
 */
export function computeEvaluation(inputs: EvaluationInputs): ComputedEvaluation {
  const sources = inputs.indicators.map(actualOf);
  const executed = executedOf(inputs);
  const sheet = evaluateSheet({
    scope: inputs.scope,
    sections: inputs.sections,
    profile: inputs.profile,
    annualBudgetYuan: inputs.budget.annualBudgetYuan,
    executedYuan: executed.executedYuan,
    indicators: inputs.indicators.map((indicator, index) => ({
      level1: indicator.level1,
      level2: indicator.level2,
      name: indicator.name,
      target: indicator.target,
      weight: indicator.item?.weightOverride ?? indicator.indicatorWeight ?? undefined,
      actual: sources[index].actual,
      pickedScore: indicator.item?.pickedScore ?? null,
    })),
  });
  const items = inputs.indicators.map((indicator, index): ItemView => {
    const item = sheet.items[index];
    const { indicatorWeight, reports: _reports, adjustments, item: stored, ...identity } = indicator;
    return {
      ...identity,
      section: item.section,
      ...sources[index],
      weight: item.weight,
      weightSource:
        stored?.weightOverride != null ? 'evaluation' : indicatorWeight !== null ? 'indicator' : 'default',
      score: item.score,
      band: item.band,
      judgement: item.judgement,
      // A computed score leaves no pick to keep.
      pickedScore: item.score !== null && !item.band ? null : (stored?.pickedScore ?? null),
      met: item.met,
      ...deviationOf(indicator),
      targetNote: adjustmentNote(adjustments),
      problem: item.problem,
      problemField: item.problemField,
      explanation: item.explanation,
    };
  });
  return {
    ...sheet,
    items,
    budget: {
      initialBudgetYuan: inputs.budget.initialBudgetYuan,
      annualBudgetYuan: inputs.budget.annualBudgetYuan,
      ...executed,
      projectsExecutedYuan: inputs.budget.projectsExecutedYuan,
      ...sheet.budget,
    },
  };
}

const originOf = (source: EvaluationSource): CellOrigin => ({
  ...source,
  label: evaluationSourceLabel(source),
});
const ENTERED: CellOrigin = originOf({ kind: 'entered', period: null });

/**
 * 实际完成值: the evaluator's entry (or the value frozen at submission), else the latest approved report, else the
 * latest submitted one (libs/domain pickFinalActual); never a draft.
 */
function actualOf(
  indicator: IndicatorInput,
): Pick<ItemView, 'actual' | 'actualSource' | 'actualPeriod' | 'actualOrigin'> {
  const entered = indicator.item?.actualRaw ?? null;
  if (entered !== null) {
    const frozen = indicator.item?.actualFromPeriod ?? null;
    // A frozen value keeps its period; its kind is the period's status now, submitted when no longer readable.
    const status = indicator.reports.find((report) => report.period === frozen)?.status;
    return {
      actual: entered,
      actualSource: frozen ? 'report' : 'entered',
      actualPeriod: frozen,
      actualOrigin: frozen
        ? originOf({ kind: status === 'approved' ? 'approved' : 'submitted', period: frozen })
        : ENTERED,
    };
  }
  const report = pickFinalActual(indicator.reports);
  return report
    ? {
        actual: report.actualRaw,
        actualSource: 'report',
        actualPeriod: report.period,
        actualOrigin: originOf({ kind: report.status, period: report.period }),
      }
    : { actual: null, actualSource: null, actualPeriod: null, actualOrigin: null };
}

/** 偏差原因分析及改进措施: the evaluator's text once saved, else the reasons and corrective actions the reports gave. */
function deviationOf(indicator: IndicatorInput): Pick<ItemView, 'deviationAnalysis' | 'deviationOrigin'> {
  const stored = indicator.item?.deviationAnalysis ?? null;
  if (stored !== null) return { deviationAnalysis: stored, deviationOrigin: ENTERED };
  const note = pickDeviationNote(indicator.reports);
  return note
    ? { deviationAnalysis: note.text, deviationOrigin: originOf(note.source) }
    : { deviationAnalysis: null, deviationOrigin: null };
}

/**
 * 全年执行数: stored (entered, or frozen at submission), else the year's latest approved, else submitted budget
 * execution (the repository never reads a draft month); with where it came from.
 */
function executedOf(
  inputs: EvaluationInputs,
): Pick<BudgetView, 'executedYuan' | 'executedSource' | 'executedPeriod' | 'executedOrigin'> {
  const { budget } = inputs;
  const executedYuan = budget.executedYuan ?? budget.report?.executedYuan ?? null;
  const period = budget.executedYuan === null ? (budget.report?.period ?? null) : budget.executedFromPeriod;
  if (executedYuan === null) {
    return { executedYuan, executedSource: null, executedPeriod: null, executedOrigin: null };
  }
  // A frozen value keeps its period; it reads as approved only while that month still is.
  const kind = period && budget.report?.period === period ? budget.report.status : 'submitted';
  return {
    executedYuan,
    executedSource: period ? 'report' : 'entered',
    executedPeriod: period,
    executedOrigin: period ? originOf({ kind, period }) : ENTERED,
  };
}

/** A stored item with every field present (absent ones fall back to the defaults). */
export function storedOf(item: StoredItem | null | undefined): StoredItem {
  return {
    actualRaw: item?.actualRaw ?? null,
    actualFromPeriod: item?.actualFromPeriod ?? null,
    weightOverride: item?.weightOverride ?? null,
    pickedScore: item?.pickedScore ?? null,
    deviationAnalysis: item?.deviationAnalysis ?? null,
  };
}
