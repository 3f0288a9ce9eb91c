/**
 * The languages of the user interface (docs/domain.md §9). Chinese is the default and stays the language of
 * exports, official forms and the server's messages; English is for reading the screens.
 */
export const UI_LOCALES = ['zh-CN', 'en-US'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
export const DEFAULT_UI_LOCALE: UiLocale = 'zh-CN';

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

/**
 * The interface language for a browser's preferred languages, best first: the first one that is Chinese or
 * English decides; none of them → Chinese.
 */
export function uiLocaleFor(languages: readonly string[]): UiLocale {
  for (const language of languages) {
    const primary = language.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en-US';
  }
  return DEFAULT_UI_LOCALE;
}
