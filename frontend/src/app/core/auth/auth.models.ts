import type { components } from '../api/api-types';

/** The signed-in user as the API describes it at login and refresh. */
export type SessionUser = components['schemas']['SessionUser'];

/** 角色: what a user may do. */
export type UserRole = SessionUser['role'];

/** Answer of POST /api/auth/login and /api/auth/refresh. */
export type TokenResponse = components['schemas']['TokenResponse'];
