import type { IIngressBackend } from 'kubernetes-models/networking.k8s.io/v1/IngressBackend';
import { ExposedService } from '../service/exposed-service';
import { checkProps } from '../core/props';
import type { Problem } from '../core/errors';

/** A Service defined outside this app, referenced by name. */
export interface ExternalServiceBackendOptions {
  /**
   * The Service's namespace, when it is known; an Ingress in another namespace is then an error.
   * @default - assumed to be the Ingress's namespace
   */
  readonly namespace?: string;
}

/**
 * Where an Ingress sends a request: a Service and one of its ports. Made from
 * an {@link ExposedService} (the port is checked against the Service) or, as
 * an escape hatch, from the name of a Service defined elsewhere.
 */
export class IngressBackend {
  /**
   * A port of an ExposedService, by number or name. The Ingress that uses the
   * backend throws a NetkitError at its own path, naming the rule and listing
   * the Service's ports, when the Service has no such port.
   * A name is written as `port.name` (it must then be at most 15 characters), a number as `port.number`.
   */
  public static fromService(service: ExposedService, port: number | string): IngressBackend {
    // Not checked here: the Ingress that names the port holds the mistake, and only it can say which rule.
    return new IngressBackend(service.name, port, service.namespace, service);
  }

  /** A Service defined outside this app, by name and port (number or name); nothing about it is checked but the syntax. */
  public static fromServiceName(name: string, port: number | string, options: ExternalServiceBackendOptions = {}): IngressBackend {
    checkProps('IngressBackend.fromServiceName()', 'ExternalServiceBackendOptions', options);
    return new IngressBackend(name, port, options.namespace, undefined);
  }

  private constructor(
    /** The Service's name. */
    public readonly serviceName: string,
    /** The Service port, by number or name. */
    public readonly port: number | string,
    /** The Service's namespace, when known. */
    public readonly namespace: string | undefined,
    /** The ExposedService, when the backend was made from one. */
    public readonly service: ExposedService | undefined,
  ) {}

  /**
   * The problem of a port the Service lacks, reported under `field` of the
   * Ingress that uses this backend (with the Service's path and ports); none
   * for a Service defined elsewhere, whose ports are unknown.
   */
  public portProblem(field: string): Problem | undefined {
    return this.service?.portProblem(this.port, field);
  }

  /** The `backend` field of an Ingress path or `spec.defaultBackend`. */
  public toJson(): IIngressBackend {
    const port = typeof this.port === 'number' ? { number: this.port } : { name: this.port };
    return { service: { name: this.serviceName, port } };
  }

  /** `name:port`, for messages. */
  public toString(): string {
    return `${this.serviceName}:${this.port}`;
  }
}
