import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { entityValues, insertRecords } from '../../database/sql.util';
import { AuditEntry } from './entities/audit-entry.entity';

type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

/** Appends to the audit log inside the caller's transaction (the table takes no update or delete). */
@Injectable()
export class AuditLogRepository {
  async append(manager: EntityManager, entry: NewAuditEntry): Promise<void> {
    await manager.insert(AuditEntry, entityValues<AuditEntry>(entry));
  }

  /** Many entries in one statement whatever their number, in the order given (ids and `at` as `append` gives them). */
  async appendMany(manager: EntityManager, entries: NewAuditEntry[]): Promise<void> {
    await insertRecords(manager, AuditEntry, entries);
  }
}
