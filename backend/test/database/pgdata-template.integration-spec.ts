import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.options';
import { EMBEDDED_POOL_SIZE, EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { buildTemplate, readTemplate } from '../../src/database/pgdata-template';
import { currentStamp, isTemplateCurrent } from '../../src/database/pgdata-template-stamp';
import { MIGRATIONS } from '../../src/database/migrations';

const migrationFiles = (): string[] => currentStamp().migrations;
const migrationNames = (): string[] => MIGRATIONS.map((m) => m.name);

/** The migrated dump a new embedded data directory starts from (cold start without initdb and migrations). */
describe('embedded database template', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-template-'));
    file = join(dir, 'pgdata-template.tar.gz');
    await buildTemplate(file);
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should stamp the dump with every migration of this build, in order', () => {
    const stamp = JSON.parse(readFileSync(`${file}.json`, 'utf8'));
    expect(stamp).toEqual(currentStamp());
    // One file per migration class, in the same order.
    expect(stamp.migrations.map((f: string) => f.split('-')[0])).toEqual(
      migrationNames().map((name) => name.match(/\d+$/)?.[0]),
    );
    expect(isTemplateCurrent(file)).toBe(true);
  });

  it('should start a new data directory from the dump with nothing left to migrate, then reopen it', async () => {
    const dataDir = join(dir, 'data');
    let loaded = 0;
    const first = await EmbeddedPostgres.start(dataDir, () => {
      loaded++;
      return readTemplate(file);
    });
    let ds = await new DataSource(
      dataSourceOptions({ url: first.url, poolSize: EMBEDDED_POOL_SIZE }),
    ).initialize();
    try {
      expect(loaded).toBe(1);
      expect(await ds.showMigrations()).toBe(false);
      const applied = await ds.query<{ name: string }[]>(`SELECT name FROM schema_migrations ORDER BY id`);
      expect(applied.map((m) => m.name)).toEqual(migrationNames());
      await ds.query(`INSERT INTO departments (code, name) VALUES ('T01', '模板部门')`);
    } finally {
      await ds.destroy();
      await first.stop();
    }
    // An existing directory is reopened as it is: the template is not even read.
    const second = await EmbeddedPostgres.start(dataDir, () => {
      loaded++;
      return readTemplate(file);
    });
    ds = await new DataSource(
      dataSourceOptions({ url: second.url, poolSize: EMBEDDED_POOL_SIZE }),
    ).initialize();
    try {
      expect(loaded).toBe(1);
      expect(await ds.query(`SELECT name FROM departments WHERE code = 'T01'`)).toEqual([
        { name: '模板部门' },
      ]);
    } finally {
      await ds.destroy();
      await second.stop();
    }
  }, 240_000);

  it('should use a dump that lacks only the newest migrations, and refuse one whose migrations differ', () => {
    const stamp = `${file}.json`;
    const original = readFileSync(stamp, 'utf8');
    try {
      const digest = 'an older build';
      writeFileSync(stamp, JSON.stringify({ migrations: migrationFiles().slice(0, 3), digest }));
      expect(readTemplate(file)).toBeInstanceOf(Blob);
      expect(isTemplateCurrent(file)).toBe(false);
      writeFileSync(
        stamp,
        JSON.stringify({ migrations: ['1-renamed', ...migrationFiles().slice(1)], digest }),
      );
      expect(readTemplate(file)).toBeUndefined();
      writeFileSync(stamp, JSON.stringify({ migrations: [...migrationFiles(), '9-newer'], digest }));
      expect(readTemplate(file)).toBeUndefined();
      writeFileSync(stamp, '{ not json');
      expect(readTemplate(file)).toBeUndefined();
      expect(isTemplateCurrent(file)).toBe(false);
    } finally {
      writeFileSync(stamp, original);
    }
    expect(readTemplate(join(dir, 'missing.tar.gz'))).toBeUndefined();
    expect(existsSync(file)).toBe(true);
  });
});
