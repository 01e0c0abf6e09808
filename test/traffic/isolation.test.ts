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
