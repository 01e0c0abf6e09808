import type { HttpRouteProps } from './http-route';
import type { HttpRouteRuleOptions } from './http-route-rules';

/** Route props a construct of this library made for its own routes, with nothing in them that anyone else holds. */
const sealed = new WeakSet<HttpRouteProps>();

/**
 * Marks props made inside this library (a WildcardGateway's route per app)
 * whose rules are frozen here: the route they make then renders exactly what
 * its constructor checked, until addParent or addRule (which check again), so
 * its synth-time check of the same manifest can be skipped. Frozen, because
 * the route hands its rules out (`route.rules`): a rule changed afterwards
 * would otherwise reach the YAML unchecked. Only rules without labels,
 * annotations or matches (objects a caller could keep) qualify.
 */
export function sealRouteProps(props: HttpRouteProps & { readonly rules: readonly HttpRouteRuleOptions[] }): HttpRouteProps {
  if (props.labels !== undefined || props.annotations !== undefined) return props;
  for (const rule of props.rules) {
    if (rule.matches !== undefined || rule.mirrors !== undefined || rule.redirect !== undefined || rule.rewrite !== undefined
      || rule.requestHeaders !== undefined || rule.responseHeaders !== undefined) return props;
  }
  for (const rule of props.rules) {
    if (rule.backends) Object.freeze(rule.backends);
    Object.freeze(rule);
  }
  sealed.add(props);
  return props;
}

/** True for props marked by {@link sealRouteProps}. */
export function isSealedRouteProps(props: HttpRouteProps): boolean {
  return sealed.has(props);
}
