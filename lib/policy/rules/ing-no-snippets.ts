import { Rule, RuleViolation } from '../types';

/** ingress-nginx's annotation group; `*-snippet` annotations inject raw NGINX config (CVE-2021-25742). */
const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';

export const ingNoSnippets: Rule = {
  id: 'ing-no-snippets',
  severity: 'warning',
  severityReason: 'Very likely a mistake: ingress-nginx rejects snippet annotations unless an administrator enabled them, which exposes CVE-2021-25742.',
  description: 'No ingress-nginx *-snippet annotation, and no controller ConfigMap enabling allow-snippet-annotations (raw NGINX config from any Ingress author, CVE-2021-25742).',
  fix: 'Replace the snippet with the dedicated annotation or ConfigMap option; keep allow-snippet-annotations "false".',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const ingress of context.ofKind('Ingress')) {
      for (const key of Object.keys(ingress.manifest.metadata?.annotations ?? {})) {
        if (key.startsWith(NGINX_ANNOTATION_PREFIX) && key.endsWith('-snippet')) {
          out.push({ object: ingress, message: `metadata.annotations["${key}"] injects raw NGINX configuration; ingress-nginx rejects it by default since v1.9.` });
        }
      }
    }
    for (const cm of context.ofKind('ConfigMap')) {
      if (cm.manifest.data?.['allow-snippet-annotations'] === 'true') {
        out.push({ object: cm, message: 'data["allow-snippet-annotations"] is "true": every Ingress author can inject NGINX configuration.' });
      }
    }
    return out;
  },
};
