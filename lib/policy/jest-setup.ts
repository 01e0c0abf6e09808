// Add to jest's `setupFilesAfterEach` (or import it in a test) to get
// `expect(chart).toPassPolicies()`: `cdk8s-netkit/build/policy/jest-setup`.
import { policyMatchers } from './jest-matchers';

expect.extend(policyMatchers);
