import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../../database/sql.util';
import type { MailKind } from './entities/mail-outbox.entity';
import type { MailContent } from './mail-templates';

export interface OutgoingMail extends MailContent {
  dedupeKey: string;
  kind: MailKind;
  to: string;
  userId: string | null;
  notificationId: string | null;
}

/** A row claimed for one attempt. */
export interface ClaimedMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

/** How long a claimed row is left to its sender before another attempt may take it (a crash mid-send). */
const CLAIM_SECONDS = 600;

@Injectable()
export class MailOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Queues the mails in the caller's transaction; a dedupe key queued before is skipped. Answers the keys queued now. */
  async enqueue(manager: EntityManager, mails: OutgoingMail[]): Promise<string[]> {
    if (mails.length === 0) return [];
    const rows: { dedupeKey: string }[] = await manager.query(
      `INSERT INTO mail_outbox (dedupe_key, kind, user_id, notification_id, to_address, subject, text_body, html_body)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS m(
         "dedupeKey" text, kind text, "userId" uuid, "notificationId" uuid, "to" text, subject text, text text, html text)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key AS "dedupeKey"`,
      [
        JSON.stringify(
          mails.map((m) => ({
            dedupeKey: m.dedupeKey,
            kind: m.kind,
            userId: m.userId,
            notificationId: m.notificationId,
            to: m.to,
            subject: m.subject,
            text: m.text,
            html: m.html,
          })),
        ),
      ],
    );
    return rows.map((row) => row.dedupeKey);
  }

  /**
   * Takes up to `limit` pending mails due at `now` for one attempt each: the attempt is counted and the row set
   * aside for CLAIM_SECONDS, so two senders never take the same row and a crash only delays it. One short
   * statement: no transaction stays open while the SMTP server answers.
   */
  claim(now: Date, limit: number): Promise<ClaimedMail[]> {
    return this.dataSource
      .query(
        `UPDATE mail_outbox o SET attempts = o.attempts + 1,
              next_attempt_at = $1::timestamptz + make_interval(secs => ${CLAIM_SECONDS})
        WHERE o.id IN (SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= $1
                        ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.to_address AS "to", o.subject, o.text_body AS text, o.html_body AS html, o.attempts`,
        [now.toISOString(), limit],
      )
      .then((result: [ClaimedMail[], number] | ClaimedMail[]) => returnedRows(result));
  }

  async markSent(id: string, messageId: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'sent', sent_at = now(), message_id = $2, last_error = NULL WHERE id = $1`,
      [id, messageId],
    );
  }

  /** Keeps the row pending for a retry at `retryAt` with the error, or failed for good when `final`. */
  async markFailed(id: string, error: string, retryAt: Date, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET last_error = $2, next_attempt_at = $3, status = CASE WHEN $4 THEN 'failed' ELSE 'pending' END
        WHERE id = $1`,
      [id, error.slice(0, 2000), retryAt.toISOString(), final],
    );
  }
}
