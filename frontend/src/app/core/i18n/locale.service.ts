import { Injectable, InjectionToken, inject } from '@angular/core';
// The module, not the library's index: the login page needs nothing else of it.
import { UI_LOCALES, type UiLocale } from '@jixiao/domain/i18n/ui-locale';
import { type Observable, catchError, map, of } from 'rxjs';

import { AuthService } from '../auth/auth.service';
import { rememberLocale } from './locale-preference';
import { ACTIVE_LOCALE } from './provide-locale';

/** Loads a URL afresh (the whole app restarts in the language now remembered); replaced in tests. */
export const LOAD_PAGE = new InjectionToken<(url: string) => void>('LOAD_PAGE', {
  providedIn: 'root',
  factory: () => (url: string) => window.location.assign(url),
});

/**
 * The interface language (docs/domain.md §9): the signed-in user's, kept on their account, or before sign-in
 * the one this browser chose last. The app runs in one language per page load; a switch reloads it.
 */
@Injectable({ providedIn: 'root' })
export class LocaleService {
  private readonly auth = inject(AuthService);
  private readonly loadPage = inject(LOAD_PAGE);

  readonly active = inject(ACTIVE_LOCALE);
  /** The language the switch offers: the other one. */
  readonly other: UiLocale = UI_LOCALES.find((locale) => locale !== this.active) ?? this.active;

  /**
   * Remembers the language in this browser and, when signed in, on the account, then reloads the current page
   * in it. A failed save still switches this browser.
   */
  switchTo(locale: UiLocale): Observable<void> {
    const saved = this.auth.isLoggedIn()
      ? this.auth.saveLocale(locale).pipe(catchError(() => of(undefined)))
      : of(undefined);
    return saved.pipe(
      map(() => {
        rememberLocale(locale);
        this.loadPage(currentUrl());
      }),
    );
  }

  /**
   * After sign-in the account's language wins over this browser's: when they differ, it is remembered and the
   * app loads `url` in it (true); otherwise nothing happens (false).
   */
  adoptAccountLocale(locale: UiLocale | null | undefined, url: string): boolean {
    if (!locale || locale === this.active) {
      return false;
    }
    rememberLocale(locale);
    this.loadPage(url);
    return true;
  }
}

function currentUrl(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}
