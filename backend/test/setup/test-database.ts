import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseConnection, dataSourceOptions } from '../../src/database/data-source.options';
import { EMBEDDED_POOL_SIZE, EmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * Test databases. With DATABASE_URL the tests use that server, each run (and each scratch need) in a
 * database of its own, so runs on a shared server never see each other. Without it, PGlite in memory.
 */
export const serverUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

/** The run's database, prepared by global-setup (migrations applied once). */
export function testConnection(): DatabaseConnection {
  const url = process.env.JIXIAO_TEST_DATABASE_URL;
  if (!url)
    throw new Error('JIXIAO_TEST_DATABASE_URL is not set: run the tests through jest (global-setup).');
  return serverUrl() ? { url, poolSize: 4 } : { url, poolSize: EMBEDDED_POOL_SIZE, embedded: true };
}

export async function openTestDataSource(): Promise<DataSource> {
  return new DataSource(dataSourceOptions(testConnection())).initialize();
}

/** A database of its own for tests that must own the whole schema (migration revert, restarts). */
export interface ScratchDatabase {
  connection: DatabaseConnection;
  drop(): Promise<void>;
}

export async function createScratchDatabase(prefix = 'jixiao_scratch'): Promise<ScratchDatabase> {
  const server = serverUrl();
  if (!server) {
    const embedded = await EmbeddedPostgres.start();
    return {
      connection: { url: embedded.url, poolSize: EMBEDDED_POOL_SIZE, embedded: true },
      drop: () => embedded.stop(),
    };
  }
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    connection: { url: url.toString(), poolSize: 4 },
    drop: async () => {
      const client = new Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
