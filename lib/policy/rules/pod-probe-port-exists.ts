import { containersOf } from '../context';
import { Rule, RuleViolation } from '../types';
import { probePort, probePortMessage, probePortSeverity } from './probes';

const PROBE_FIELDS = ['livenessProbe', 'startupProbe'] as const;

export const podProbePortExists: Rule = {
  id: 'pod-probe-port-exists',
  severity: 'error',
  severityReason: 'A named port that no container declares fails every probe (liveness restarts the container forever); a number the container does not declare among its ports is advice (info): health ports are often undeclared.',
  description: 'Liveness and startup probes probe a port the container declares: by name always, by number when it declares ports (readiness probes: see pod-readiness-probe).',
  fix: 'Probe a declared containerPort (by number or name), or declare the port.',
  check: (context) => {
    const out: RuleViolation[] = [];
    // Indexed loops, no iterator or destructuring, and no list of the two fields per container: this runs on every
    // container of every synth, mostly before V8 optimizes it.
    const templates = context.podTemplates;
    for (let t = 0; t < templates.length; t++) {
      const containers = containersOf(templates[t]);
      for (let c = 0; c < containers.length; c++) {
        const container = containers[c].container;
        // Stryker disable next-line EqualityOperator: equivalent, PROBE_FIELDS[length] is undefined, and container[undefined] is no probe.
        for (let f = 0; f < PROBE_FIELDS.length; f++) {
          const port = probePort(container[PROBE_FIELDS[f]]);
          if (port === undefined) continue;
          const severity = probePortSeverity(container, port);
          if (severity) out.push({ object: templates[t].owner, severity, message: probePortMessage(containers[c].path, PROBE_FIELDS[f], container, port) });
        }
      }
    }
    return out;
  },
};
