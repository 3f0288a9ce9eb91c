import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.options';
import { createScratchDatabase, ScratchDatabase } from './test-database';

declare global {
  var __JIXIAO_TEST_DB__: ScratchDatabase | undefined;
}

/** One database per test run, migrated once; its URL reaches every test file through the environment. */
export default async function globalSetup(): Promise<void> {
  const database = await createScratchDatabase('jixiao_test');
  const dataSource = new DataSource({ ...dataSourceOptions(database.connection), migrationsRun: false });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  process.env.JIXIAO_TEST_DATABASE_URL = database.connection.url;
  globalThis.__JIXIAO_TEST_DB__ = database;
}
