const { createCjsPreset } = require('jest-preset-angular/presets');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset({ testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env' }),
  displayName: 'frontend',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: {
    '^@jixiao/domain$': '<rootDir>/../libs/domain/src/index.ts',
    // A single module of the library, where the first page must not download the rest (core/i18n).
    '^@jixiao/domain/(.*)$': '<rootDir>/../libs/domain/src/$1',
    // Stylesheets imported as text by the shell; jsdom draws nothing.
    '\\.css$': '<rootDir>/src/testing/css-text.stub.ts',
  },
  collectCoverageFrom: ['src/app/**/*.ts', '!src/app/**/*.spec.ts'],
  coverageDirectory: 'coverage',
};
