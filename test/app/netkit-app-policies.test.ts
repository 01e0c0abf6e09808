import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, Chart } from 'cdk8s';
import { enforcePolicies, NetkitApp, NetkitAppProps, NetkitChart, WebApp } from '../../lib';

/** A NetkitApp with a WebApp and a hand-written Service whose selector has a typo (an error finding). */
function brokenApp(props: NetkitAppProps = {}): { app: NetkitApp; chart: Chart } {
  const app = new NetkitApp({ outdir: mkdtempSync(join(tmpdir(), 'netkit-policies-')), ...props });
  const chart = new NetkitChart(app, 'shop', { namespace: 'shop' });
  new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080 });
  new ApiObject(chart, 'typo', {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'typo' },
    spec: { selector: { 'app.kubernetes.io/name': 'wbe' }, ports: [{ port: 80, targetPort: 8080 }] },
  });
  return { app, chart };
}

describe('NetkitApp policy checks', () => {
  let stderr: jest.SpyInstance;
  const outdirs: string[] = [];
  const synth = (app: NetkitApp) => {
    outdirs.push(app.outdir);
    app.synth();
  };
  beforeEach(() => { stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true); });
  afterEach(() => {
    stderr.mockRestore();
    for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  test('run in every synth by default: an error fails it before anything is written, under the object\'s construct path', () => {
    const { app } = brokenApp();
    expect(() => synth(app)).toThrow(/\n  \[shop\/typo\] ERROR \[svc-selector-matches-pod\] Service shop\/typo: spec\.selector/);
    expect(readdirSync(app.outdir)).toEqual([]);
  });

  test('take their options from the policies prop', () => {
    const { app } = brokenApp({ policies: { disabledRules: ['svc-selector-matches-pod'] } });
    expect(() => synth(app)).not.toThrow();
    const explicit = brokenApp({ policies: true });
    expect(() => synth(explicit.app)).toThrow(/svc-selector-matches-pod/);
  });

  test('are off with policies: false, and enforcePolicies then turns them on', () => {
    const off = brokenApp({ policies: false });
    expect(() => synth(off.app)).not.toThrow();
    const optedIn = brokenApp({ policies: false });
    enforcePolicies(optedIn.app);
    expect(() => synth(optedIn.app)).toThrow(/svc-selector-matches-pod/);
  });

  test('enforcePolicies on a NetkitApp sets the options and does not check twice', () => {
    const { app } = brokenApp();
    enforcePolicies(app, { disabledRules: ['svc-selector-matches-pod'] });
    expect(() => synth(app)).not.toThrow();

    const checkedOnce = brokenApp();
    enforcePolicies(checkedOnce.app);
    let message = '';
    try {
      synth(checkedOnce.app);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.match(/ERROR \[svc-selector-matches-pod\]/g)).toHaveLength(1);
    expect(() => enforcePolicies(checkedOnce.app)).toThrow(/enforcePolicies: was already called for this app/);
  });
});
