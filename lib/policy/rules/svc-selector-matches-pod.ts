import { closest } from '../suggest';
import { operatorPodsNote } from './operator-pods';
import { Rule, RuleViolation } from '../types';

export const svcSelectorMatchesPod: Rule = {
  id: 'svc-selector-matches-pod',
  severity: 'error',
  severityReason: 'Traffic cannot flow: a Service that selects no pod has no endpoints (info when the input holds no workload in its namespace, or a custom resource carrying the labels, whose operator may create the pods).',
  crossObject: true,
  description: "A Service's selector matches the pod template of at least one workload in its namespace.",
  fix: "Make the selector equal to (a subset of) the workload's pod template labels, or fix the namespace.",
  check: (context) => {
    const out: RuleViolation[] = [];
    const services = context.ofKind('Service');
    // An indexed loop, and a selector's keys counted only when it selects nothing: this runs for every Service of every synth, mostly before V8 optimizes it.
    for (let i = 0; i < services.length; i++) {
      const service = services[i];
      const spec = service.manifest.spec ?? {};
      const selector = spec.selector;
      if (spec.type === 'ExternalName' || !selector) continue;
      if (context.podsSelectedBy(service).length > 0) continue;
      // Selector-less Services (ExternalName, manual EndpointSlices) select nothing on purpose; an empty selector selects no pod either.
      if (Object.keys(selector).length === 0) continue;
      // Stryker disable next-line StringLiteral: equivalent, the context gives every namespaced object a namespace ('default' when unset).
      const namespace = service.namespace ?? 'default';
      if (!context.hasPodTemplatesIn(namespace)) {
        // The workloads live in other files, or an operator creates the pods: nothing here to judge by.
        out.push({
          object: service, severity: 'info',
          message: `cannot judge spec.selector ${JSON.stringify(selector)}: ${context.options.incompleteInput
            ? 'some files of the input were not read (templates, unreadable files) and may hold the workloads'
            : `these manifests hold no workload in namespace "${service.namespace}" (they may live elsewhere or be created by an operator)`}.`,
          fix: 'Check these manifests together with the workloads to have the selector checked.',
        });
        continue;
      }
      const operatorNote = operatorPodsNote(context, service, namespace, 'spec.selector', selector, selector);
      if (operatorNote) {
        out.push(operatorNote);
        continue;
      }
      const hints = Object.entries(selector).flatMap(([key, value]) => {
        const values = context.podLabelValues(namespace, key);
        // Stryker disable next-line ConditionalExpression: equivalent, `closest` never suggests the value itself, so a matching label gets no hint either way.
        if (values.includes(value as string)) return [];
        const near = closest(String(value), values);
        return near !== undefined ? [`${key}=${near}`] : [];
      });
      out.push({
        object: service,
        message: `spec.selector ${JSON.stringify(selector)} matches no pod template in namespace "${service.namespace}", so the Service has no endpoints.${hints.length > 0 ? ` Did you mean ${hints.join(', ')}?` : ''}`,
      });
    }
    return out;
  },
};
