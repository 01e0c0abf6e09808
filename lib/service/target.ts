import { IConstruct } from 'constructs';
import type { ResolvedContainerPort } from '../workload/container-ports';

/**
 * Something a Service can send traffic to: pods with known labels and ports.
 * A WebApp is one; implement it to point an ExposedService at pods made by
 * other constructs, and the targetPort checks come along.
 */
export interface IServiceTarget extends IConstruct {
  /** The labels the Service selects on. */
  readonly selector: Readonly<Record<string, string>>;
  /** The namespace of the pods, when known. */
  readonly namespace?: string;
  /** The ports the pods' containers declare. */
  readonly containerPorts: readonly ResolvedContainerPort[];
  /** The pods' `subdomain`, when set: the headless Service that gives them per-pod DNS names. */
  readonly subdomain?: string;
}
