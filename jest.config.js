// Two projects: `unit` runs pure specs (no I/O); `integration` runs medium tests against the real
// PostgreSQL / queue backend and the end-to-end scenarios under test/. See scripts/test.mjs.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] };
const moduleNameMapper = { '^@dealgate/([a-z-]+)$': '<rootDir>/libs/$1/src' };
const common = {
  rootDir: __dirname,
  transform,
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // Each integration file boots whole Nest services; a worker that grew past this is replaced between files, so
  // memory stays flat however many suites run (in one process the heap ran out after ~80 files).
  workerIdleMemoryLimit: '1GB',
  // A global option (Jest ignores it inside a project): integration files boot whole services.
  testTimeout: 60000,
  // Minutes-long suites first (a fresh clone has no timing cache): see the file.
  testSequencer: '<rootDir>/test/slow-first-sequencer.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
