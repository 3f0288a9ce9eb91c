import { digestPeriod, dueDate, localDate, reminderFor, reminderPeriods, yearOf } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REPORT_DUE_DAY } from '../../config/reporting.config';
import { OVERALL_NAME } from '../dashboard/dashboard.service';
import { DigestService } from './digest.service';
import { MailTransport } from './mail-transport';
import { reportNoticeMail } from './mail-templates';
import { NotificationItem, NotificationWriter, unitKey } from './notification-writer';
import { NotificationsRepository } from './notifications.repository';

export interface ReminderRun {
  /** Notifications made by this run (none when every one was made before). */
  notifications: number;
  /** Leaders' digest mails queued by this run. */
  digests: number;
}

/**
 * The scheduled reminders (docs/domain.md, "Reminders and the leadership digest"): reporters of a month due soon
 * or overdue are notified, and once a month's due date has passed its department's leaders get their flags and
 * the monthly digest. Idempotent: each notification and mail is made once per user and event, however often
 * (and on however many servers) the job runs.
 */
@Injectable()
export class ReminderJob {
  private readonly informed = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly writer: NotificationWriter,
    private readonly digests: DigestService,
    private readonly transport: MailTransport,
  ) {}

  async run(today: string = localDate()): Promise<ReminderRun> {
    const reporters = await this.remindReporters(today);
    const leaders = await this.informLeaders(today);
    return { notifications: reporters + leaders.notifications, digests: leaders.digests };
  }

  private async remindReporters(today: string): Promise<number> {
    const rows = await this.notifications.reporterMonths(reminderPeriods(today, REPORT_DUE_DAY));
    const items = rows.flatMap((row): NotificationItem[] => {
      const kind = reminderFor(row.period, row.status, today, REPORT_DUE_DAY);
      if (!kind) return [];
      const due = dueDate(row.period, REPORT_DUE_DAY);
      return [
        {
          recipient: row,
          draft: {
            userId: row.userId,
            kind,
            dedupeKey: `${kind}:${unitKey(row.fiscalYearId, row.projectId)}:${row.period}`,
            fiscalYearId: row.fiscalYearId,
            projectId: row.projectId,
            period: row.period,
            dueDate: due,
          },
          mail: reportNoticeMail({
            kind,
            displayName: row.displayName,
            departmentName: row.departmentName,
            unitName: row.projectName ?? OVERALL_NAME,
            period: row.period,
            dueDate: due,
            reason: null,
          }),
        },
      ];
    });
    if (items.length === 0) return 0;
    return this.dataSource.transaction((manager) => this.writer.notify(manager, items));
  }

  /** The month whose due date passed last: each department's leaders get its flags and its digest by mail. */
  private async informLeaders(today: string): Promise<ReminderRun> {
    const period = digestPeriod(today, REPORT_DUE_DAY);
    const run: ReminderRun = { notifications: 0, digests: 0 };
    for (const unit of await this.notifications.departmentYears(yearOf(period))) {
      const leaders = await this.notifications.leaders(unit.departmentId);
      if (leaders.length === 0) continue;
      // The digest is a whole dashboard: built once per department, month and set of leaders in this process
      // (a restart builds it again, which the unique keys make harmless).
      const done = `${unit.fiscalYearId}:${period}:${leaders.map((leader) => leader.userId).join(',')}`;
      if (this.informed.has(done)) continue;
      const digest = await this.digests.build(unit, period, today);
      if (!digest || digest.counts.total === 0) continue;
      const details = {
        red: digest.counts.red,
        yellow: digest.counts.yellow,
        projectedMiss: digest.projectedMisses.length,
        overdue: digest.overdue.length,
      };
      const flagged = Object.values(details).some((count) => count > 0);
      await this.dataSource.transaction(async (manager) => {
        if (flagged)
          run.notifications += await this.writer.notify(
            manager,
            leaders.map((leader) => ({
              recipient: leader,
              // The digest mail says the same: the flags are not mailed on their own.
              mail: null,
              draft: {
                userId: leader.userId,
                kind: 'leadership-flags',
                dedupeKey: `leadership-flags:${unit.fiscalYearId}:${period}`,
                fiscalYearId: unit.fiscalYearId,
                projectId: null,
                period,
                details,
              },
            })),
          );
        if (this.transport.enabled) {
          const queued = await this.digests.queue(manager, unit, digest);
          run.digests += queued.filter((r) => r.status === 'queued').length;
        }
      });
      this.informed.add(done);
    }
    return run;
  }
}
