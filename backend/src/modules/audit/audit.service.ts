import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentContext } from '../../common/context/request-context';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
  /** Overrides the request's actor (e.g. a failed login, where nobody is signed in yet). */
  actor?: { id: string | null; username: string | null };
}

/** Writes audit entries inside the caller's transaction: the change and its record commit together or not at all. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    const context = currentContext();
    const actor =
      record.actor ??
      (context?.actor ? { id: context.actor.id, username: context.actor.username } : undefined);
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, before, after, reason, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        actor?.id ?? null,
        actor?.username ?? null,
        record.action,
        record.entity,
        record.entityId ?? null,
        record.before ? JSON.stringify(record.before) : null,
        record.after ? JSON.stringify(record.after) : null,
        record.reason ?? null,
        context?.requestId ?? null,
      ],
    );
  }
}
