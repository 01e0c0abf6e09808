import { Duration } from 'cdk8s';
import type { ILifecycleHandler } from 'kubernetes-models/v1/LifecycleHandler';
import { Problem } from '../core/errors';

/** How a WebApp's pods stop without dropping the requests still routed to them. */
export interface GracefulShutdownOptions {
  /**
   * How long a stopping container keeps serving before it gets SIGTERM. When a
   * pod is told to stop, its endpoint is removed from the EndpointSlices, and
   * kube-proxy, ingress controllers, Gateway data planes and cloud load
   * balancers stop sending it requests a moment later, each on its own
   * schedule; during that moment new requests still arrive. `Duration.seconds(0)`
   * for no pause.
   * @default Duration.seconds(10)
   */
  readonly preStopDelay?: Duration;
  /**
   * `terminationGracePeriodSeconds`: the whole time from the stop signal to
   * SIGKILL, the pause included. It must be longer than the pause, or the
   * container is killed with requests in flight.
   * @default - preStopDelay + 30 s (the time Kubernetes gives a container by default to finish after SIGTERM)
   */
  readonly terminationGracePeriod?: Duration;
}

/** The pause before SIGTERM when none is given. */
export const DEFAULT_PRE_STOP_DELAY = Duration.seconds(10);
/** What the process gets after SIGTERM by default: Kubernetes' own default grace period. */
const SHUTDOWN_AFTER_SIGTERM_SECONDS = 30;
/** Kubernetes' default terminationGracePeriodSeconds. */
export const KUBERNETES_DEFAULT_GRACE_SECONDS = 30;

/** The pause and grace period after defaults, in whole seconds. */
export interface ResolvedShutdown {
  readonly preStopSeconds: number;
  readonly gracePeriodSeconds: number;
}

/** Defaults applied and units checked (both are whole seconds in the API). */
export function resolveGracefulShutdown(options: GracefulShutdownOptions): { shutdown: ResolvedShutdown; problems: Problem[] } {
  const problems: Problem[] = [];
  const seconds = (name: keyof GracefulShutdownOptions, duration: Duration) => {
    const value = duration.toSeconds({ integral: false });
    if (Number.isInteger(value) && value >= 0) return value;
    problems.push({ field: `gracefulShutdown.${name}`, message: 'is not a whole number of seconds, which is all the API can express.', value: `${value}s`, allowed: 'whole seconds, 0 or more', fix: 'use Duration.seconds(n).' });
    return 0;
  };
  const preStopSeconds = seconds('preStopDelay', options.preStopDelay ?? DEFAULT_PRE_STOP_DELAY);
  const gracePeriodSeconds = options.terminationGracePeriod !== undefined
    ? seconds('terminationGracePeriod', options.terminationGracePeriod)
    : preStopSeconds + SHUTDOWN_AFTER_SIGTERM_SECONDS;
  return { shutdown: { preStopSeconds, gracePeriodSeconds }, problems };
}

/**
 * The preStop pause. The `sleep` action (PodLifecycleSleepAction: beta and on
 * by default from Kubernetes 1.30, GA in 1.34) runs in the kubelet, so it works
 * for images without a shell or a `sleep` binary (distroless, scratch); before
 * 1.30 only an exec of `sleep` can pause, which such images cannot run.
 */
export function preStopPause(seconds: number, sleepAction: boolean): ILifecycleHandler {
  return sleepAction ? { sleep: { seconds } } : { exec: { command: ['sleep', String(seconds)] } };
}

/** `sleep 10`, `/bin/sleep 10s`, `sh -c "sleep 5 && nginx -s quit"`: the pause an exec hook starts with. */
const EXEC_SLEEP = /^(?:\S*\/)?sleep\s+(\d+)s?(?:\s|;|&|$)/;

/**
 * How long a container's preStop hook pauses, in seconds: the `sleep` action,
 * or an exec that starts with `sleep N` (directly or through `sh -c`).
 * undefined when there is no hook or its length cannot be known.
 */
export function preStopSeconds(container: any): number | undefined {
  const preStop = container?.lifecycle?.preStop;
  if (typeof preStop?.sleep?.seconds === 'number') return preStop.sleep.seconds;
  const command = preStop?.exec?.command;
  if (!Array.isArray(command) || command.some((part) => typeof part !== 'string')) return undefined;
  const shell = /(?:^|\/)(?:ba|da)?sh$/.test(command[0] ?? '') && command[1] === '-c';
  const match = EXEC_SLEEP.exec((shell ? command[2] ?? '' : command.join(' ')).trim());
  return match ? Number(match[1]) : undefined;
}

/**
 * A preStop pause that is not shorter than the grace period: the API server
 * rejects a `sleep` action longer than `terminationGracePeriodSeconds`, and at
 * equal length (or with an exec sleep) the kubelet SIGKILLs the container
 * before the application had any time to finish its requests.
 */
export function preStopProblems(podSpec: any, specPath: string): Problem[] {
  const problems: Problem[] = [];
  const containers = podSpec?.containers;
  if (!Array.isArray(containers)) return problems;
  const grace = typeof podSpec.terminationGracePeriodSeconds === 'number' ? podSpec.terminationGracePeriodSeconds : KUBERNETES_DEFAULT_GRACE_SECONDS;
  // An indexed loop, and the grace period's text only for a finding: the policy check runs this for every
  // pod template of every synth, mostly before V8 optimizes it.
  // Stryker disable next-line EqualityOperator: equivalent, one past the end reads undefined, which has no preStop pause
  for (let i = 0; i < containers.length; i++) {
    const container = containers[i];
    const pause = preStopSeconds(container);
    if (pause === undefined || pause < grace) continue;
    const graceText = `terminationGracePeriodSeconds ${grace}${podSpec.terminationGracePeriodSeconds === undefined ? ' (the default)' : ''}`;
    const isSleepAction = container.lifecycle.preStop.sleep !== undefined;
    problems.push({
      field: `${specPath}.containers[${i}].lifecycle.preStop`,
      message: isSleepAction && pause > grace
        ? `pauses ${pause} s, longer than ${graceText}; the API server rejects that.`
        : `pauses ${pause} s, not less than ${graceText}, so the container is killed before it can finish its requests.`,
      value: pause,
      allowed: `less than ${grace} s`,
      fix: 'shorten the pause or raise terminationGracePeriodSeconds above it (WebApp: gracefulShutdown).',
    });
  }
  return problems;
}
