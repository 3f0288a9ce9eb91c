import { Pipe, type PipeTransform, inject } from '@angular/core';
import { DEFAULT_UI_LOCALE, type Light, type UiLocale, budgetStatus, composeIn } from '@jixiao/domain';

import { ACTIVE_LOCALE } from '../../core/i18n/provide-locale';

/** A budget light as the API sends it: the figures it was judged on and its sentences. */
export interface BudgetLightView {
  /** 当年预算; a month's execution leaves it to the caller. */
  readonly budgetYuan?: number;
  readonly executedYuan: number | null;
  readonly pace: number;
  readonly light: Light;
  readonly lightReason: string;
  readonly explanation: string;
}

/**
 * A budget light with libs/domain's sentences in the screen's language (docs/domain.md §12): budgetStatus run
 * again in the browser on the figures the API sent (the month is the one of its time pace, m ÷ 12), its
 * sentences used only when it reaches the API's light and pace.
 */
export function localizeBudget<B extends BudgetLightView>(
  budget: B,
  locale: UiLocale,
  budgetYuan = budget.budgetYuan,
): B {
  if (locale === DEFAULT_UI_LOCALE || budgetYuan === undefined) return budget;
  const month = Math.round((budget.pace * 12) / 100);
  if (month < 1 || month > 12) return budget;
  const again = composeIn(locale, () =>
    budgetStatus({ month, budget: Math.max(budgetYuan, 0), executed: budget.executedYuan }),
  );
  return again.light === budget.light && again.pace === budget.pace
    ? { ...budget, lightReason: again.reason, explanation: again.explanation }
    : budget;
}

@Pipe({ name: 'budgetInLocale' })
export class BudgetInLocalePipe implements PipeTransform {
  private readonly locale = inject(ACTIVE_LOCALE);

  /** `budgetYuan`: 当年预算, for a month's execution that does not carry it. */
  transform<B extends BudgetLightView>(budget: B, budgetYuan?: number): B {
    return localizeBudget(budget, this.locale, budgetYuan ?? budget.budgetYuan);
  }
}
