import { Testing } from 'cdk8s';
import { NetkitChart, WebApp, enforcePolicies } from '../lib';
const app = Testing.app();
enforcePolicies(app);
const chart = new NetkitChart(app, 'dev', { namespace: 'dev' });
const w = new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080 });
w.deployment.addJsonPatch({ op: 'add', path: '/spec/template/spec/containers/0/env', value: [{ name: 'A=B', value: 'x' }] } as any);
try { app.synth(); console.log('accepted'); } catch (e) { console.log((e as Error).message.slice(0, 400)); }
