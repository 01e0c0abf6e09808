// Mutation testing of the validation code (issue 17): `npm run mutate`, outside CI and `npm test`
// (a full run takes many minutes). One module at a time: `npm run mutate -- --mutate lib/tls/certificate-check.ts`.
// The tests run are those of the areas the mutated code serves (MUTATE_TESTS, a comma-separated list of
// globs under the project root, narrows them further, e.g. MUTATE_TESTS='test/tls/**/*.test.ts').
// docs/testing.md records the last score per module.
import jestConfig from './jest.config.js';

// Randomized tests try fewer samples under mutation (test/policy/validated-shapes.test.ts: 300 strings, not 30,000);
// the child processes that run jest inherit this.
process.env.NETKIT_RANDOM_SAMPLES ??= '300';

const DEFAULT_TESTS = ['test/core', 'test/service', 'test/ingress', 'test/tls', 'test/addons', 'test/policy']
  .map((folder) => `${folder}/**/*.test.ts`);
const testMatch = (process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : DEFAULT_TESTS)
  .map((glob) => `<rootDir>/${glob.trim()}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // The project's jest config, so tests run as in `npm test`; `ci` on: a missing snapshot fails instead of being written in the sandbox.
    config: { ...jestConfig, testMatch, ci: true },
    enableFindRelatedTests: false,
  },
  // Each test is traced to the mutants it reaches, so a mutant runs only the tests that cover it.
  coverageAnalysis: 'perTest',
  // The machine is shared: two test processes at most. No TypeScript checker: a tsc pass per mutant costs more than it saves.
  concurrency: 2,
  timeoutMS: 60000,
  mutate: [
    'lib/service/service-validation.ts',
    'lib/ingress/ingress-validation.ts',
    'lib/core/validation/ingress-fields.ts',
    'lib/core/validation/tls-fields.ts',
    'lib/addons/kube-proxy/kube-proxy-validation.ts',
    'lib/tls/certificate-check.ts',
    'lib/policy/rules/svc-*.ts',
  ],
  // node_modules is linked into the sandbox, not copied; build output and local keys stay out.
  ignorePatterns: ['build', 'coverage', 'reports', '.netkit', '.build-test-*', '.bench-startup-*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${process.env.MUTATE_REPORT ?? 'mutation'}.html` },
  jsonReporter: { fileName: `reports/mutation/${process.env.MUTATE_REPORT ?? 'mutation'}.json` },
  thresholds: { high: 90, low: 80, break: null },
};
