import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { notFound } from '../../common/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import type {
  NotificationListResponse,
  NotificationResponse,
  ReadAllResponse,
} from './dto/notification.response';
import { NotificationsRepository } from './notifications.repository';

/** How many notifications the header's panel lists. */
const LISTED = 50;

/** The signed-in user's own notifications: read, and marked read (audited). */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: NotificationsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<NotificationListResponse> {
    const { rows, unread } = await this.repository.list(this.access.actor().id, LISTED);
    return { notifications: rows, unread };
  }

  /** Marks one of the caller's notifications read (again: no change); another user's is 404. */
  async read(id: string): Promise<NotificationResponse> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const before = await this.repository.findOwn(manager, actor.id, id);
      if (!before) throw notFound('通知');
      if (before.readAt) return before;
      await this.repository.markRead(manager, id);
      const after = (await this.repository.findOwn(manager, actor.id, id)) as NotificationResponse;
      await this.audit.record(manager, {
        action: 'notification.read',
        entity: 'notification',
        entityId: id,
        before: { readAt: null },
        after: { readAt: after.readAt },
      });
      return after;
    });
  }

  async readAll(): Promise<ReadAllResponse> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.repository.markAllRead(manager, actor.id);
      if (ids.length)
        await this.audit.record(manager, {
          action: 'notification.read-all',
          entity: 'notification',
          after: { count: ids.length, ids },
        });
      return { updated: ids.length };
    });
  }
}
