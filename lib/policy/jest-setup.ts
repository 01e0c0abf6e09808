// Add to jest's `setupFilesAfterEnv` (or import it in a test) to get
// `expect(chart).toPassPolicies()`: `cdk8s-netkit/jest-setup`.
import { policyMatchers } from './jest-matchers';

// jest's global, declared here so the library builds without jest's types.
declare const expect: { extend(matchers: Record<string, unknown>): void };

expect.extend(policyMatchers);
