// Which message table the library composes its sentences in (docs/domain.md §12). Chinese unless a caller asks
// for another: the server, exports and official forms stay Chinese; an English screen recomputes in English.
import { DEFAULT_UI_LOCALE, type UiLocale } from '../i18n/ui-locale';
import { EN_US_MESSAGES } from './en-us.messages';
import { type DomainMessages, ZH_CN_MESSAGES } from './zh-cn.messages';

export const DOMAIN_MESSAGES: Readonly<Record<UiLocale, DomainMessages>> = {
  'zh-CN': ZH_CN_MESSAGES,
  'en-US': EN_US_MESSAGES,
};

let active: DomainMessages = DOMAIN_MESSAGES[DEFAULT_UI_LOCALE];

/** The table the library is composing in right now (Chinese outside composeIn). */
export function messages(): DomainMessages {
  return active;
}

/**
 * Runs any composing function of the library (indicatorStatus, budgetStatus, yearEndProjection, reportWarnings,
 * evaluateSheet, parseTarget …) with its sentences, notes and error messages in the given locale or table, e.g.
 * `composeIn('en-US', () => indicatorStatus(target, report, asOf))`. The library is synchronous, so the table is
 * in force exactly for the call; the previous one is restored even when the call throws.
 */
export function composeIn<T>(locale: UiLocale | DomainMessages, compose: () => T): T {
  const previous = active;
  active = typeof locale === 'string' ? DOMAIN_MESSAGES[locale] : locale;
  try {
    return compose();
  } finally {
    active = previous;
  }
}
