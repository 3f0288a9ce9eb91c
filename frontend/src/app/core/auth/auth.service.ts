import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { UiLocale } from '@jixiao/domain';
import { type Observable, catchError, finalize, map, of, shareReplay, switchMap, throwError } from 'rxjs';

import { SILENT_API_ERRORS } from '../../shared/http/api-error';
import { RECOVER_EXPIRED_SESSION, isTokenExpired } from './auth-http';
import type { SessionUser, TokenResponse } from './auth.models';

const API = '/api/auth';

/** sessionStorage key: a reload keeps the session, closing the browser ends it. */
export const SESSION_STORAGE_KEY = 'jixiao.session';

interface StoredSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: SessionUser;
}

/** Thrown by `refresh()` when there is no session to refresh, or it ended while the refresh was in flight. */
export class NoSessionError extends Error {
  constructor() {
    super('No session to refresh');
    this.name = 'NoSessionError';
  }
}

/**
 * The signed-in user and the tokens of their session. Errors of login, refresh and logout are the caller's to
 * show (the login page shows them inline; the auth interceptor turns an ended session into a redirect), so
 * these requests never raise the global error notification.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);

  private readonly session = signal<StoredSession | null>(readStoredSession());
  /** The one refresh in flight, shared by every request that needs it. */
  private refreshInFlight: Observable<string> | null = null;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);
  /** The signed-in user must replace a password an admin chose before using anything else. */
  readonly mustChangePassword = computed(() => this.session()?.user.mustChangePassword === true);

  accessToken(): string | null {
    return this.session()?.accessToken ?? null;
  }

  login(username: string, password: string): Observable<SessionUser> {
    return this.http
      .post<TokenResponse>(`${API}/login`, { username, password }, { context: silent() })
      .pipe(map((response) => this.store(response)));
  }

  /**
   * Changes the signed-in user's password. The server ends the user's other sessions and keeps this one;
   * errors (wrong current password, policy) are the caller's to show next to the fields.
   */
  changePassword(currentPassword: string, newPassword: string): Observable<void> {
    return this.http
      .post<void>(`${API}/password`, { currentPassword, newPassword }, { context: silent() })
      .pipe(map(() => this.setMustChangePassword(false)));
  }

  /**
   * Keeps the signed-in user's interface language on their account (docs/domain.md §9). The caller decides what
   * a failure means (the switch still applies in this browser), so it raises no notification.
   */
  saveLocale(locale: UiLocale): Observable<void> {
    return this.http.put<unknown>(`${API}/me/locale`, { locale }, { context: silent() }).pipe(
      map(() => {
        const session = this.session();
        if (session) {
          this.keep({ ...session, user: { ...session.user, locale } });
        }
      }),
    );
  }

  /** The server said the password must be changed first (403 PASSWORD_CHANGE_REQUIRED). */
  requirePasswordChange(): void {
    this.setMustChangePassword(true);
  }

  /**
   * Exchanges the refresh token for new tokens and emits the new access token. Concurrent callers share one
   * request: the refresh token rotates, so a second request with the same token would fail.
   */
  refresh(): Observable<string> {
    if (this.refreshInFlight) {
      return this.refreshInFlight;
    }
    const refreshToken = this.session()?.refreshToken;
    if (!refreshToken) {
      return throwError(() => new NoSessionError());
    }
    this.refreshInFlight = this.http
      .post<TokenResponse>(`${API}/refresh`, { refreshToken }, { context: silent() })
      .pipe(
        map((response) => {
          // A logout while the refresh was in flight wins: do not bring the session back.
          if (this.session()?.refreshToken !== refreshToken) {
            throw new NoSessionError();
          }
          this.store(response);
          return response.accessToken;
        }),
        finalize(() => (this.refreshInFlight = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.refreshInFlight;
  }

  /**
   * Ends the session on the server, then locally. An expired access token is refreshed first so the server
   * session really ends; any failure still ends the local session, which is what the user asked for.
   */
  logout(): Observable<void> {
    if (!this.session()) {
      return of(undefined);
    }
    const post = (): Observable<void> =>
      this.http.post<void>(`${API}/logout`, null, {
        context: silent().set(RECOVER_EXPIRED_SESSION, false),
      });
    return post().pipe(
      catchError((error: unknown) =>
        isTokenExpired(error) ? this.refresh().pipe(switchMap(() => post())) : throwError(() => error),
      ),
      catchError(() => of(undefined)),
      // Cleared before the caller hears of completion, so it can navigate straight to the login page.
      map(() => this.clearSession()),
    );
  }

  /** Forgets the session in this browser tab only (the server side has already ended or will time out). */
  clearSession(): void {
    this.session.set(null);
    this.refreshInFlight = null;
    try {
      sessionStorage.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // Storage unavailable: nothing was kept there.
    }
  }

  private setMustChangePassword(mustChangePassword: boolean): void {
    const session = this.session();
    if (session && session.user.mustChangePassword !== mustChangePassword) {
      this.keep({ ...session, user: { ...session.user, mustChangePassword } });
    }
  }

  private store(response: TokenResponse): SessionUser {
    this.keep({
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      user: response.user,
    });
    return response.user;
  }

  private keep(session: StoredSession): void {
    this.session.set(session);
    try {
      sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Storage unavailable (e.g. disabled by policy): the session lasts until the page is reloaded.
    }
  }
}

function silent(): HttpContext {
  return new HttpContext().set(SILENT_API_ERRORS, true);
}

/** The session kept by an earlier page load of this tab, if it is well-formed. */
function readStoredSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_STORAGE_KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    return isStoredSession(value) ? value : null;
  } catch {
    return null;
  }
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof StoredSession, unknown>>;
  const user = candidate.user as Partial<Record<keyof SessionUser, unknown>> | null | undefined;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.refreshToken === 'string' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.displayName === 'string' &&
    typeof user.role === 'string'
  );
}
