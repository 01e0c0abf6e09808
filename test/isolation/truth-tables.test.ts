/**
 * The evaluator against published truth tables: the Kubernetes NetworkPolicy
 * e2e tests and the cyclonus project (fixtures in truth-tables/, each with its
 * source, commit and licence). Every case compares the FULL matrix, and a
 * mismatch prints both tables.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { Endpoint, NetworkPolicyIndex, NetworkProtocol, PodEndpoint } from '../../lib/isolation';

const DIR = join(__dirname, 'truth-tables');
const load = (file: string) => parse(readFileSync(join(DIR, file), 'utf8'));

interface Model {
  readonly names: string[];
  readonly pods: Map<string, PodEndpoint>;
}

const NS_INDEX: Record<string, number> = { x: 1, y: 2, z: 3 };
const POD_INDEX: Record<string, number> = { a: 1, b: 2, c: 3 };

/** The upstream pod model: `pod: <name>` labels, one named container port per (port, protocol). */
function buildModel(c: any, ipOf: (name: string, i: number) => string): Model {
  const pods = new Map<string, PodEndpoint>();
  (c.pods as string[]).forEach((name, i) => {
    const [namespace, pod] = name.split('/');
    const containerPorts = (c.serverPorts as number[]).flatMap((port) => (c.serverProtocols as string[]).map((protocol) => ({
      name: `serve-${port}-${protocol.toLowerCase()}`, containerPort: port, protocol,
    })));
    pods.set(name, { namespace, labels: c.podLabels?.[name] ?? { pod }, ip: ipOf(name, i), containerPorts });
  });
  return { names: c.pods, pods };
}

type Peer = string | { namespace?: string; pod?: string };
const matches = (peer: Peer, name: string) => {
  if (typeof peer === 'string') return peer === name;
  const [namespace, pod] = name.split('/');
  return (peer.namespace === undefined || peer.namespace === namespace) && (peer.pod === undefined || peer.pod === pod);
};

/** Upstream's Reachability: everything allowed, then each Expect* call in order. */
function expectedMatrix(names: string[], expectations: any[]): Record<string, Record<string, boolean>> {
  const m: Record<string, Record<string, boolean>> = {};
  for (const from of names) { m[from] = {}; for (const to of names) m[from][to] = true; }
  for (const e of expectations) {
    for (const from of names) {
      for (const to of names) {
        const hit = e.allIngress !== undefined ? to === e.allIngress
          : e.allEgress !== undefined ? from === e.allEgress
            : matches(e.from, from) && matches(e.to, to);
        if (hit) m[from][to] = e.connected;
      }
    }
  }
  return m;
}

function render(names: string[], cell: (from: string, to: string) => string): string {
  return [`from\\to ${names.join(' ')}`, ...names.map((from) => `${from.padEnd(7)} ${names.map((to) => cell(from, to).padEnd(to.length)).join(' ')}`)].join('\n');
}

describe('Kubernetes e2e network policy truth tables', () => {
  const fixture = load('kubernetes-e2e-netpol.yaml');
  test('the fixture holds the upstream cases', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(50);
  });
  test.each((fixture.cases as any[]).map((c) => [c.name, c]))('%s', (_name, c: any) => {
    const model = buildModel(c, (name) => {
      const [ns, pod] = name.split('/');
      return `10.0.${NS_INDEX[ns]}.${POD_INDEX[pod]}`;
    });
    const index = new NetworkPolicyIndex(c.policies, c.namespaceLabels ?? {});
    for (const probe of c.probes) {
      const want = expectedMatrix(model.names, probe.expect);
      const got = (from: string, to: string) => index.reach({
        from: model.pods.get(from)!, to: model.pods.get(to)!, port: probe.port, protocol: probe.protocol as NetworkProtocol,
      }).allowed;
      const cell = (ok: boolean) => (ok ? '.' : 'X');
      // Loopback is ignored upstream (ignoreLoopback = true): CNIs differ on it.
      const show = (f: (a: string, b: string) => boolean) => render(model.names, (a, b) => (a === b ? '-' : cell(f(a, b))));
      expect(`${probe.port}/${probe.protocol}\n${show(got)}`).toBe(`${probe.port}/${probe.protocol}\n${show((a, b) => want[a][b])}`);
    }
  });
});

describe('cyclonus truth tables', () => {
  const fixture = load('cyclonus.yaml');
  test.each((fixture.matrixCases as any[]).map((c) => [c.name, c]))('%s', (_name, c: any) => {
    const model = buildModel(c, (_n, i) => `${c.podIpPrefix}${i + 1}`);
    const index = new NetworkPolicyIndex(c.policies, c.namespaceLabels ?? {});
    const columns = (c.columns as string[]).map((col) => { const [protocol, port] = col.split('/'); return { protocol: protocol as NetworkProtocol, port: Number(port) }; });
    const got = render(model.names, (from, to) => columns.map(({ port, protocol }) =>
      (index.reach({ from: model.pods.get(from)!, to: model.pods.get(to)!, port, protocol }).allowed ? '.' : 'X')).join(''));
    const want = render(model.names, (from, to) => c.matrix[from][model.names.indexOf(to)]);
    expect(got).toBe(want);
  });
  test.each((fixture.connectionCases as any[]).map((c) => [c.name, c]))('%s', (_name, c: any) => {
    const index = new NetworkPolicyIndex(c.policies, c.namespaceLabels ?? {});
    const verdict = index.reach({ from: c.from as Endpoint, to: c.to as Endpoint, port: c.port, protocol: c.protocol });
    expect(verdict.allowed).toBe(c.allowed);
  });
});
