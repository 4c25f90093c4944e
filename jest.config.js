/**
 * Two of the three test tiers (the third, end-to-end, lives in e2e/):
 *   unit         pure logic, no I/O            `*.spec.ts` beside the code
 *   integration  the API against PostgreSQL    `apps/api/test/**\/*.int-spec.ts`
 * Each integration test file gets its own database cloned from a migrated template.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps: 'inline',
  },
];

const common = {
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: { '^@asah/contracts/(.*)$': '<rootDir>/packages/contracts/src/$1' },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  // Jest reads testTimeout from the global config only, not per project; hooks (app start, DB clone)
  // share it, and a busy 2-core machine needs more than the 5 s default.
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/packages/*/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.ts',
    },
  ],
};
