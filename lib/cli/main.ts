/**
 * `cdk8s-netkit <command> …`: the commands for pipelines. Each command is a
 * module exporting `run(args, io)`; it returns the process exit code and
 * never throws for bad input (3 means unreadable input).
 */

import { LoadedManifest, ManifestReadError, readManifests } from '../core/manifest-files';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface CliCommand {
  /** One line for the help text. */
  readonly summary: string;
  readonly run: (args: string[], io: CliIo) => Promise<number> | number;
}

/** The commands, by name; each loaded only when used. */
const COMMANDS: Record<string, () => CliCommand> = {
  check: () => require('./check').checkCommand,
  map: () => require('./map').mapCommand,
  migrate: () => require('./migrate').migrateCommand,
  init: () => require('./init').initCommand,
};

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, load]) => `  ${name.padEnd(8)} ${load().summary}`);
  return ['Usage: cdk8s-netkit <command> [options] <files or folders>…', '', 'Commands:', ...lines, ''].join('\n');
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`cdk8s-netkit: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  return load().run(args, io);
}

/** Exit code for input that cannot be read or parsed (the message names file and line). */
export const EXIT_UNREADABLE = 3;

/**
 * Reads the manifests a command was given; on unreadable input prints
 * `cdk8s-netkit <command>: cannot read <file>:<line>: …` and returns the
 * exit code instead.
 */
export function readManifestsForCommand(command: string, paths: readonly string[], io: CliIo): LoadedManifest[] | number {
  try {
    return readManifests(paths);
  } catch (e) {
    if (e instanceof ManifestReadError) {
      io.err(`cdk8s-netkit ${command}: cannot read ${e.message}\n`);
      return EXIT_UNREADABLE;
    }
    throw e;
  }
}

