import { ApiObject, App, Testing } from 'cdk8s';
import { NetkitChart, NetkitError, collectWarnings, addWarning, synthesizedObjects, markClusterScoped, podSecurityLabels } from '../../lib';

describe('NetkitChart', () => {
  test('declares its Namespace first, without a namespace of its own', () => {
    const chart = new NetkitChart(new App(), 'dev', { namespace: 'dev', namespaceLabels: { team: 'blue' } });
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    const [ns, cm] = Testing.synth(chart);
    expect(ns).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev', labels: { 'team': 'blue', 'app.kubernetes.io/managed-by': 'cdk8s-netkit', ...podSecurityLabels('baseline') } } });
    expect(cm.metadata.namespace).toBe('dev');
  });

  test.each(['default', 'kube-system', 'kube-public', 'kube-node-lease'])('does not declare the built-in namespace %s', (namespace) => {
    const chart = new NetkitChart(new App(), 'c', { namespace });
    expect(chart.namespaceObject).toBeUndefined();
  });

  test('createNamespace overrides the default', () => {
    expect(new NetkitChart(new App(), 'c', { namespace: 'dev', createNamespace: false }).namespaceObject).toBeUndefined();
  });

  test('never stamps the namespace on cluster-scoped kinds', () => {
    const chart = new NetkitChart(new App(), 'c', { namespace: 'dev' });
    new ApiObject(chart, 'role', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } });
    new ApiObject(chart, 'class', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' } });
    for (const obj of Testing.synth(chart)) {
      if (obj.kind !== 'ClusterRole' && obj.kind !== 'IngressClass' && obj.kind !== 'Namespace') continue;
      expect(obj.metadata.namespace).toBeUndefined();
    }
  });

  test('markClusterScoped works in a plain cdk8s Chart too', () => {
    const app = new App();
    const { Chart } = require('cdk8s');
    const chart = new Chart(app, 'plain', { namespace: 'x' });
    const obj = new ApiObject(chart, 'class', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' } });
    markClusterScoped(obj);
    expect(Testing.synth(chart)[0].metadata.namespace).toBeUndefined();
  });

  test('generated names carry no hash', () => {
    const chart = new NetkitChart(new App(), 'c', { namespace: 'dev' });
    const obj = new ApiObject(chart, 'my-config', { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(obj.name).toBe('c-my-config');
  });

  test('rejects an invalid namespace, and createNamespace without one', () => {
    expect(() => new NetkitChart(new App(), 'c', { namespace: 'Dev_Team' })).toThrow(/\[c\] namespace: is not a valid Namespace name\. Got: "Dev_Team"/);
    expect(() => new NetkitChart(new App(), 'c', { createNamespace: true })).toThrow(NetkitError);
    expect(() => new NetkitChart(new App(), 'c', { createNamespace: true })).toThrow(/createNamespace: is true but the chart has no namespace/);
  });
});

describe('synthesizedObjects', () => {
  test('lists every object with its construct path and chart, cluster-scoped without namespace', () => {
    const app = new App();
    const chart = new NetkitChart(app, 'dev', { namespace: 'dev' });
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    const objects = synthesizedObjects(app);
    expect(objects.map((o) => [o.manifest.kind, o.manifest.metadata.namespace, o.constructPath, o.chart])).toEqual([
      ['Namespace', undefined, 'dev/Namespace', 'dev'],
      ['ConfigMap', 'dev', 'dev/cm', 'dev'],
    ]);
  });
});

describe('warnings', () => {
  test('are collected and printed once at synth', () => {
    const app = new App();
    const chart = new NetkitChart(app, 'c', { namespace: 'dev' });
    addWarning(chart, 'first thing');
    addWarning(chart, 'second thing');
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      Testing.synth(chart);
      Testing.synth(chart);
      const printed = write.mock.calls.map((c) => String(c[0]));
      expect(printed).toEqual(['[WARNING] [c] first thing\n', '[WARNING] [c] second thing\n']);
    } finally {
      write.mockRestore();
    }
    expect(collectWarnings(app)).toEqual([{ path: 'c', message: 'first thing' }, { path: 'c', message: 'second thing' }]);
  });
});

describe('NetkitChart children table', () => {
  // The table is a dictionary-mode object (see useChildTable); it must behave as constructs' plain `{}`.
  test('finds, lists and rejects children as a plain Chart does', () => {
    const { Chart } = require('cdk8s');
    const app = new App();
    const netkit = new NetkitChart(app, 'netkit');
    const plain = new Chart(app, 'plain');
    for (const chart of [netkit, plain]) {
      const b = new ApiObject(chart, 'b', { apiVersion: 'v1', kind: 'ConfigMap' });
      const a = new ApiObject(chart, 'a', { apiVersion: 'v1', kind: 'ConfigMap' });
      expect(chart.node.children).toEqual([b, a]);
      expect(chart.node.tryFindChild('a')).toBe(a);
      expect(chart.node.tryFindChild('missing')).toBeUndefined();
      expect(chart.node.tryRemoveChild('b')).toBe(true);
      expect(chart.node.children).toEqual([a]);
      expect(Object.getPrototypeOf((chart.node as any)._children)).toBe(Object.prototype);
    }
    const duplicate = (chart: any) => () => new ApiObject(chart, 'a', { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(duplicate(netkit)).toThrow(/There is already a Construct with name 'a' in NetkitChart \[netkit\]/);
    expect(duplicate(plain)).toThrow(/There is already a Construct with name 'a' in Chart \[plain\]/);
    // An id that names an Object.prototype member: the same outcome as stock.
    const outcome = (chart: any, type: string) => {
      try {
        new ApiObject(chart, 'constructor', { apiVersion: 'v1', kind: 'ConfigMap' });
        return 'created';
      } catch (e) {
        return (e as Error).message.replace(`${type} [${chart.node.id}]`, '<chart>');
      }
    };
    expect(outcome(netkit, 'NetkitChart')).toBe(outcome(plain, 'Chart'));
  });
});
