/** 角色: what a user may do. */
export type UserRole = 'admin' | 'leader' | 'lead' | 'auditor';

/** The signed-in user as the API describes it at login and refresh. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
  /** The department a leader or lead belongs to; null for admins and auditors. */
  readonly departmentId: string | null;
  /**
   * An admin chose the current password (new account, reset): the user must change it before anything else;
   * until then the API answers other calls with 403 PASSWORD_CHANGE_REQUIRED.
   */
  readonly mustChangePassword?: boolean;
}

/** Answer of POST /api/auth/login and /api/auth/refresh. */
export interface TokenResponse {
  readonly accessToken: string;
  /** Single use: each refresh answers with a new one and the old one stops working. */
  readonly refreshToken: string;
  /** Lifetime of the access token in seconds. */
  readonly expiresIn: number;
  readonly user: SessionUser;
}
