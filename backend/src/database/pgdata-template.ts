import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.options';
import { DEFAULT_TEMPLATE_FILE, currentStamp, stampFile, templateFits } from './pgdata-template-stamp';

/**
 * A new embedded database costs an initdb (PGlite creates a cluster: seconds) plus every migration. Both are the
 * same for every new data directory, so they are done once at build time: an in-memory PGlite is migrated and
 * dumped (`dumpDataDir`) into dist/pgdata-template.tar.gz, and a first start on a new directory loads that dump
 * (`loadDataDir`) instead. The stamp beside it (pgdata-template-stamp.ts) names the migrations it holds; a dump
 * holding a migration this build does not know is not used; one that merely lacks the newest is (the start applies
 * those as usual).
 */
export function readTemplate(file = DEFAULT_TEMPLATE_FILE): Blob | undefined {
  return templateFits(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** Migrates an in-memory PGlite and writes its dump, then its stamp (each through a temporary file). */
export async function buildTemplate(file = DEFAULT_TEMPLATE_FILE): Promise<void> {
  const stamp = currentStamp();
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
  await server.start();
  try {
    const dataSource = new DataSource(
      dataSourceOptions({ url: `postgres://postgres@${server.getServerConn()}/postgres`, poolSize: 1 }),
    );
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await server.stop();
  }
  // A checkpoint first, so a first start does not replay the migrations' WAL.
  await db.exec('CHECKPOINT');
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${file}.tmp`, file);
  writeFileSync(`${stampFile(file)}.tmp`, `${JSON.stringify(stamp, null, 2)}\n`);
  renameSync(`${stampFile(file)}.tmp`, stampFile(file));
}
