import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { checkPolicies, enforcePolicies, NetkitChart, POLICY_INFO_ENV, policyValidation, readManifests, WebApp } from '../../lib';
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

  test('makes Testing.synth throw with the construct path of the object (not the app\'s empty one), object, rule and fix', () => {
    const app = Testing.app();
    const chart = brokenChart(app);
    enforcePolicies(app);
    expect(() => Testing.synth(chart)).toThrow(/^Validation failed with the following errors:\n  \[shop\/typo\] ERROR \[svc-selector-matches-pod\] Service shop\/web: spec\.selector .*\n    Fix: Make the selector equal[^\n]*$/);
    expect(() => Testing.synth(chart)).not.toThrow(/\[\]/);
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

  test('prints warnings once in full, infos only as a count, and lets synth go on', () => {
    const app = Testing.app();
    const chart = new NetkitChart(app, 'edge', { namespace: 'edge' });
    new ApiObject(chart, 'np', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'np-printed-once' },
      spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] },
    });
    new WebApp(chart, 'tool', { image: 'busybox', port: 8080 });
    enforcePolicies(app);
    Testing.synth(chart);
    Testing.synth(chart);
    const printed = stderr.mock.calls.map((c) => String(c[0]));
    expect(printed.filter((t) => t.includes('img-pinned'))).toEqual([expect.stringMatching(/^WARNING \[img-pinned\] Deployment edge\/tool \(edge\/tool\/Deployment\): .*"busybox" has no tag/)]);
    expect(printed.filter((t) => t.includes('np-printed-once'))).toEqual([]);
    expect(printed).toContain(`cdk8s-netkit policies: 0 error(s), 1 warning(s), 1 info(s) not shown (set ${POLICY_INFO_ENV}=1, or run \`npx cdk8s-netkit check --info <dist folder>\`, to list them).\n`);
  });

  test(`${POLICY_INFO_ENV}=1 prints the infos in full`, () => {
    const app = Testing.app();
    const chart = new NetkitChart(app, 'edge', { namespace: 'edge' });
    new ApiObject(chart, 'np', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'np-shown' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } });
    enforcePolicies(app);
    process.env[POLICY_INFO_ENV] = '1';
    try {
      Testing.synth(chart);
    } finally {
      delete process.env[POLICY_INFO_ENV];
    }
    const printed = stderr.mock.calls.map((c) => String(c[0]));
    expect(printed.filter((t) => t.includes('np-shown'))).toEqual(expect.arrayContaining([expect.stringMatching(/^INFO \[svc-type-nodeport\] Service edge\/np-shown/)]));
    expect(printed.some((t) => t.includes('not shown'))).toBe(false);
  });

  test('only error findings fail the synth', () => {
    const app = Testing.app();
    const chart = new NetkitChart(app, 'edge', { namespace: 'edge' });
    // An untagged image (warning); no readiness probe, no resources, no allowPrivilegeEscalation, a privileged port,
    // a hostPort in a DaemonSet (infos): the API server accepts all of it and traffic flows.
    const labels = { app: 'web' };
    new ApiObject(chart, 'web', {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'web' },
      spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, hostPort: 80 }] }] } } },
    });
    new ApiObject(chart, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: labels, ports: [{ port: 80 }] } });
    enforcePolicies(app);
    expect(() => Testing.synth(chart)).not.toThrow();
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

  test('the validation is reused within one synth and re-run after a change; each error is reported by its object', () => {
    const app = Testing.app();
    const chart = validChart(app);
    const validation = policyValidation(app);
    expect(validation.validate()).toEqual([]);
    const late = new ApiObject(chart, 'late', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'late' }, spec: { selector: { app: 'none' }, ports: [{ port: 80 }] } });
    expect(late.node.validate()).toEqual([]);
    expect(validation.validate()).toEqual([]);
    expect(late.node.validate()).toEqual([expect.stringMatching(/^ERROR \[svc-selector-matches-pod\] Service shop\/late: /)]);
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
