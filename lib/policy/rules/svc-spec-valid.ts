import { serviceProblems } from '../../service/service-validation';
import { problemViolations } from '../engine';
import { Rule, RuleViolation } from '../types';

export const svcSpecValid: Rule = {
  id: 'svc-spec-valid',
  severity: 'error',
  severityReason: 'The API server rejects these Services (or, for an IP as externalName, DNS answers with a name that does not resolve).',
  description: "A Service passes the API server's own rules: name, ports and port names, protocols, nodePort range, type-specific fields, session affinity, traffic policies.",
  fix: 'Change the field as the message says; ExposedService makes valid Services.',
  check: (context) => {
    // One options object for every Service of the check.
    const options = { nodePortRange: context.options.nodePortRange };
    const out: RuleViolation[] = [];
    const services = context.ofKind('Service');
    // An indexed loop: this runs for every Service of every synth, mostly before V8 optimizes it.
    for (let i = 0; i < services.length; i++) {
      const service = services[i];
      const problems = serviceProblems(service.manifest, options);
      // Stryker disable next-line ConditionalExpression: equivalent, the violations of no problem are none.
      if (problems.length === 0) continue;
      // A missing name (or a generateName) is name-valid's finding, at its own severity.
      out.push(...problemViolations(service, service.name ? problems : problems.filter((p) => p.field !== 'metadata.name')));
    }
    return out;
  },
};
