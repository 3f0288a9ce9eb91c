import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Transporter } from 'nodemailer';
import type { MailConfig } from '../../config/mail.config';
import type { MailContent } from './mail-templates';

/** The SMTP connection of SMTP_URL (nodemailer); disabled when SMTP_URL is unset. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly config: MailConfig;
  private transporter?: Transporter;

  constructor(config: ConfigService) {
    this.config = config.getOrThrow<MailConfig>('mail');
  }

  get enabled(): boolean {
    return this.config.smtpUrl !== undefined;
  }

  /** Sends one mail; answers the server's Message-ID. Throws what the server or the network said. */
  async send(to: string, mail: MailContent): Promise<string | null> {
    if (!this.config.smtpUrl) throw new Error('SMTP_URL is not set');
    // nodemailer is loaded on first use: most servers never send a mail, and it costs time at start.
    const { createTransport } = await import('nodemailer');
    this.transporter ??= createTransport({
      url: this.config.smtpUrl,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    } as Parameters<typeof createTransport>[0]);
    const info = await this.transporter.sendMail({
      from: this.config.from,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    return (info.messageId as string | undefined) ?? null;
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
