/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Transpile only (isolatedModules): `npm test` runs `tsc --noEmit` first for the type check.
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  moduleNameMapper: { '^cdk8s-netkit$': '<rootDir>/lib/index.ts' },
  // Snapshots are committed; on CI a missing snapshot fails instead of being written.
  ci: process.env.CI === 'true',
};
