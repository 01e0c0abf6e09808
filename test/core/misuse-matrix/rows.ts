/** The row types and helpers the misuse matrix (test/core/misuse-matrix.test.ts) and its row modules share. */
import { Construct } from 'constructs';
import { ExposedService } from '../../../lib';

/** One prop: values refused (each with the field the problem is reported under, when it is not the prop itself) and values accepted. */
export type PropRow =
  | { readonly refused: ReadonlyArray<unknown | { readonly value: unknown; readonly field: string; readonly with: Record<string, unknown> }>; readonly accepted?: readonly unknown[]; readonly noValueInMessage?: string }
  /** Why no value of this prop can be refused at construct time (the type alone decides it, or the rule runs at synth). */
  | { readonly notRefusable: string; readonly accepted?: readonly unknown[] };

export interface ConstructRow {
  /** The construct path the message must start with. */
  readonly path: string;
  /** Builds the construct with valid base props plus `override`. */
  readonly build: (chart: Construct, override: Record<string, unknown>) => void;
  readonly props: Record<string, PropRow>;
}

export const CERT = { secretName: 'wildcard-tls', dnsNames: ['*.cluster.example.com'] };
export const service = (chart: Construct) => ExposedService.clusterIp(chart, 'web', { selector: { app: 'web' }, ports: [{ port: 80, name: 'http' }] });
/** A refused value whose problem is reported under `name` (a nested field), optionally with other props it needs (`with`). */
export const field = (value: unknown, name: string, extra: Record<string, unknown> = {}) => ({ value, field: name, with: extra });
