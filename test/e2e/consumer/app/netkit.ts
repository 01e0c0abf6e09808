// The library's own NetkitApp: the same charts, the same files.
import { NetkitApp } from 'cdk8s-netkit';
import { buildCharts } from './charts';

const app = new NetkitApp();
buildCharts(app);
app.synth();
