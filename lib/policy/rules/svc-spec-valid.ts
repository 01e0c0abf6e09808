import { serviceProblems } from '../../service/service-validation';
import { problemViolations } from '../engine';
import { Rule } from '../types';

export const svcSpecValid: Rule = {
  id: 'svc-spec-valid',
  severity: 'error',
  severityReason: 'The API server rejects these Services (or, for an IP as externalName, DNS answers with a name that does not resolve).',
  description: "A Service passes the API server's own rules: name, ports and port names, protocols, nodePort range, type-specific fields, session affinity, traffic policies.",
  fix: 'Change the field as the message says; ExposedService makes valid Services.',
  check: (context) => context.ofKind('Service').flatMap((service) => {
    const problems = serviceProblems(service.manifest, { nodePortRange: context.options.nodePortRange });
    // A missing name (or a generateName) is name-valid's finding, at its own severity.
    return problemViolations(service, service.name ? problems : problems.filter((p) => p.field !== 'metadata.name'));
  }),
};
