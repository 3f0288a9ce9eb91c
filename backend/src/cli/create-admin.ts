import { withDatabase } from './database-session';
import { createAdmin } from './first-admin';

/**
 * `npm run admin:create -- <username>`: creates an administrator in the configured database, e.g. the first
 * one of a production installation. The password comes from JIXIAO_ADMIN_PASSWORD, or is asked for twice
 * in the terminal without echo.
 */
async function main(args: string[]): Promise<void> {
  const username = args.find((a) => !a.startsWith('--'));
  if (!username) throw new Error('Usage: npm run admin:create -- <username>');
  const password = process.env.JIXIAO_ADMIN_PASSWORD ?? (await askTwice());
  await withDatabase(async (dataSource) => {
    await dataSource.runMigrations({ transaction: 'each' });
    const admin = await createAdmin(dataSource, username, password);
    process.stdout.write(`Administrator ${admin.username} created.\n`);
  });
}

async function askTwice(): Promise<string> {
  if (!process.stdin.isTTY)
    throw new Error('No terminal to ask for the password: set JIXIAO_ADMIN_PASSWORD instead.');
  const first = await askHidden('密码（至少 10 位，含大写字母、小写字母、数字、符号中的三类）：');
  const second = await askHidden('再次输入密码：');
  if (first !== second) throw new Error('两次输入的密码不一致');
  return first;
}

/** Reads one line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          return resolve(value);
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          return reject(new Error('Cancelled'));
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const body = (error as { getResponse?: () => unknown }).getResponse?.();
  console.error(body ? JSON.stringify(body, null, 2) : error instanceof Error ? error.message : error);
  process.exit(1);
});
