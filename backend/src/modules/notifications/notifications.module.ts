import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { DigestService } from './digest.service';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailOutboxService } from './mail-outbox.service';
import { MailTransport } from './mail-transport';
import { NotificationWriter } from './notification-writer';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { ReminderJob } from './reminder-job.service';
import { ReminderScheduler } from './reminder.scheduler';

/** Reminders that reach people: in-app notifications, the e-mail outbox, the leadership digest and their schedule. */
@Module({
  imports: [DashboardModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationsRepository,
    NotificationWriter,
    MailTransport,
    MailOutboxRepository,
    MailOutboxService,
    DigestService,
    ReminderJob,
    ReminderScheduler,
  ],
  exports: [NotificationWriter, MailOutboxService, ReminderJob],
})
export class NotificationsModule {}
