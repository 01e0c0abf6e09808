import { checkPolicies, Finding, RULES } from '../../lib';
import { container, deployment, namespace, NS } from './builders';

// The container security rules (sec-caps, sec-no-priv-esc, privileged-ports, host-network-ports): each
// branch with a failing and a passing case, the edges (port 1023/1024, hostPort 0/null), and the exact
// message, severity and fix of each finding, so that dropping a branch or blanking a text fails a test (issue 17).

const findingsOf = (objects: any[], rule: string): Finding[] => checkPolicies(objects).filter((f) => f.rule === rule);
const ruleOf = (id: string) => RULES.find((r) => r.id === id)!;
const C0 = 'spec.template.spec.containers[0]';

/** A DaemonSet (a node agent) with one container built like the Deployment's. */
function daemonSet(podSpec: any = {}, containerOverrides: any = {}): any {
  const labels = { app: 'agent' };
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: NS, labels },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container(containerOverrides)], ...podSpec } } },
  };
}

const withContainer = (overrides: any) => [namespace(), deployment('api', { container: overrides })];

describe('sec-caps', () => {
  const caps = (add: unknown) => withContainer({ securityContext: { allowPrivilegeEscalation: false, capabilities: { add } } });

  test('NET_BIND_SERVICE, with or without the CAP_ prefix, and no capabilities at all: nothing', () => {
    expect(findingsOf(caps(['NET_BIND_SERVICE']), 'sec-caps')).toEqual([]);
    expect(findingsOf(caps(['CAP_NET_BIND_SERVICE']), 'sec-caps')).toEqual([]);
    expect(findingsOf(caps([]), 'sec-caps')).toEqual([]);
    expect(findingsOf(withContainer({ securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }), 'sec-caps')).toEqual([]);
    expect(findingsOf(withContainer({ securityContext: undefined }), 'sec-caps')).toEqual([]);
  });

  test('every other capability (and a non-string) is listed in one info finding with the fix', () => {
    expect(findingsOf(caps(['NET_ADMIN', 'CAP_NET_BIND_SERVICE', 42, 'CAP_SYS_ADMIN']), 'sec-caps')).toEqual([{
      rule: 'sec-caps', severity: 'info', kind: 'Deployment', namespace: NS, name: 'api',
      message: `${C0}.securityContext.capabilities.add grants "NET_ADMIN", 42, "CAP_SYS_ADMIN".`,
      fix: 'Remove the capability from securityContext.capabilities.add, or record why with netkit.io/skip-sec-caps.',
    }]);
  });

  test('after containers that add nothing or only what is allowed, one that adds more is found; a hole in the list is skipped', () => {
    const pod = (name: string, add: unknown) => deployment(name, { container: { securityContext: { allowPrivilegeEscalation: false, capabilities: { add } } } });
    // eslint-disable-next-line no-sparse-arrays
    const objects = [namespace(), pod('a', undefined), pod('b', null), pod('c', ['NET_BIND_SERVICE']), pod('d', [, 'NET_ADMIN']), pod('e', ['NET_BIND_SERVICE'])];
    expect(findingsOf(objects, 'sec-caps').map((f) => `${f.name}: ${f.message}`)).toEqual([`d: ${C0}.securityContext.capabilities.add grants "NET_ADMIN".`]);
    // An add that is no list cannot be read: the rule says so, as it did.
    expect(findingsOf([namespace(), pod('f', 'NET_ADMIN')], 'sec-caps').map((f) => f.message)).toEqual(['could not run on these objects: added.filter is not a function.']);
  });

  test('only a leading CAP_ is stripped', () => {
    expect(findingsOf(caps(['NET_BIND_CAP_SERVICE']), 'sec-caps').map((f) => f.message)).toEqual([`${C0}.securityContext.capabilities.add grants "NET_BIND_CAP_SERVICE".`]);
  });

  test('init containers are checked too, under their own path', () => {
    const pod = deployment('api', { podSpec: { initContainers: [container({ name: 'init', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } } })] } });
    expect(findingsOf([namespace(), pod], 'sec-caps').map((f) => f.message)).toEqual(['spec.template.spec.initContainers[0].securityContext.capabilities.add grants "SYS_ADMIN".']);
  });

  test('the description names the allowed capability', () => {
    expect(ruleOf('sec-caps').description).toBe('Containers add no Linux capability other than NET_BIND_SERVICE.');
  });
});

