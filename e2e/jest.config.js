/**
 * End-to-end tier: real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
 * against the built product started once for the run on a fresh embedded PostgreSQL.
 */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  displayName: 'e2e',
  testMatch: ['<rootDir>/specs/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: { '^@asah/contracts/(.*)$': '<rootDir>/../packages/contracts/src/$1' },
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testEnvironment: 'node',
  testTimeout: 60000,
  // One product and one browser at a time keep 2-core CI machines from timing out.
  maxWorkers: 1,
};
