import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.options';
import { EMBEDDED_POOL_SIZE, EmbeddedPostgres } from '../../src/database/embedded-postgres';

/** Embedded mode on its own data directory, whatever DATABASE_URL says: correctness under load and restarts. */
describe(EmbeddedPostgres.name, () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'jixiao-embedded-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const open = async (embedded: EmbeddedPostgres): Promise<DataSource> =>
    new DataSource(dataSourceOptions({ url: embedded.url, poolSize: EMBEDDED_POOL_SIZE })).initialize();

  it('should answer 200 concurrent reads and writes each with its own rows, then keep them across a restart', async () => {
    const first = await EmbeddedPostgres.start(dataDir);
    let ds = await open(first);
    await ds.runMigrations();
    const codes = Array.from({ length: 100 }, (_, i) => `E${String(i).padStart(3, '0')}`);
    // Interleave inserts and parameterised reads: a multiplexing bug would return another query's rows.
    const results = await Promise.all(
      codes.flatMap((code, i) => [
        ds.query(`INSERT INTO departments (code, name) VALUES ($1, $2) RETURNING code, name`, [
          code,
          `部门${i}`,
        ]),
        ds.query(`SELECT $1::text AS code, $2::int * 2 AS twice`, [code, i]),
      ]),
    );
    codes.forEach((code, i) => {
      expect(results[2 * i]).toEqual([{ code, name: `部门${i}` }]);
      expect(results[2 * i + 1]).toEqual([{ code, twice: i * 2 }]);
    });
    await ds.destroy();
    await first.stop();

    const second = await EmbeddedPostgres.start(dataDir);
    ds = await open(second);
    try {
      expect(await ds.showMigrations()).toBe(false);
      const [{ count }] = await ds.query(
        `SELECT count(*)::int AS count FROM departments WHERE code LIKE 'E%'`,
      );
      expect(count).toBe(100);
    } finally {
      await ds.destroy();
      await second.stop();
    }
    // Two PGlite starts (one an initdb) and 200 queries: seconds alone, minutes on a loaded 2-core machine.
  }, 240_000);

  it('should refuse a second process on the same data directory', async () => {
    const lockDir = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
    const first = await EmbeddedPostgres.start(lockDir);
    try {
      await expect(EmbeddedPostgres.start(lockDir)).rejects.toThrow(/already in use/);
    } finally {
      await first.stop();
      rmSync(lockDir, { recursive: true, force: true });
    }
  });
});
