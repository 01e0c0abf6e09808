import { ExposedService } from '../service/exposed-service';
import type { BackendObjectReference } from './types';
import { checkProps } from '../core/props';

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
   * A port of an ExposedService, by number or name (resolved to its number). Throws a
   * NetkitError listing the Service's ports when it has no such port.
   */
  public static fromService(service: ExposedService, port: number | string, options: HttpRouteBackendOptions = {}): HttpRouteBackend {
    checkProps('HttpRouteBackend.fromService()', 'HttpRouteBackendOptions', options);
    return new HttpRouteBackend(service.name, service.port(port).port, service.namespace, options.weight, service);
  }

  /** A Service defined outside this app, by name and port number; nothing about it is checked but the syntax. */
  public static fromServiceName(name: string, port: number, options: ExternalHttpRouteBackendOptions = {}): HttpRouteBackend {
    checkProps('HttpRouteBackend.fromServiceName()', 'ExternalHttpRouteBackendOptions', options);
    return new HttpRouteBackend(name, port, options.namespace, options.weight, undefined);
  }

  private constructor(
    /** The Service's name. */
    public readonly serviceName: string,
    /** The Service port number. */
    public readonly port: number,
    /** The Service's namespace, when known. */
    public readonly namespace: string | undefined,
    /** The weight, when set. */
    public readonly weight: number | undefined,
    /** The ExposedService, when the backend was made from one. */
    public readonly service: ExposedService | undefined,
  ) {}

  /** The same backend with another weight. */
  public withWeight(weight: number): HttpRouteBackend {
    return new HttpRouteBackend(this.serviceName, this.port, this.namespace, weight, this.service);
  }

  /** The backendRef, with `namespace` only when it differs from the route's. */
  public toBackendRef(routeNamespace: string): BackendObjectReference & { weight?: number } {
    return {
      name: this.serviceName,
      ...(this.namespace !== undefined && this.namespace !== routeNamespace ? { namespace: this.namespace } : {}),
      port: this.port,
      ...(this.weight !== undefined ? { weight: this.weight } : {}),
    };
  }

  /** `name:port` (with `namespace/` when known), for messages. */
  public toString(): string {
    return `${this.namespace ? `${this.namespace}/` : ''}${this.serviceName}:${this.port}`;
  }
}
