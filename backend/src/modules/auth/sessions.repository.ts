import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/context/request-context';
import { AUTH_CONFIG } from './auth.tokens';
import type { AuthConfig } from '../../config/auth.config';

export interface SessionRow {
  id: string;
  userId: string;
  expired: boolean;
  idle: boolean;
  revoked: boolean;
}

@Injectable()
export class SessionsRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** The signed-in actor if the session is open: not revoked, not expired, not idle, user active. */
  async findActiveActor(sessionId: string, userId: string): Promise<Actor | undefined> {
    return (await this.findOpenSession(sessionId, userId))?.actor;
  }

  /** The same check, with how many seconds the session stays open at most (its expiry or idle deadline). */
  async findOpenSession(
    sessionId: string,
    userId: string,
  ): Promise<{ actor: Actor; secondsLeft: number } | undefined> {
    const rows: (Actor & { secondsLeft: number })[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.role_code AS role, u.department_id AS "departmentId", s.id AS "sessionId",
              u.must_change_password AS "mustChangePassword",
              extract(epoch FROM LEAST(s.expires_at, s.last_used_at + make_interval(secs => $3)) - now())::float8
                AS "secondsLeft"
         FROM refresh_tokens s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_used_at > now() - make_interval(secs => $3) AND u.active`,
      [sessionId, userId, this.config.idleTimeoutSeconds],
    );
    if (!rows[0]) return undefined;
    const { secondsLeft, ...actor } = rows[0];
    return { actor, secondsLeft };
  }

  async create(manager: EntityManager, userId: string, tokenHash: string): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO refresh_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING id`,
      [userId, tokenHash, this.config.refreshTokenTtlSeconds],
    );
    return row.id;
  }

  /** Locks the session row so two refreshes with one token cannot both succeed. */
  async findByHashForUpdate(manager: EntityManager, tokenHash: string): Promise<SessionRow | undefined> {
    const rows: SessionRow[] = await manager.query(
      `SELECT id, user_id AS "userId", expires_at <= now() AS expired, revoked_at IS NOT NULL AS revoked,
              last_used_at <= now() - make_interval(secs => $2) AS idle
         FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash, this.config.idleTimeoutSeconds],
    );
    return rows[0];
  }

  /** Replaces the session's token, keeping the old hash: presented again, it reveals a stolen copy. */
  async rotate(manager: EntityManager, sessionId: string, oldHash: string, newHash: string): Promise<void> {
    await manager.query(`INSERT INTO refresh_token_rotations (token_hash, session_id) VALUES ($1, $2)`, [
      oldHash,
      sessionId,
    ]);
    await manager.query(`UPDATE refresh_tokens SET token_hash = $2, last_used_at = now() WHERE id = $1`, [
      sessionId,
      newHash,
    ]);
  }

  /** The session a token belonged to before it was rotated, if it is such a token. */
  async findRotated(
    manager: EntityManager,
    tokenHash: string,
  ): Promise<{ sessionId: string; userId: string; username: string } | undefined> {
    const rows = await manager.query(
      `SELECT s.id AS "sessionId", s.user_id AS "userId", u.username
         FROM refresh_token_rotations r JOIN refresh_tokens s ON s.id = r.session_id JOIN users u ON u.id = s.user_id
        WHERE r.token_hash = $1 FOR UPDATE OF s`,
      [tokenHash],
    );
    return rows[0];
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
    ]);
  }

  /** Ends the user's open sessions, all of them or all but one; answers how many ended. */
  async revokeAllOfUser(manager: EntityManager, userId: string, exceptSessionId?: string): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, exceptSessionId ?? null],
    );
    return count;
  }
}
