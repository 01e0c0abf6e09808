import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Testing } from 'cdk8s';
import { checkPolicies, enforcePolicies, NetkitApp, NetkitChart, NginxGatewayFabric, RULES, toPassPolicies } from '../../lib';
import { main } from '../../lib/cli/main';
import { runRules } from '../../lib/policy/engine';
import { PolicyContext } from '../../lib/policy/context';
import { errorOf } from '../helpers/errors';
import { NS, service, validApp } from './builders';

const ALL_IDS = RULES.map((r) => r.id).join(', ');
const typo = { field: 'disabledRules[1]', message: 'is not a policy rule id, so it turns nothing off.', value: 'svc-selector-matches-pods', allowed: ALL_IDS, fix: 'did you mean "svc-selector-matches-pod"?' };
const typoService = () => ({ ...service('typo', { selector: { 'app.kubernetes.io/name': 'wbe' } }), metadata: { name: 'typo', namespace: NS } });

describe('an unknown rule id is refused wherever rule ids are named', () => {
  test('checkPolicies: disabledRules with a typo is refused with every id and the closest; a known id disables its rule', () => {
    const e = errorOf(() => checkPolicies(validApp(), { disabledRules: ['pod-resources', 'svc-selector-matches-pods'] }));
    expect(e.path).toBe('checkPolicies()');
    expect(e.problems).toEqual([typo]);
    expect(errorOf(() => checkPolicies(validApp(), { disabledRules: ['nothing-like-it'] })).problems[0].fix)
      .toBe('use the id a finding reports (the rules table in docs/policy.md lists them all).');
    const objects = [...validApp(), typoService()];
    expect(checkPolicies(objects).some((f) => f.rule === 'svc-selector-matches-pod')).toBe(true);
    expect(checkPolicies(objects, { disabledRules: ['svc-selector-matches-pod'] }).some((f) => f.rule === 'svc-selector-matches-pod')).toBe(false);
  });

  test('runRules: the ids of a custom rule set are known too', () => {
    const custom = { id: 'team-owner', severity: 'warning' as const, severityReason: 'r', description: 'd', fix: 'f', check: () => [] };
    const context = new PolicyContext([], {});
    expect(runRules(context, [custom], { disabledRules: ['team-owner', 'pod-resources'] })).toEqual([]);
    expect(errorOf(() => runRules(context, [custom], { disabledRules: ['team-ownr'] })).problems[0]).toMatchObject({ field: 'disabledRules[0]', value: 'team-ownr', fix: 'did you mean "team-owner"?' });
  });

  test('NetkitApp policies.disabledRules and enforcePolicies refuse a typo at construction, at the app', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'netkit-rule-ids-'));
    try {
      const e = errorOf(() => new NetkitApp({ outdir, policies: { disabledRules: ['pod-resources', 'svc-selector-matches-pods'] } }));
      expect(e.path).toBe('app');
      expect(e.problems).toEqual([{ ...typo, field: 'policies.disabledRules[1]' }]);
      expect(new NetkitApp({ outdir, policies: { disabledRules: ['pod-resources'] } }).outdir).toBe(outdir);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    const app = new App();
    expect(errorOf(() => enforcePolicies(app, { disabledRules: ['gw-spec-vaild'] })).problems[0]).toMatchObject({ field: 'disabledRules[0]', value: 'gw-spec-vaild', fix: 'did you mean "gw-spec-valid"?' });
    enforcePolicies(app, { disabledRules: ['gw-spec-valid'] });
  });

  test('check --disable refuses a typo with the same message as the API: the id, every rule and the closest', async () => {
    const io = { outText: '', errText: '', out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; } };
    expect(await main(['check', '--disable', 'pod-resources', '--disable', 'pod-resource', 'dist/'], io)).toBe(2);
    expect(io.errText).toBe('cdk8s-netkit check: --disable: is not a policy rule id, so it turns nothing off. Got: "pod-resource".'
      + ` Allowed: ${ALL_IDS}. Fix: did you mean "pod-resources"?\n`);
    const far = { outText: '', errText: '', out: (t: string) => { far.outText += t; }, err: (t: string) => { far.errText += t; } };
    expect(await main(['check', '--disable', 'nothing-like-it', 'dist/'], far)).toBe(2);
    expect(far.errText).toContain('Fix: use the id a finding reports (the rules table in docs/policy.md lists them all).');
  });

  test('a skip annotation naming no rule is reported with the closest id', () => {
    const skip = (key: string) => [...validApp(), { ...service('np'), metadata: { name: 'np', namespace: NS, annotations: { [key]: 'because' } } }];
    const findings = checkPolicies(skip('netkit.io/skip-svc-type-nodeprot')).filter((f) => f.rule === 'skip-has-reason');
    expect(findings.map((f) => [f.severity, f.message, f.fix])).toEqual([[
      'warning', 'metadata.annotations["netkit.io/skip-svc-type-nodeprot"] skips "svc-type-nodeprot", which is not a rule, so it skips nothing.', 'Did you mean netkit.io/skip-svc-type-nodeport?',
    ]]);
    expect(checkPolicies(skip('netkit.io/skip-svc-type-nodeport')).filter((f) => f.rule === 'skip-has-reason')).toEqual([]);
  });

  test('skipPolicy on an add-on refuses an id that is no rule', () => {
    const install = new NginxGatewayFabric(new NetkitChart(Testing.app(), 'cluster'), 'ngf');
    const e = errorOf(() => install.skipPolicy(install.service, 'svc-type-nodeprot', 'bare metal'));
    expect(e.path).toBe('cluster/ngf');
    expect(e.problems).toEqual([{ field: 'ruleId', message: 'is not a policy rule id, so it turns nothing off.', value: 'svc-type-nodeprot', allowed: ALL_IDS, fix: 'did you mean "svc-type-nodeport"?' }]);
    install.skipPolicy(install.service, 'svc-type-nodeport', 'bare metal');
  });

  test('toPassPolicies refuses a failOn that is no severity (it would let every finding pass)', () => {
    const e = errorOf(() => toPassPolicies(validApp(), { failOn: 'erorr' as any }));
    expect(e.message).toBe('[toPassPolicies()] failOn: is not a severity, so no finding would fail the assertion. Got: "erorr". Allowed: error, warning, info. Fix: did you mean "error"?');
    expect(toPassPolicies([...validApp(), typoService()], { failOn: 'error' }).pass).toBe(false);
  });
});
