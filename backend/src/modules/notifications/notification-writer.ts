import { dueDate } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { REPORT_DUE_DAY } from '../../config/reporting.config';
import { OVERALL_NAME } from '../dashboard/dashboard.service';
import { MailOutboxRepository, OutgoingMail } from './mail-outbox.repository';
import { MailTransport } from './mail-transport';
import { MailContent, reportNoticeMail } from './mail-templates';
import { NotificationDraft, NotificationsRepository, Recipient } from './notifications.repository';

/** A notification to make, for whom, and the mail that goes with it (none: in the app only). */
export interface NotificationItem {
  draft: NotificationDraft;
  recipient: Recipient;
  mail: MailContent | null;
}

/** The key of a reporter's unit: a project, or a department-year's department-wide goals. */
export const unitKey = (fiscalYearId: string, projectId: string | null): string =>
  projectId ?? `overall:${fiscalYearId}`;

/**
 * Makes notifications in the caller's transaction, each once per user and event, and queues their e-mail in
 * the outbox in the same transaction when SMTP_URL is set and the user has an address: the event, its
 * notification and its mail commit together or not at all.
 */
@Injectable()
export class NotificationWriter {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
  ) {}

  /** Answers how many notifications were made now (those made before are skipped). */
  async notify(manager: EntityManager, items: NotificationItem[]): Promise<number> {
    const made = await this.notifications.insert(
      manager,
      items.map((item) => item.draft),
    );
    if (!this.transport.enabled || made.length === 0) return made.length;
    const byKey = new Map(items.map((item) => [`${item.draft.userId}|${item.draft.dedupeKey}`, item]));
    const mails: OutgoingMail[] = [];
    for (const row of made) {
      const item = byKey.get(`${row.userId}|${row.dedupeKey}`);
      if (!item?.mail || !item.recipient.email) continue;
      mails.push({
        ...item.mail,
        dedupeKey: `notification:${row.id}`,
        kind: 'notification',
        to: item.recipient.email,
        userId: row.userId,
        notificationId: row.id,
      });
    }
    await this.outbox.enqueue(manager, mails);
    return made.length;
  }

  /**
   * The leader returned a month: each of its reporters is told at once, with the reason (one notification per
   * return: the period's version after it names the event).
   */
  async returned(
    manager: EntityManager,
    unit: { fiscalYearId: string; projectId: string | null },
    period: string,
    reason: string,
    version: number,
  ): Promise<number> {
    const reporters = await this.notifications.reportersOf(manager, unit.fiscalYearId, unit.projectId);
    const due = dueDate(period, REPORT_DUE_DAY);
    return this.notify(
      manager,
      reporters.map((reporter) => ({
        recipient: reporter,
        draft: {
          userId: reporter.userId,
          kind: 'report-returned',
          dedupeKey: `report-returned:${unitKey(unit.fiscalYearId, unit.projectId)}:${period}:v${version}`,
          fiscalYearId: unit.fiscalYearId,
          projectId: unit.projectId,
          period,
          reason,
          dueDate: due,
        },
        mail: reportNoticeMail({
          kind: 'report-returned',
          displayName: reporter.displayName,
          departmentName: reporter.departmentName,
          unitName: reporter.projectName ?? OVERALL_NAME,
          period,
          dueDate: due,
          reason,
        }),
      })),
    );
  }
}
