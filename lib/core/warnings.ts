import { IConstruct } from 'constructs';

/** A warning recorded on a construct: printed once at synth, never fatal. */
export interface NetkitWarning {
  readonly path: string;
  readonly message: string;
}

const WARNINGS_KEY = 'netkit:warnings';
const printed = new Set<string>();

/** Writes a line to stderr unless this process has written it already: an app may be validated more than once. */
export function printOnce(line: string): void {
  if (printed.has(line)) return;
  printed.add(line);
  process.stderr.write(`${line}\n`);
}

/**
 * Records a warning on `scope` and prints it to stderr the first time the app
 * is validated (`app.synth()`, `cdk8s synth`, `Testing.synth`). Each warning
 * is printed once per process however often the app is validated.
 */
export function addWarning(scope: IConstruct, message: string): void {
  const node = scope.node as any;
  let list: string[] | undefined = node[WARNINGS_KEY];
  if (!list) {
    list = [];
    Object.defineProperty(node, WARNINGS_KEY, { value: list, enumerable: false });
    const own = list;
    scope.node.addValidation({
      validate: () => {
        for (const m of own) printOnce(`[WARNING] [${scope.node.path}] ${m}`);
        return [];
      },
    });
  }
  list.push(message);
}

/** Every warning recorded below `root`, in construct order. */
export function collectWarnings(root: IConstruct): NetkitWarning[] {
  const out: NetkitWarning[] = [];
  for (const c of root.node.findAll()) {
    const list: string[] | undefined = (c.node as any)[WARNINGS_KEY];
    for (const message of list ?? []) out.push({ path: c.node.path, message });
  }
  return out;
}
