// The module, not the library's index: this runs before the first page, which needs nothing else of it.
import { type UiLocale, isUiLocale, uiLocaleFor } from '@jixiao/domain/i18n/ui-locale';

/** localStorage key: the last interface language chosen in this browser, kept across sign-outs. */
export const LOCALE_STORAGE_KEY = 'jixiao.locale';

/** The language this browser last chose, if any. */
export function storedLocale(): UiLocale | null {
  try {
    const value = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isUiLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLocale(locale: UiLocale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage unavailable (disabled by policy): the account's language still follows the user.
  }
}

/**
 * The language the app starts in (docs/domain.md §9): the one last chosen in this browser (the signed-in
 * user's, once they signed in here), else the browser's preferred languages.
 */
export function initialLocale(): UiLocale {
  const stored = storedLocale();
  if (stored) {
    return stored;
  }
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return uiLocaleFor(languages.filter((language): language is string => typeof language === 'string'));
}
