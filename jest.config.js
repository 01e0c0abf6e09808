/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // swc only strips types; `npm test` runs `tsc --noEmit` first for the type check.
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  moduleNameMapper: { '^cdk8s-netkit$': '<rootDir>/lib/index.ts' },
  // Snapshots are committed; on CI a missing snapshot fails instead of being written.
  ci: process.env.CI === 'true',
};
