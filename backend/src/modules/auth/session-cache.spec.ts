import type { Actor } from '../../common/context/request-context';
import { SessionCache } from './session-cache';

const actor = (n: number, userId = `user-${n}`): Actor => ({
  id: userId,
  username: `u${n}`,
  role: 'auditor',
  departmentId: null,
  sessionId: `session-${n}`,
  mustChangePassword: false,
});

function enabledCache(maxAgeMs = 30_000, maxEntries = 100): SessionCache {
  const cache = new SessionCache(maxAgeMs, maxEntries);
  cache.setEnabled(true);
  return cache;
}

describe('SessionCache', () => {
  afterEach(() => jest.useRealTimers());

  it('should answer a filled session only for its own user', () => {
    const cache = enabledCache();
    cache.fill(cache.begin(), actor(1), 600);
    expect(cache.get('session-1', 'user-1')).toEqual(actor(1));
    expect(cache.get('session-1', 'user-2')).toBeUndefined();
  });

  it('should drop a fill when anything was invalidated since the check began (its read may predate the change)', () => {
    const cache = enabledCache();
    const check = cache.begin();
    cache.invalidateSession('session-9');
    cache.fill(check, actor(1), 600);
    expect(cache.get('session-1', 'user-1')).toBeUndefined();
    const next = cache.begin();
    cache.fill(next, actor(1), 600);
    expect(cache.get('session-1', 'user-1')).toEqual(actor(1));
  });

  it('should forget a session, all sessions of a user, or everything', () => {
    const cache = enabledCache();
    cache.fill(cache.begin(), actor(1, 'a'), 600);
    cache.fill(cache.begin(), actor(2, 'a'), 600);
    cache.fill(cache.begin(), actor(3, 'b'), 600);
    cache.invalidateSession('session-3');
    expect(cache.get('session-3', 'b')).toBeUndefined();
    expect(cache.get('session-1', 'a')).toBeDefined();
    cache.invalidateUser('a');
    expect(cache.size).toBe(0);
    cache.fill(cache.begin(), actor(4), 600);
    cache.clear();
    expect(cache.get('session-4', 'user-4')).toBeUndefined();
  });

  it('should keep an entry no longer than the max age, nor past the session’s own end', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = enabledCache(30_000);
    cache.fill(cache.begin(), actor(1), 600);
    cache.fill(cache.begin(), actor(2), 5);
    cache.fill(cache.begin(), actor(3), 0);
    expect(cache.get('session-3', 'user-3')).toBeUndefined();
    jest.setSystemTime(1_000_000 + 4_999);
    expect(cache.get('session-2', 'user-2')).toBeDefined();
    jest.setSystemTime(1_000_000 + 5_000);
    expect(cache.get('session-2', 'user-2')).toBeUndefined();
    jest.setSystemTime(1_000_000 + 29_999);
    expect(cache.get('session-1', 'user-1')).toBeDefined();
    jest.setSystemTime(1_000_000 + 30_000);
    expect(cache.get('session-1', 'user-1')).toBeUndefined();
  });

  it('should hold at most maxEntries, forgetting the least recently used first', () => {
    const cache = enabledCache(30_000, 2);
    cache.fill(cache.begin(), actor(1), 600);
    cache.fill(cache.begin(), actor(2), 600);
    expect(cache.get('session-1', 'user-1')).toBeDefined();
    cache.fill(cache.begin(), actor(3), 600);
    expect(cache.size).toBe(2);
    expect(cache.get('session-2', 'user-2')).toBeUndefined();
    expect(cache.get('session-1', 'user-1')).toBeDefined();
    expect(cache.get('session-3', 'user-3')).toBeDefined();
  });

  it('should neither answer nor fill while disabled, start empty when enabled, and never enable at max age 0', () => {
    const cache = enabledCache();
    cache.fill(cache.begin(), actor(1), 600);
    cache.setEnabled(false);
    expect(cache.get('session-1', 'user-1')).toBeUndefined();
    cache.fill(cache.begin(), actor(2), 600);
    cache.setEnabled(true);
    expect(cache.size).toBe(0);
    const off = new SessionCache(0);
    off.setEnabled(true);
    expect(off.isEnabled).toBe(false);
    expect(off.configured).toBe(false);
    off.fill(off.begin(), actor(1), 600);
    expect(off.get('session-1', 'user-1')).toBeUndefined();
  });

  it('should hand out a frozen actor: one object serves many requests', () => {
    const cache = enabledCache();
    cache.fill(cache.begin(), actor(1), 600);
    expect(Object.isFrozen(cache.get('session-1', 'user-1'))).toBe(true);
  });
});
