/** Injection token of the validated auth settings. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
