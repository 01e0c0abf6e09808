// A stock cdk8s App: the package's constructs must work in any cdk8s app.
import { App } from 'cdk8s';
import { buildCharts } from './charts';

const app = new App();
buildCharts(app);
app.synth();
