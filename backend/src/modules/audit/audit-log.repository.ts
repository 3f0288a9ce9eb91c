import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { entityValues } from '../../database/sql.util';
import { AuditEntry } from './entities/audit-entry.entity';

/** Appends to the audit log inside the caller's transaction (the table takes no update or delete). */
@Injectable()
export class AuditLogRepository {
  async append(manager: EntityManager, entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    await manager.insert(AuditEntry, entityValues<AuditEntry>(entry));
  }
}
