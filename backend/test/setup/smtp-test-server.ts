import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a loopback port (smtp-server), keeping every mail it accepts parsed (mailparser): the
 * application sends to it exactly as to a production server. `failing` makes it refuse recipients with a 451.
 */
export class SmtpTestServer {
  readonly received: ParsedMail[] = [];
  failing = false;
  private server?: SMTPServer;
  private port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (!this.failing) return callback();
        const error = Object.assign(new Error('邮箱暂时不可用，请稍后再试'), { responseCode: 451 });
        callback(error);
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The first received mail that matches, waiting for it to arrive (the outbox sends in the background). */
  async waitFor(match: (mail: ParsedMail) => boolean, timeoutMs = 15_000): Promise<ParsedMail> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      if (Date.now() > until)
        throw new Error(`no such mail arrived; received: ${this.subjects().join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((mail) => addresses(mail).includes(address));
  }

  subjects(): string[] {
    return this.received.map((mail) => mail.subject ?? '');
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The recipients' addresses of a parsed mail. */
export function addresses(mail: ParsedMail): string[] {
  const to = mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]) : [];
  return to.flatMap((group) => group.value.map((entry) => entry.address ?? ''));
}
