import { readDatabaseConfig } from './database.config';

describe(readDatabaseConfig.name, () => {
  const server = 'postgres://jixiao_app@db:5432/jixiao';
  const owner = 'postgres://jixiao_owner@db:5432/jixiao';

  it('should run the migrations as the owner when MIGRATION_DATABASE_URL is set beside DATABASE_URL', () => {
    const config = readDatabaseConfig({ DATABASE_URL: server, MIGRATION_DATABASE_URL: owner });
    expect(config).toMatchObject({ url: server, migrationUrl: owner });
  });

  it('should leave the migrations to the app connection when MIGRATION_DATABASE_URL is unset', () => {
    expect(readDatabaseConfig({ DATABASE_URL: server }).migrationUrl).toBeUndefined();
  });

  it('should refuse MIGRATION_DATABASE_URL without DATABASE_URL, naming the variable', () => {
    expect(() => readDatabaseConfig({ MIGRATION_DATABASE_URL: owner })).toThrow(/MIGRATION_DATABASE_URL/);
  });

  it('should refuse a MIGRATION_DATABASE_URL that is not a postgres URL', () => {
    expect(() => readDatabaseConfig({ DATABASE_URL: server, MIGRATION_DATABASE_URL: 'mysql://x' })).toThrow(
      /MIGRATION_DATABASE_URL must be a postgres:\/\/ URL/,
    );
  });
});
