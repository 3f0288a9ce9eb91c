import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentContext } from '../../common/context/request-context';
import { AuditLogRepository } from './audit-log.repository';
import type { AuditEntry } from './entities/audit-entry.entity';

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
  // A default, so scripts and tests can write audit entries without the Nest container.
  constructor(private readonly log: AuditLogRepository = new AuditLogRepository()) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await this.log.append(manager, entryOf(record));
  }

  /** Several entries at once (one statement), in the order given: what `record` one by one would write. */
  async recordMany(manager: EntityManager, records: AuditRecord[]): Promise<void> {
    if (records.length === 1) await this.record(manager, records[0]);
    else if (records.length) await this.log.appendMany(manager, records.map(entryOf));
  }
}

/** The row of an audit record: its actor (else the request's), the request id. */
function entryOf(record: AuditRecord): Omit<AuditEntry, 'id' | 'at'> {
  const context = currentContext();
  const actor =
    record.actor ?? (context?.actor ? { id: context.actor.id, username: context.actor.username } : undefined);
  return {
    actorId: actor?.id ?? null,
    actorName: actor?.username ?? null,
    action: record.action,
    entity: record.entity,
    entityId: record.entityId ?? null,
    before: (record.before as Record<string, unknown> | null | undefined) ?? null,
    after: (record.after as Record<string, unknown> | null | undefined) ?? null,
    reason: record.reason ?? null,
    requestId: context?.requestId ?? null,
  };
}
