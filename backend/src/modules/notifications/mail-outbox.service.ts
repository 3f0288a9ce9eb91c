import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailTransport } from './mail-transport';

/** Attempts before a mail is given up as failed (it stays in the outbox with its last error). */
export const MAX_MAIL_ATTEMPTS = 12;
/** The first retry waits a minute; each further one doubles, up to six hours. */
const RETRY_BASE_SECONDS = 60;
const RETRY_MAX_SECONDS = 6 * 3600;
const BATCH = 20;

export const retryDelaySeconds = (attempts: number): number =>
  Math.min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the outbox (发件箱): each pending mail due now, one attempt each. A sent mail is marked sent with its
 * Message-ID (the outbox is the log of what was sent); a failed attempt leaves the row pending with the error
 * and a later retry time, never lost.
 */
@Injectable()
export class MailOutboxService implements OnModuleDestroy {
  private readonly logger = new Logger(MailOutboxService.name);
  private running: Promise<number> | null = null;
  private closed = false;

  constructor(
    private readonly repository: MailOutboxRepository,
    private readonly transport: MailTransport,
  ) {}

  get enabled(): boolean {
    return this.transport.enabled;
  }

  /** Sends what is due at `now` (a later time in tests: the retries due by then); answers how many were sent. */
  async drain(now: Date = new Date()): Promise<number> {
    if (!this.transport.enabled || this.closed) return 0;
    while (this.running) await this.running.catch(() => 0);
    const run = this.sendDue(now).finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /** After a transaction that queued mail committed: send soon, without making the request wait for SMTP. */
  kick(): void {
    if (!this.transport.enabled || this.closed) return;
    setImmediate(() => {
      this.drain().catch((error: unknown) => this.logger.error(`outbox: ${String(error)}`));
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.running?.catch(() => 0);
  }

  private async sendDue(now: Date): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.repository.claim(now, BATCH);
      for (const mail of batch) {
        try {
          const messageId = await this.transport.send(mail.to, mail);
          await this.repository.markSent(mail.id, messageId);
          sent++;
          this.logger.log(`mail ${mail.id} sent to ${mail.to}: ${mail.subject}`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const final = mail.attempts >= MAX_MAIL_ATTEMPTS;
          const retryAt = new Date(now.getTime() + retryDelaySeconds(mail.attempts) * 1000);
          await this.repository.markFailed(mail.id, message, retryAt, final);
          this.logger.warn(
            `mail ${mail.id} to ${mail.to} failed (attempt ${mail.attempts}${final ? ', giving up' : ''}): ${message}`,
          );
        }
      }
      if (batch.length < BATCH || this.closed) return sent;
    }
  }
}
