import { Inject, Injectable } from '@nestjs/common';
import type { AuthConfig } from '../../config/auth.config';
import { AUTH_CONFIG } from './auth.tokens';

/** Addresses remembered at most; beyond it the stalest are forgotten, so a flood cannot exhaust memory. */
const MAX_ADDRESSES = 10_000;

/**
 * Failed logins per client address across all usernames (the throttler keys on address and username, so
 * guessing with many usernames slips past it). In memory, per process, like the throttler.
 */
@Injectable()
export class LoginAddressLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {}

  isBlocked(address: string, now = Date.now()): boolean {
    return this.recent(address, now).length >= this.config.loginAddressFailureLimit;
  }

  recordFailure(address: string, now = Date.now()): void {
    const recent = this.recent(address, now);
    recent.push(now);
    // Re-inserted last: the Map's first key is then the address that failed longest ago.
    this.failures.delete(address);
    this.failures.set(address, recent);
    if (this.failures.size > MAX_ADDRESSES) this.failures.delete(this.failures.keys().next().value as string);
  }

  private recent(address: string, now: number): number[] {
    const since = now - this.config.loginAddressWindowSeconds * 1000;
    return (this.failures.get(address) ?? []).filter((at) => at > since);
  }
}
