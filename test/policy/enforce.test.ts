import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { checkPolicies, enforcePolicies, NetkitChart, policyValidation, readManifests, WebApp } from '../../lib';
// The setup module users add to setupFilesAfterEnv.
import '../../lib/policy/jest-setup';

/** A chart with a WebApp and a hand-written Service whose selector has a typo. */
function brokenChart(app: App): Chart {
  const chart = new NetkitChart(app, 'shop', { namespace: 'shop' });
  new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080 });
  new ApiObject(chart, 'typo', {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' },
    spec: { selector: { 'app.kubernetes.io/name': 'wbe' }, ports: [{ port: 80, targetPort: 8080 }] },
  });
  return chart;
}

function validChart(app: App): Chart {
  const chart = new NetkitChart(app, 'shop', { namespace: 'shop' });
  new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080 }).expose('web-service', { name: 'web', port: 80 });
  return chart;
}

describe('checkPolicies on constructs', () => {
  test('findings carry the construct path of the object', () => {
    const findings = checkPolicies(brokenChart(Testing.app()));
    expect(findings).toEqual([expect.objectContaining({
      rule: 'svc-selector-matches-pod', severity: 'error', kind: 'Service', namespace: 'shop', name: 'web', constructPath: 'shop/typo',
    })]);
  });

  test('a valid chart has no finding at all', () => {
    expect(checkPolicies(validChart(Testing.app()))).toEqual([]);
  });

  test('the example app (dist/) has no finding above info', () => {
    const findings = checkPolicies(readManifests([join(__dirname, '..', '..', 'dist')]), { externalIngressClasses: ['nginx'] });
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('enforcePolicies', () => {
  let stderr: jest.SpyInstance;
  beforeEach(() => { stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true); });
  afterEach(() => stderr.mockRestore());

  test('makes Testing.synth throw with the construct path, object, rule and fix', () => {
    const app = Testing.app();
    const chart = brokenChart(app);
    enforcePolicies(app);
    expect(() => Testing.synth(chart)).toThrow(/cdk8s-netkit policies found 1 error\(s\); nothing was written:\nERROR \[svc-selector-matches-pod\] Service shop\/web \(shop\/typo\): spec\.selector .*\n    Fix: Make the selector equal/);
  });

  test('makes app.synth() fail before any manifest is written', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'netkit-policy-'));
    try {
      const app = new App({ outdir });
      brokenChart(app);
      enforcePolicies(app);
      expect(() => app.synth()).toThrow(/svc-selector-matches-pod/);
      expect(readdirSync(outdir)).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('prints warnings and infos once and lets synth go on', () => {
    const app = Testing.app();
    const chart = new NetkitChart(app, 'edge', { namespace: 'edge' });
    new ApiObject(chart, 'np', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'np-printed-once' },
      spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] },
    });
    enforcePolicies(app);
    Testing.synth(chart);
    Testing.synth(chart);
    const printed = stderr.mock.calls.map((c) => String(c[0])).filter((t) => t.includes('np-printed-once'));
    expect(printed).toEqual([expect.stringMatching(/^INFO \[svc-type-nodeport\] Service edge\/np-printed-once \(edge\/np\)/)]);
  });

  test('can be called once per app', () => {
    const app = Testing.app();
    enforcePolicies(app);
    expect(() => enforcePolicies(app, { disabledRules: ['img-pinned'] }))
      .toThrow('[app] enforcePolicies: was already called for this app. Fix: call enforcePolicies once, with all the options.');
  });

  test('passes its options on', () => {
    const app = Testing.app();
    const chart = brokenChart(app);
    enforcePolicies(app, { disabledRules: ['svc-selector-matches-pod'] });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('the validation is reused within one synth and re-run after a change', () => {
    const app = Testing.app();
    const chart = validChart(app);
    const validation = policyValidation(app);
    expect(validation.validate()).toEqual([]);
    new ApiObject(chart, 'late', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'late' }, spec: { selector: { app: 'none' }, ports: [{ port: 80 }] } });
    expect(validation.validate()).toEqual([expect.stringMatching(/Service shop\/late/)]);
  });
});

describe('toPassPolicies', () => {
  test('passes on a valid chart', () => {
    expect(validChart(Testing.app())).toPassPolicies();
  });

  test('fails on a broken chart, listing the findings', () => {
    const chart = brokenChart(Testing.app());
    expect(() => expect(chart).toPassPolicies()).toThrow(/found 1:\nERROR \[svc-selector-matches-pod\] Service shop\/web \(shop\/typo\)/);
  });

  test('failOn lowers the bar to warnings or infos', () => {
    const objects = [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'np', namespace: 'default' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } }];
    expect(objects).toPassPolicies();
    expect(objects).toPassPolicies({ failOn: 'warning' });
    expect(() => expect(objects).toPassPolicies({ failOn: 'info' })).toThrow(/svc-type-nodeport/);
  });
});
