export * from './types';
export * from './context';
export * from './engine';
// registerDefaultPolicies stays internal: NetkitApp calls it; users call enforcePolicies.
export { enforcePolicies, policyValidation, POLICY_INFO_ENV } from './enforce';
export * from './report';
export * from './jest-matchers';
export { RULES } from './rules';
export { DEFAULT_TARGET_VERSION } from './rules/api-stable-versions';
export { SCHEMA_SOURCE } from './schema/known-fields';
export * from './rules-table';
