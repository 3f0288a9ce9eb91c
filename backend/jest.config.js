/**
 * One Jest run for every backend tier; the file name sets the tier:
 * *.spec.ts (no database), *.integration-spec.ts (real PostgreSQL), *.e2e-spec.ts (HTTP via supertest).
 * globalSetup provides the database: DATABASE_URL's server (a fresh database per run) or an embedded PGlite.
 * Embedded PGlite serves one connection at a time, so without DATABASE_URL the files run in band.
 */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'backend',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|integration-spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: { '^@jixiao/domain$': '<rootDir>/../libs/domain/src/index.ts' },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  maxWorkers: process.env.DATABASE_URL ? 2 : 1,
  testTimeout: 60000,
};
