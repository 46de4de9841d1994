// The reliability suite (`npm run test:reliability`): builds dist/, then starts the API and workers as separate
// OS processes on their own database and redis-server and injects faults. One file at a time (--runInBand).
const moduleNameMapper = {
  '^@forge/(domain|persistence|queue|audit|config|messaging|application|observability)$':
    '<rootDir>/libs/$1/src/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

export default {
  rootDir: '../..',
  displayName: 'reliability',
  testMatch: ['<rootDir>/test/reliability/**/*.reliability.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper,
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testEnvironment: 'node',
  testTimeout: 900000,
};