describe('sec-no-priv-esc', () => {
  const fix = 'Set securityContext.allowPrivilegeEscalation: false and drop privileged: true (add only the capability you need instead).';

  test('a privileged app container: a warning with the fix, and nothing about allowPrivilegeEscalation', () => {
    expect(findingsOf(withContainer({ securityContext: { privileged: true } }), 'sec-no-priv-esc')).toEqual([{
      rule: 'sec-no-priv-esc', severity: 'warning', kind: 'Deployment', namespace: NS, name: 'api',
      message: `${C0}.securityContext.privileged is true: the container has every capability of the node.`, fix,
    }]);
  });

  test('a privileged node agent (DaemonSet) or init container: only advice, saying why', () => {
    expect(findingsOf([namespace(), daemonSet({}, { securityContext: { privileged: true } })], 'sec-no-priv-esc')).toEqual([{
      rule: 'sec-no-priv-esc', severity: 'info', kind: 'DaemonSet', namespace: NS, name: 'agent',
      message: `${C0}.securityContext.privileged is true: the container has every capability of the node (expected of a node agent, so only advice).`, fix,
    }]);
    const init = deployment('api', { podSpec: { initContainers: [container({ name: 'sysctl', securityContext: { privileged: true } })] } });
    expect(findingsOf([namespace(), init], 'sec-no-priv-esc').map((f) => [f.severity, f.message])).toEqual([[
      'info', 'spec.template.spec.initContainers[0].securityContext.privileged is true: the container has every capability of the node (expected of an init container tuning the node, so only advice).',
    ]]);
  });

  test('allowPrivilegeEscalation true or unset: info, saying which; false: nothing', () => {
    expect(findingsOf(withContainer({ securityContext: { allowPrivilegeEscalation: true } }), 'sec-no-priv-esc')).toEqual([{
      rule: 'sec-no-priv-esc', severity: 'info', kind: 'Deployment', namespace: NS, name: 'api',
      message: `${C0}.securityContext.allowPrivilegeEscalation is true: a setuid binary can gain privileges.`, fix,
    }]);
    expect(findingsOf(withContainer({ securityContext: undefined }), 'sec-no-priv-esc').map((f) => [f.severity, f.message])).toEqual([[
      'info', `${C0}.securityContext.allowPrivilegeEscalation is not set (so true): a setuid binary can gain privileges.`,
    ]]);
    expect(findingsOf(withContainer({ securityContext: { privileged: false, allowPrivilegeEscalation: false } }), 'sec-no-priv-esc')).toEqual([]);
  });

  test('privileged must be the boolean true; a string is read as not privileged', () => {
    expect(findingsOf(withContainer({ securityContext: { privileged: 'true', allowPrivilegeEscalation: false } }), 'sec-no-priv-esc')).toEqual([]);
  });
});

describe('privileged-ports', () => {
  const ports = (list: unknown) => withContainer({ ports: list, readinessProbe: undefined });

  test('1023 is privileged, 1024 is not; the index of the port is named', () => {
    expect(findingsOf(ports([{ containerPort: 1024, name: 'a' }, { containerPort: 1023, name: 'b' }]), 'privileged-ports')).toEqual([{
      rule: 'privileged-ports', severity: 'info', kind: 'Deployment', namespace: NS, name: 'api',
      message: `${C0}.ports[1].containerPort 1023 is a privileged port.`,
      fix: 'Listen on a high port (8080) and map it with the Service port; if the port is required, record why with netkit.io/skip-privileged-ports.',
    }]);
  });

  test('a port given as a string, or ports that are not a list: nothing', () => {
    expect(findingsOf(ports([{ containerPort: '80' }]), 'privileged-ports')).toEqual([]);
    expect(findingsOf(ports({ containerPort: 80 }), 'privileged-ports')).toEqual([]);
    expect(checkPolicies(ports('80')).filter((f) => f.rule === 'privileged-ports' || f.rule === 'host-network-ports')).toEqual([]);
  });

  test('a hole in the list is skipped, the ports after it keep their index', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(findingsOf(ports([, { containerPort: 80, name: 'http' }]), 'privileged-ports').map((f) => f.message)).toEqual([`${C0}.ports[1].containerPort 80 is a privileged port.`]);
  });
});

describe('host-network-ports', () => {
  const fix = 'Expose the pods through a Service instead; for a deliberate case (an ingress controller on bare metal) add netkit.io/skip-host-network-ports with the reason.';

  test('hostNetwork true: a warning in an app workload, info in a DaemonSet; anything else than true: nothing', () => {
    expect(findingsOf([namespace(), deployment('api', { podSpec: { hostNetwork: true } })], 'host-network-ports')).toEqual([{
      rule: 'host-network-ports', severity: 'warning', kind: 'Deployment', namespace: NS, name: 'api',
      message: "spec.template.spec.hostNetwork is true: the pods share the node's network namespace.", fix,
    }]);
    expect(findingsOf([namespace(), daemonSet({ hostNetwork: true })], 'host-network-ports').map((f) => f.severity)).toEqual(['info']);
    expect(findingsOf([namespace(), deployment('api', { podSpec: { hostNetwork: 'true' } })], 'host-network-ports')).toEqual([]);
    expect(findingsOf([namespace(), deployment('api', { podSpec: { hostNetwork: false } })], 'host-network-ports')).toEqual([]);
  });

  test('a hostPort binds the node (warning; info in a DaemonSet); 0, null or none means no host port', () => {
    const hostPorts = (...values: unknown[]) => values.map((hostPort, i) => ({ containerPort: 8080 + i, name: `p${i}`, hostPort }));
    expect(findingsOf(withContainer({ ports: hostPorts(0, null, undefined, 9000) }), 'host-network-ports')).toEqual([{
      rule: 'host-network-ports', severity: 'warning', kind: 'Deployment', namespace: NS, name: 'api',
      message: `${C0}.ports[3].hostPort 9000 binds the port on the node, so at most one such pod fits on each node.`, fix,
    }]);
    expect(findingsOf([namespace(), daemonSet({}, { ports: hostPorts(9000) })], 'host-network-ports').map((f) => f.severity)).toEqual(['info']);
    expect(findingsOf(withContainer({ ports: { hostPort: 9000 } }), 'host-network-ports')).toEqual([]);
    // eslint-disable-next-line no-sparse-arrays
    expect(findingsOf(withContainer({ ports: [, { containerPort: 8080, name: 'http', hostPort: 9000 }] }), 'host-network-ports').map((f) => f.message))
      .toEqual([`${C0}.ports[1].hostPort 9000 binds the port on the node, so at most one such pod fits on each node.`]);
  });
});
