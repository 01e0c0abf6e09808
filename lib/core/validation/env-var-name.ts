import { atLeast, KubernetesMinorVersion } from '../kubernetes-version';

/**
 * Environment variable names, as the API server checks them
 * (apimachinery pkg/util/validation IsEnvVarName / IsRelaxedEnvVarName).
 * KEP-4369 (RelaxedEnvironmentVariableValidation) relaxed the rule to any
 * printable ASCII but "=": alpha 1.30, beta and on by default 1.32, GA 1.34.
 */
const STRICT_ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** What a POSIX shell can read as `$NAME`. */
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The first release whose API server accepts relaxed names by default. */
export const RELAXED_ENV_VAR_NAMES_SINCE = 32;

export const STRICT_ENV_VAR_NAME_RULE = 'letters, digits, "_", "-" and ".", not starting with a digit (Kubernetes before 1.32)';
export const RELAXED_ENV_VAR_NAME_RULE = 'printable ASCII characters other than "=" (Kubernetes 1.32 and later)';

export type EnvVarNameVerdict =
  | { readonly severity: 'error'; readonly message: string; readonly allowed: string; readonly fix: string }
  | { readonly severity: 'warning'; readonly message: string; readonly allowed: string; readonly fix: string };

/** What is wrong with an env var name on `version`: an error the API server gives, a warning for a name shells cannot read, or undefined. */
export function envVarNameVerdict(name: string, version: KubernetesMinorVersion): EnvVarNameVerdict | undefined {
  const relaxed = atLeast(version, RELAXED_ENV_VAR_NAMES_SINCE);
  const release = `${version.major}.${version.minor}`;
  if (name === '') return { severity: 'error', message: 'is empty.', allowed: relaxed ? RELAXED_ENV_VAR_NAME_RULE : STRICT_ENV_VAR_NAME_RULE, fix: 'name the variable, e.g. "LOG_LEVEL".' };
  if (name.includes('=')) {
    return { severity: 'error', message: 'contains "=", which ends a name in the environment; the API server rejects it.', allowed: relaxed ? RELAXED_ENV_VAR_NAME_RULE : STRICT_ENV_VAR_NAME_RULE, fix: `drop the "=": "${name.replace(/=/g, '_')}".` };
  }
  if ([...name].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) > 126)) {
    return { severity: 'error', message: 'contains a character that is not printable ASCII; the API server rejects it.', allowed: relaxed ? RELAXED_ENV_VAR_NAME_RULE : STRICT_ENV_VAR_NAME_RULE, fix: 'use letters, digits and "_", e.g. "LOG_LEVEL".' };
  }
  if (!relaxed && (!STRICT_ENV_VAR_NAME.test(name) || name === '.' || name === '..' || name.startsWith('..'))) {
    return {
      severity: 'error', message: `is not a valid name in Kubernetes ${release}, which has not relaxed env var names yet (on by default from 1.32); the API server rejects it.`,
      allowed: STRICT_ENV_VAR_NAME_RULE, fix: 'use letters, digits and "_", not starting with a digit, e.g. "LOG_LEVEL".',
    };
  }
  if (!SHELL_NAME.test(name)) {
    return {
      severity: 'warning', message: 'is accepted by the API server, but a shell cannot read it as $NAME (only letters, digits and "_", not starting with a digit); only programs that read the environment directly see it.',
      allowed: 'letters, digits and "_", not starting with a digit', fix: `rename it, e.g. "${shellName(name)}", unless only the program itself reads it.`,
    };
  }
  return undefined;
}

function shellName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(s) ? `_${s}` : s;
}
