import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

export const DEFAULT_MAIL_FROM = 'Jixiao 绩效 <noreply@localhost>';

class MailEnv {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;
  @IsOptional()
  @Matches(/^(?:[^<>\r\n]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/, {
    message:
      'MAIL_FROM must be an address (noreply@example.cn) or a name and an address (绩效 <noreply@example.cn>)',
  })
  MAIL_FROM?: string;
  @IsOptional() @IsInt() @Min(0) @Max(86400) REMINDER_INTERVAL_SECONDS?: number;
}

export interface MailConfig {
  /** Unset: no e-mail at all; notifications are still made in the app. */
  smtpUrl?: string;
  from: string;
  /**
   * How often the reminder job (overdue, due soon, leaders' flags, the monthly digest) and the outbox run;
   * 0 turns the schedule off. Default 300; 0 under NODE_ENV=test, where the tests drive both by hand.
   */
  intervalSeconds: number;
}

export function readMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const parsed = validateConfig(MailEnv, env);
  return {
    smtpUrl: parsed.SMTP_URL || undefined,
    from: parsed.MAIL_FROM || DEFAULT_MAIL_FROM,
    intervalSeconds: parsed.REMINDER_INTERVAL_SECONDS ?? (parsed.NODE_ENV === 'test' ? 0 : 300),
  };
}

export const mailConfig = registerAs('mail', (): MailConfig => readMailConfig());
