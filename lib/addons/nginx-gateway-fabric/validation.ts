import { Problem } from '../../core/errors';
import { DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, isDns1035Label, DNS1035_RULE, isDns1123Label, isDns1123Subdomain } from '../../core/names';
import { serviceProblems } from '../../service/service-validation';
import { imageProblems, registryProblems } from '../common/image';
import { ProvisionedServiceOptions, provisionedServiceShape } from './gateway-class';
import { NginxGatewayFabricProps } from './props';
import { CONTROLLER_NAME_PREFIX } from './upstream';

/** `<name>-leader-election` is the longest name built from `name`; the Service `<name>` must be DNS-1035. */
export const MAX_NAME_LENGTH = 63 - '-leader-election'.length;

const EXPOSURES = ['NodePort', 'LoadBalancer'];
const LOG_LEVELS = ['info', 'debug', 'error'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
// GatewayClass controllerName: a domain-prefixed path (Gateway API v1.5.1 GatewayController, at most 253 characters).
const CONTROLLER_PATH = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

/**
 * Props that are wrong on their own or together, before any manifest exists.
 * The provisioned Service settings are checked by `serviceProblems` on the
 * Service NGF would create from them.
 */
export function nginxGatewayFabricPropProblems(name: string, props: NginxGatewayFabricProps): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string, value: unknown, allowed: string | undefined, fix: string) =>
    problems.push({ field, message, value, allowed, fix });

  if (!isDns1035Label(name) || name.length > MAX_NAME_LENGTH) {
    add('name', 'is not usable as the base of the object names (the control-plane Service is "<name>", the leader-election lease "<name>-leader-election").', name,
      `${DNS1035_RULE}, and at most ${MAX_NAME_LENGTH} characters`, 'pass a short name such as "nginx-gateway", or rename the construct.');
  }
  if (props.namespace !== undefined && !isDns1123Label(props.namespace)) {
    add('namespace', 'is not a valid Namespace name.', props.namespace, DNS1123_LABEL_RULE, 'use a name such as "nginx-gateway".');
  }
  if (props.gatewayClassName !== undefined && !isDns1123Subdomain(props.gatewayClassName)) {
    add('gatewayClassName', 'is not a valid GatewayClass name.', props.gatewayClassName, DNS1123_SUBDOMAIN_RULE, 'use a name such as "nginx" or "nginx-internal".');
  }
  const controllerName = props.controllerName;
  if (controllerName !== undefined) {
    const path = controllerName.slice(CONTROLLER_NAME_PREFIX.length);
    // An empty path fails CONTROLLER_PATH, which needs a character.
    if (!controllerName.startsWith(CONTROLLER_NAME_PREFIX) || controllerName.length > 253 || !CONTROLLER_PATH.test(path)) {
      add('controllerName', `is not a controller name NGF accepts: "${CONTROLLER_NAME_PREFIX}" followed by a path.`, controllerName,
        `"${CONTROLLER_NAME_PREFIX}<path>", at most 253 characters`, 'use a value such as "gateway.nginx.org/nginx-gateway-controller-internal".');
    }
  }
  if (props.exposure !== undefined && !EXPOSURES.includes(props.exposure)) {
    add('exposure', 'is not an exposure.', props.exposure, EXPOSURES.join(', '), 'use "NodePort" or "LoadBalancer".');
  }
  if (props.externalTrafficPolicy !== undefined && !TRAFFIC_POLICIES.includes(props.externalTrafficPolicy)) {
    add('externalTrafficPolicy', 'is not a traffic policy.', props.externalTrafficPolicy, TRAFFIC_POLICIES.join(', '), 'use "Cluster" or "Local".');
  }
  if (props.logLevel !== undefined && !LOG_LEVELS.includes(props.logLevel)) {
    add('logLevel', 'is not a log level NginxGateway accepts.', props.logLevel, LOG_LEVELS.join(', '), 'use "info", "debug" or "error".');
  }
  for (const field of ['replicas', 'controllerReplicas'] as const) {
    const value = props[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      add(field, 'is not a whole number of pods of at least 1.', value, '1, 2, 3…', field === 'replicas' ? 'give the number of nginx pods per Gateway.' : 'give the number of control-plane pods.');
    }
  }
  problems.push(...registryProblems('imageRegistry', props.imageRegistry));
  problems.push(...imageProblems('controllerImage', props.controllerImage));
  problems.push(...imageProblems('nginxImage', props.nginxImage));
  return problems;
}

/** What the API server would reject in the Service NGF provisions per Gateway, named by the props that set it. */
export function provisionedServiceProblems(service: ProvisionedServiceOptions, props: NginxGatewayFabricProps): Problem[] {
  const rename: Record<string, string> = {
    'spec.ports[0].nodePort': 'nodePorts.http',
    'spec.ports[1].nodePort': 'nodePorts.https',
  };
  return serviceProblems(provisionedServiceShape(service), { nodePortRange: props.nodePortRange })
    // Stryker disable next-line Regex: equivalent, the provisioned Service's field paths are fixed, all start with "spec." and hold it once.
    .map((p): Problem => ({ ...p, field: rename[p.field] ?? p.field.replace(/^spec\./, '') }));
}
