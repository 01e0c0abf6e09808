import { renderMarkdown, renderMermaid, trafficMap } from '../../lib';
import { validApp } from '../policy/builders';
import { ALLOW_CONTROLLER, DEFAULT_DENY, ingressController } from '../policy/isolation-cases';

const netpolOf = (name: string) => ({ ...ALLOW_CONTROLLER, metadata: { ...ALLOW_CONTROLLER.metadata, name } });

const app = [...validApp(), ...ingressController()];

describe('traffic map with NetworkPolicies', () => {
  test('without NetworkPolicies the map has no isolation key and the markdown no section', () => {
    const map = trafficMap(app);
    expect('isolation' in map).toBe(false);
    expect(renderMarkdown(map)).not.toContain('## NetworkPolicies');
    expect(renderMermaid(map)).not.toContain('linkStyle');
  });

  test('an allowed path names the policy that allows it', () => {
    const map = trafficMap([...app, DEFAULT_DENY, ALLOW_CONTROLLER]);
    expect(map.isolation).toEqual([{
      via: 'Ingress shop/web', source: 'the ingress controller (Deployment ingress-nginx/ingress-nginx-controller)',
      serviceNamespace: 'shop', service: 'web', podsKind: 'Deployment', podsName: 'web', port: '8080/TCP',
      verdict: 'allowed', reason: 'allowed by NetworkPolicy shop/allow-ingress-controller',
    }]);
    const mermaid = renderMermaid(map);
    expect(mermaid).toMatch(/n_svc_shop_web -->\|"allowed by NetworkPolicy<br\/>allow-ingress-controller"\| n_pods_shop_Deployment_web/);
    expect(mermaid).not.toContain('linkStyle');
    expect(renderMarkdown(map)).toContain('| Ingress shop/web | the ingress controller (Deployment ingress-nginx/ingress-nginx-controller) | Service shop/web → Deployment web | 8080/TCP | allowed | allowed by NetworkPolicy shop/allow-ingress-controller |');
  });

  test('each namespace with policies says what is isolated and lists what its policies let through; everything else is blocked', () => {
    const allows = { ...ALLOW_CONTROLLER, metadata: { ...ALLOW_CONTROLLER.metadata, annotations: { 'netkit.io/allows': 'Ingress web → Service web:80 → pods app=web:8080' } } };
    const map = trafficMap([...app, DEFAULT_DENY, allows]);
    expect(map.isolatedNamespaces).toEqual([{
      namespace: 'shop', isolated: 'ingress of every pod (default-deny)',
      policies: [{ name: 'allow-ingress-controller', says: 'Ingress web → Service web:80 → pods app=web:8080' }, { name: 'default-deny' }],
    }]);
    const markdown = renderMarkdown(map);
    expect(markdown).toContain('**Namespace shop**: isolated: ingress of every pod (default-deny). Only what these policies allow gets through; everything else is blocked.');
    expect(markdown).toContain('- `allow-ingress-controller`: Ingress web → Service web:80 → pods app=web:8080');
    // Without a policy selecting every pod, only some pods are isolated: nothing is said to be blocked.
    const partial = trafficMap([...app, allows]);
    expect(partial.isolatedNamespaces?.[0].isolated).toBe('some pods (no policy selects them all)');
    expect(renderMarkdown(partial)).not.toContain('everything else is blocked');
    expect('isolatedNamespaces' in trafficMap(app)).toBe(false);
  });

  test('a blocked path is drawn dotted and red, with the policy that blocks it', () => {
    const map = trafficMap([...app, DEFAULT_DENY]);
    expect(map.isolation?.[0]).toMatchObject({ verdict: 'blocked', reason: expect.stringMatching(/^the ingress of Deployment shop\/web is isolated by NetworkPolicy shop\/default-deny/) });
    const chart = renderMermaid(map).split('### Namespace shop')[1];
    const edges = chart.split('\n').filter((l) => / -->| -\.->| -\.-/.test(l));
    const index = edges.findIndex((l) => l.includes('-.->|"blocked by NetworkPolicy<br/>default-deny"| n_pods_shop_Deployment_web'));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(chart).toContain(`  linkStyle ${index} stroke:#d32f2f,color:#d32f2f`);
  });

  test('a path whose routing pods are not in the manifests is unknown, naming who would send', () => {
    const map = trafficMap([...validApp(), DEFAULT_DENY]);
    expect(map.isolation?.[0]).toMatchObject({ source: 'the ingress controller of class "nginx"', verdict: 'unknown' });
    expect(renderMermaid(map)).toContain('n_svc_shop_web -->|"isolated; source not<br/>in these manifests"| n_pods_shop_Deployment_web');
  });

  test('edge labels list each policy on its own line, without the diagram\'s namespace, at most 40 characters', () => {
    const longName = netpolOf('allow-web-from-the-ingress-controller-of-class-nginx');
    const map = trafficMap([...app, DEFAULT_DENY, ALLOW_CONTROLLER, longName]);
    const label = /n_svc_shop_web -->\|"([^"]*)"\| n_pods_shop_Deployment_web/.exec(renderMermaid(map))![1];
    expect(label).toBe('allowed by NetworkPolicy<br/>allow-ingress-controller<br/>allow-web-from-the-ingress-controller-o…');
  });
});
