import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { MailConfig } from '../../config/mail.config';
import { MailOutboxService } from './mail-outbox.service';
import { ReminderJob } from './reminder-job.service';

/** The first run waits for the start to settle. */
const FIRST_RUN_MS = 30_000;

/**
 * Runs the reminder job and sends the outbox every REMINDER_INTERVAL_SECONDS (a plain interval: the job is
 * idempotent, so a missed or doubled run changes nothing). Off when the interval is 0.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderScheduler.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private busy = false;

  constructor(
    private readonly config: ConfigService,
    private readonly job: ReminderJob,
    private readonly outbox: MailOutboxService,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.getOrThrow<MailConfig>('mail').intervalSeconds;
    if (seconds === 0) return;
    this.timers.push(setTimeout(() => void this.tick(), FIRST_RUN_MS).unref());
    this.timers.push(setInterval(() => void this.tick(), seconds * 1000).unref());
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const run = await this.job.run();
      if (run.notifications || run.digests)
        this.logger.log(`reminders: ${run.notifications} notifications, ${run.digests} digests queued`);
      await this.outbox.drain();
    } catch (error) {
      this.logger.error(`reminders failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.busy = false;
    }
  }
}
