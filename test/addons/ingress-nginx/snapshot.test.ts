import { synthInstall } from './helpers';

// Snapshots catch any unplanned change in the rendered install; the other tests say which fields matter.
describe('IngressNginx snapshots', () => {
  test('bare-metal defaults with the tutorials\' node ports', () => {
    expect(synthInstall({ nodePorts: { http: 30080, https: 30443 } }).objects).toMatchSnapshot();
  });

  test('cloud', () => {
    expect(synthInstall({ provider: 'cloud' }).objects).toMatchSnapshot();
  });

  test('host network DaemonSet without the webhook', () => {
    expect(synthInstall({ exposure: 'HostNetwork', admissionWebhook: false }).objects).toMatchSnapshot();
  });
});
