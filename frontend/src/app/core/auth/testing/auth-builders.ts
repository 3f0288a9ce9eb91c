import type { SessionUser, TokenResponse } from '../auth.models';
import { SESSION_STORAGE_KEY } from '../auth.service';

let sequence = 0;

export function aSessionUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    departmentId: null,
    mustChangePassword: false,
    locale: null,
    ...overrides,
  };
}

/** A login or refresh answer; every call has new tokens, as the API's do. */
export function aTokenResponse(overrides: Partial<TokenResponse> = {}): TokenResponse {
  sequence += 1;
  return {
    accessToken: `access-${sequence}`,
    refreshToken: `refresh-${sequence}`,
    expiresIn: 900,
    user: aSessionUser(),
    ...overrides,
  };
}

/** Stores a session as an earlier login in this tab would have; call before AuthService is created. */
export function givenStoredSession(tokens: TokenResponse = aTokenResponse()): TokenResponse {
  sessionStorage.setItem(
    SESSION_STORAGE_KEY,
    JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user }),
  );
  return tokens;
}
