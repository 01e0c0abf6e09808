import { Duration } from 'cdk8s';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import { checkProps } from '../core/props';

/** How often and how patiently a probe runs. */
export interface ProbeTimings {
  /**
   * Wait before the first probe.
   * @default - 0 s for readiness, 15 s for liveness (so a slow start is not killed)
   */
  readonly initialDelay?: Duration;
  /**
   * Time between probes.
   * @default Duration.seconds(10)
   */
  readonly period?: Duration;
  /**
   * Time after which one probe counts as failed.
   * @default Duration.seconds(1)
   */
  readonly timeout?: Duration;
  /**
   * Consecutive failures before the container is marked unready (readiness) or restarted (liveness).
   * @default 3
   */
  readonly failureThreshold?: number;
}

export interface HttpProbeOptions extends ProbeTimings {
  /**
   * Container port to probe, by number or name.
   * @default - the WebApp's first port
   */
  readonly port?: number | string;
  /**
   * @default 'HTTP'
   */
  readonly scheme?: 'HTTP' | 'HTTPS';
}

export interface TcpProbeOptions extends ProbeTimings {
  /**
   * Container port to probe, by number or name.
   * @default - the WebApp's first port
   */
  readonly port?: number | string;
}

/** The options of `Probe.exec`: only its timings. */
export interface ExecProbeOptions extends ProbeTimings {}

type ProbeAction =
  | { readonly kind: 'http'; readonly path: string; readonly port?: number | string; readonly scheme?: 'HTTP' | 'HTTPS' }
  | { readonly kind: 'tcp'; readonly port?: number | string }
  | { readonly kind: 'exec'; readonly command: readonly string[] };

/**
 * A readiness or liveness check. Ports default to the WebApp's first port, so
 * `Probe.http('/healthz')` is enough.
 */
export class Probe {
  /** An HTTP GET that succeeds on a 2xx or 3xx answer. */
  public static http(path: string, options: HttpProbeOptions = {}): Probe {
    checkProps('Probe.http()', 'HttpProbeOptions', options);
    return new Probe({ kind: 'http', path, port: options.port, scheme: options.scheme }, options);
  }

  /** A TCP connect to the port. */
  public static tcp(options: TcpProbeOptions = {}): Probe {
    checkProps('Probe.tcp()', 'TcpProbeOptions', options);
    return new Probe({ kind: 'tcp', port: options.port }, options);
  }

  /** A command run in the container; exit code 0 is success. */
  public static exec(command: string[], options: ExecProbeOptions = {}): Probe {
    checkProps('Probe.exec()', 'ExecProbeOptions', options);
    return new Probe({ kind: 'exec', command }, options);
  }

  private constructor(
    /** @internal */ public readonly _action: ProbeAction,
    /** @internal */ public readonly _timings: ProbeTimings,
  ) {}

  /** The port this probe targets, or undefined when it names none (exec, or the default port). */
  public get port(): number | string | undefined {
    return this._action.kind === 'exec' ? undefined : this._action.port;
  }

  /**
   * Renders the probe.
   * @internal
   */
  public _render(defaultPort: number | string | undefined, defaultInitialDelaySeconds: number): IProbe | undefined {
    const t = this._timings;
    const timing = {
      initialDelaySeconds: t.initialDelay?.toSeconds() ?? defaultInitialDelaySeconds,
      periodSeconds: t.period?.toSeconds() ?? 10,
      timeoutSeconds: t.timeout?.toSeconds() ?? 1,
      failureThreshold: t.failureThreshold ?? 3,
    };
    const a = this._action;
    switch (a.kind) {
      case 'exec':
        return { exec: { command: [...a.command] }, ...timing };
      case 'http': {
        const port = a.port ?? defaultPort;
        if (port === undefined) return undefined;
        return { httpGet: { path: a.path, port, scheme: a.scheme ?? 'HTTP' }, ...timing };
      }
      case 'tcp': {
        const port = a.port ?? defaultPort;
        if (port === undefined) return undefined;
        return { tcpSocket: { port }, ...timing };
      }
    }
  }
}
