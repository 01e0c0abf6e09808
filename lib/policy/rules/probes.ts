import { Severity } from '../types';
import { describeContainerPorts, matchContainerPort } from './describe';

/** The port a probe targets, if it targets one. */
export function probePort(probe: any): number | string | undefined {
  return probe?.httpGet?.port ?? probe?.tcpSocket?.port ?? probe?.grpc?.port;
}

/**
 * The severity of a probe of `port` on a container that does not declare it:
 * a name resolves nowhere, so every probe fails (error); a number is probed
 * anyway and is often an undeclared health or admin port (ingress-nginx's
 * 10254), so it is advice when the container declares other ports (info), and
 * nothing when it declares none.
 */
export function probePortSeverity(container: any, port: number | string): Severity | undefined {
  const match = matchContainerPort(container, port);
  if (match === 'unknown-name') return 'error';
  if (match === 'unknown-number') return 'info';
  return undefined;
}

/** The message of a probe on an undeclared port. */
export function probePortMessage(path: string, field: string, container: any, port: number | string): string {
  return `${path}.${field} probes port ${JSON.stringify(port)}, which the container does not declare (it declares ${describeContainerPorts(container.ports ?? [])})${typeof port === 'string' ? ', so the probe always fails' : ''}.`;
}
