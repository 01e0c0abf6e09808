import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { Problem } from '../core/errors';
import { isConfigMapKey } from '../core/names';
import { fieldProblems } from '../core/validation/field-rules';

/** The Secret type ingress controllers read certificates from. */
export const TLS_SECRET_TYPE = 'kubernetes.io/tls';
/** The data key holding the PEM certificate chain (k8s.io/api core/v1 `TLSCertKey`, v1.31). */
export const TLS_CERT_KEY = 'tls.crt';
/** The data key holding the PEM private key (k8s.io/api core/v1 `TLSPrivateKeyKey`, v1.31). */
export const TLS_PRIVATE_KEY_KEY = 'tls.key';
/** The largest Secret the API server stores: `MaxSecretSize` in pkg/apis/core/types.go, v1.31. */
export const MAX_SECRET_SIZE_BYTES = 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The data of a Secret as the API server sees it: `data` decoded from base64,
 * then `stringData` merged over it (it wins on equal keys). Values that are
 * not base64 are reported by {@link tlsSecretProblems} and skipped here.
 */
export function secretDataBytes(secret: ISecret): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [key, value] of Object.entries(secret.data ?? {})) {
    if (typeof value === 'string' && isBase64(value)) out.set(key, Buffer.from(value, 'base64'));
  }
  for (const [key, value] of Object.entries(secret.stringData ?? {})) {
    if (typeof value === 'string') out.set(key, Buffer.from(value)); // UTF-8, Buffer's default
  }
  return out;
}

function isBase64(value: string): boolean {
  // Go's base64.StdEncoding, which the API server decodes `data` with, skips \r and \n only: a space or tab is an error.
  // Stryker disable next-line Regex: equivalent, removing the line breaks one by one or in runs gives the same string.
  const compact = value.replace(/[\r\n]+/g, '');
  return compact.length % 4 === 0 && BASE64.test(compact);
}

/**
 * The rules a `kubernetes.io/tls` Secret must meet: the API server's
 * (ValidateSecret in pkg/apis/core/validation, v1.31: name, data keys, both
 * `tls.crt` and `tls.key` present, at most 1 MiB) plus what an ingress
 * controller needs to actually serve it, which the API server does not check:
 * `tls.crt` parses as a PEM certificate and `tls.key` as an unencrypted PEM
 * private key. Pure: used by the TLS constructs on the Secret they build and
 * by the policy engine on any manifest.
 */
export function tlsSecretProblems(secret: ISecret): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string, value: unknown, allowed: string | undefined, fix: string) =>
    problems.push({ field, message, value, allowed, fix });
  problems.push(...fieldProblems('Secret.metadata.name', secret.metadata?.name ?? '', { field: 'metadata.name' }));
  if (secret.type !== TLS_SECRET_TYPE) {
    add('type', `is not ${TLS_SECRET_TYPE}; ingress controllers only read certificates from TLS Secrets.`, secret.type, TLS_SECRET_TYPE, `set type: ${TLS_SECRET_TYPE} (what \`kubectl create secret tls\` does).`);
  }

  const keys = [...Object.keys(secret.data ?? {}), ...Object.keys(secret.stringData ?? {})];
  for (const [source, map] of [['data', secret.data], ['stringData', secret.stringData]] as const) {
    for (const [key, value] of Object.entries(map ?? {})) {
      const field = `${source}[${JSON.stringify(key)}]`;
      if (!isConfigMapKey(key)) {
        add(field, 'is not a valid Secret data key.', key, 'letters, digits, "-", "_" and ".", at most 253 characters, not "." or starting with ".."', 'rename the key, e.g. "tls.crt".');
      }
      if (source === 'data' && (typeof value !== 'string' || !isBase64(value))) {
        add(field, 'is not base64; `data` values must be base64-encoded.', undefined, 'base64 (RFC 4648)', 'encode the value with base64, or put the plain text under stringData.');
      }
    }
  }

  const data = secretDataBytes(secret);
  const cert = data.get(TLS_CERT_KEY);
  const key = data.get(TLS_PRIVATE_KEY_KEY);
  if (!keys.includes(TLS_CERT_KEY)) {
    add(`data["${TLS_CERT_KEY}"]`, 'is missing; a TLS Secret needs both tls.crt and tls.key.', undefined, undefined, 'add the PEM certificate (chain) under tls.crt.');
  } else if (cert !== undefined && !isPemCertificate(cert)) {
    add(`data["${TLS_CERT_KEY}"]`, 'is not a PEM certificate, so the ingress controller cannot serve it.', undefined, 'one or more "-----BEGIN CERTIFICATE-----" blocks, leaf first', 'put the PEM file from your CA or `openssl req -x509` here (base64-encoded under data).');
  }
  if (!keys.includes(TLS_PRIVATE_KEY_KEY)) {
    add(`data["${TLS_PRIVATE_KEY_KEY}"]`, 'is missing; a TLS Secret needs both tls.crt and tls.key.', undefined, undefined, 'add the PEM private key under tls.key.');
  } else if (key !== undefined) {
    const keyProblem = privateKeyPemProblem(key);
    if (keyProblem) {
      add(`data["${TLS_PRIVATE_KEY_KEY}"]`, keyProblem, undefined, 'an unencrypted PEM private key (PKCS#8 "PRIVATE KEY", "RSA PRIVATE KEY" or "EC PRIVATE KEY")', 'use the key file written by `openssl req -nodes`; decrypt an encrypted key with `openssl pkey -in key.pem -out plain.pem`.');
    }
  }

  const size = [...data.values()].reduce((sum, value) => sum + value.length, 0);
  if (size > MAX_SECRET_SIZE_BYTES) {
    add('data', 'is larger than the API server accepts.', `${size} bytes`, `at most ${MAX_SECRET_SIZE_BYTES} bytes (1 MiB)`, 'keep only the leaf certificate and its intermediates in tls.crt.');
  }
  return problems;
}

/** Whether the bytes hold at least one PEM certificate and every certificate in them parses. */
function isPemCertificate(pem: Buffer): boolean {
  const blocks = pem.toString('utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  // Stryker disable next-line ConditionalExpression: equivalent, a null list throws in the loop below, which answers false too.
  if (!blocks) return false;
  try {
    for (const block of blocks) new X509Certificate(block);
  } catch {
    return false;
  }
  return true;
}

/** Why the bytes are not a usable private key, or undefined when they are. */
function privateKeyPemProblem(pem: Buffer): string | undefined {
  const text = pem.toString('utf8');
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text) || /Proc-Type: 4,ENCRYPTED/.test(text)) {
    return 'is an encrypted private key; ingress controllers cannot ask for a passphrase.';
  }
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(text)) return 'is not a PEM private key.';
  try {
    createPrivateKey({ key: text, format: 'pem' });
    return undefined;
  } catch {
    return 'looks like a PEM private key but does not parse.';
  }
}
