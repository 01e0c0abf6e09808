import { ExposedService } from '../service/exposed-service';
import type { BackendObjectReference } from './types';
import { checkProps } from '../core/props';
import type { Problem } from '../core/errors';

export interface HttpRouteBackendOptions {
  /**
   * This backend's share of the rule's traffic: weight / sum of the weights (0 = none;
   * 90 and 10 for a canary, 100 and 0 for blue-green).
   * @default - 1 (the API's default; not written)
   */
  readonly weight?: number;
}

export interface ExternalHttpRouteBackendOptions extends HttpRouteBackendOptions {
  /**
   * The Service's namespace; another namespace than the route's gets a ReferenceGrant.
   * @default - the route's namespace
   */
  readonly namespace?: string;
}

/**
 * Where an HTTPRoute sends requests: a Service and one of its ports, by
 * reference. Gateway API backendRefs take a port **number** only, so a port
 * given by name is resolved through the Service here.
 */
export class HttpRouteBackend {
  /**
   * A port of an ExposedService, by number or name (resolved to its number). The HttpRoute
   * that uses the backend throws a NetkitError at its own path, naming the rule and listing
   * the Service's ports, when the Service has no such port.
   */
  public static fromService(service: ExposedService, port: number | string, options: HttpRouteBackendOptions = {}): HttpRouteBackend {
    checkProps('HttpRouteBackend.fromService()', 'HttpRouteBackendOptions', options);
    // A missing port is not refused here: the route that names it holds the mistake, and only it can say which rule.
    return new HttpRouteBackend(service.name, port, service.namespace, options.weight, service);
  }

  /** A Service defined outside this app, by name and port number; nothing about it is checked but the syntax. */
  public static fromServiceName(name: string, port: number, options: ExternalHttpRouteBackendOptions = {}): HttpRouteBackend {
    checkProps('HttpRouteBackend.fromServiceName()', 'ExternalHttpRouteBackendOptions', options);
    return new HttpRouteBackend(name, port, options.namespace, options.weight, undefined);
  }

  private constructor(
    /** The Service's name. */
    public readonly serviceName: string,
    /** The Service port as given: a number, or a name of the ExposedService's port. */
    private readonly requestedPort: number | string,
    /** The Service's namespace, when known. */
    public readonly namespace: string | undefined,
    /** The weight, when set. */
    public readonly weight: number | undefined,
    /** The ExposedService, when the backend was made from one. */
    public readonly service: ExposedService | undefined,
  ) {}

  /**
   * The Service port number (a port name resolved through the ExposedService). Throws a
   * NetkitError at the Service's path, listing its ports, when it has no such port.
   */
  public get port(): number {
    return this.service ? this.service.port(this.requestedPort).port : this.requestedPort as number;
  }

  /**
   * The problem of a port the Service lacks, reported under `field` of the
   * route that uses this backend (with the Service's path and ports); none for
   * a Service defined elsewhere, whose ports are unknown.
   */
  public portProblem(field: string): Problem | undefined {
    return this.service?.portProblem(this.requestedPort, field);
  }

  /** False when the ExposedService lacks the port ({@link portProblem} says how); a Service defined elsewhere has every port. */
  public hasPort(): boolean {
    return this.portProblem('port') === undefined;
  }

  /** The same backend with another weight. */
  public withWeight(weight: number): HttpRouteBackend {
    return new HttpRouteBackend(this.serviceName, this.requestedPort, this.namespace, weight, this.service);
  }

  /** The backendRef, with `namespace` only when it differs from the route's. */
  public toBackendRef(routeNamespace: string): BackendObjectReference & { weight?: number } {
    // Keys assigned in the written order, without object spreads (every route's backends render at construction and at synth).
    const ref: { name: string; namespace?: string; port?: number; weight?: number } = { name: this.serviceName };
    if (this.namespace !== undefined && this.namespace !== routeNamespace) ref.namespace = this.namespace;
    ref.port = this.port;
    if (this.weight !== undefined) ref.weight = this.weight;
    return ref;
  }

  /** `name:port` (with `namespace/` when known), for messages. */
  public toString(): string {
    const port = this.portProblem('port') ? this.requestedPort : this.port;
    return `${this.namespace ? `${this.namespace}/` : ''}${this.serviceName}:${port}`;
  }
}
