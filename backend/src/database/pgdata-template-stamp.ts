import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a migrated embedded-database dump holds (pgdata-template.ts), read with the file system alone so that
 * `npm start` can tell in milliseconds whether the dump is current, without loading TypeORM or PGlite.
 */
export interface TemplateStamp {
  /** The migration files (without extension), in order. */
  migrations: string[];
  /** SHA-256 over those files' names and contents: a migration edited in place makes the dump stale. */
  digest: string;
}

/** The dump beside the compiled app: dist/pgdata-template.tar.gz. */
export const DEFAULT_TEMPLATE_FILE = join(__dirname, '..', 'pgdata-template.tar.gz');
const MIGRATIONS_DIR = join(__dirname, 'migrations');

export const stampFile = (file: string): string => `${file}.json`;

/** The migrations of this build as files (migrations/<timestamp>-<name>.js or .ts), in order. */
export function currentStamp(dir = MIGRATIONS_DIR): TemplateStamp {
  const files = readdirSync(dir)
    .filter((f) => /^\d+-.+\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const hash = createHash('sha256');
  for (const f of files)
    hash
      .update(f.replace(/\.(js|ts)$/, ''))
      .update('\0')
      .update(readFileSync(join(dir, f)));
  return { migrations: files.map((f) => f.replace(/\.(js|ts)$/, '')), digest: hash.digest('hex') };
}

export function readStamp(file: string): TemplateStamp | undefined {
  if (!existsSync(file) || !existsSync(stampFile(file))) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(stampFile(file), 'utf8')) as Partial<TemplateStamp>;
    if (!Array.isArray(stamp.migrations) || typeof stamp.digest !== 'string') return undefined;
    return { migrations: stamp.migrations, digest: stamp.digest };
  } catch {
    return undefined;
  }
}

/** True when the dump at `file` holds exactly this build's migrations, byte for byte. */
export function isTemplateCurrent(file = DEFAULT_TEMPLATE_FILE, current = currentStamp()): boolean {
  return readStamp(file)?.digest === current.digest;
}

/**
 * A dump may start a new directory when its migrations are a prefix of this build's (the start applies the rest);
 * not when it holds a migration this build does not know (a newer build's, or one renamed).
 */
export function templateFits(file = DEFAULT_TEMPLATE_FILE, current = currentStamp()): boolean {
  const stamp = readStamp(file);
  return (
    stamp !== undefined &&
    stamp.migrations.length <= current.migrations.length &&
    stamp.migrations.every((name, i) => name === current.migrations[i])
  );
}
