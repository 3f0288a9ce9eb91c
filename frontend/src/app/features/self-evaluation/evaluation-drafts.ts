import {
  DEFAULT_UI_LOCALE,
  type EvaluatedSheet,
  type UiLocale,
  composeIn,
  evaluateSheet,
} from '@jixiao/domain';

import type { EvaluationItem, SelfEvaluation } from './self-evaluation.models';

/** What the user has typed into one indicator row (or what is stored, before any typing). */
export interface ItemDraft {
  readonly actual: string;
  readonly weight: number | null;
  readonly score: number | null; // the 定性 pick
  readonly deviation: string;
}

/** The stored state of a row, as the first draft. */
export function draftOf(item: EvaluationItem): ItemDraft {
  return {
    actual: item.actual ?? '',
    weight: item.weight,
    score: item.pickedScore,
    deviation: item.deviationAnalysis ?? '',
  };
}

/**
 * The sheet while typing: libs/domain's evaluateSheet — the very function the API builds its sheet with — over
 * the stored evaluation and the drafts, its explanations and problems in the screen's language. No rule lives here.
 */
export function previewSheet(
  evaluation: SelfEvaluation,
  drafts: readonly ItemDraft[],
  executedYuan: number | null,
  locale: UiLocale = DEFAULT_UI_LOCALE,
): EvaluatedSheet {
  return composeIn(locale, () => sheetOf(evaluation, drafts, executedYuan));
}

function sheetOf(
  evaluation: SelfEvaluation,
  drafts: readonly ItemDraft[],
  executedYuan: number | null,
): EvaluatedSheet {
  return evaluateSheet({
    scope: evaluation.scope,
    sections: evaluation.sections,
    annualBudgetYuan: evaluation.budget.annualBudgetYuan,
    executedYuan,
    indicators: evaluation.items.map((item, index) => {
      const draft = drafts[index] ?? draftOf(item);
      return {
        level1: item.level1,
        level2: item.level2,
        name: item.name,
        target: item.target,
        weight: draft.weight ?? item.weight,
        actual: draft.actual,
        pickedScore: draft.score,
      };
    }),
  });
}
