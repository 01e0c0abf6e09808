import { renderJson, renderMarkdown } from '../traffic/markdown';
import { trafficMap } from '../traffic/traffic-map';
import { CliCommand, CliIo, EXIT_UNREADABLE, readManifestsForCommand } from './main';

const FORMATS = ['markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = 'Usage: cdk8s-netkit map [--format markdown|json] <files or folders>…\n';

/**
 * `cdk8s-netkit map`: the traffic map of any manifests, for a pipeline to post
 * on a pull request. Exit codes: 0 printed, 2 bad usage, 3 unreadable input.
 */
export function runMap(args: readonly string[], io: CliIo): number {
  let format: Format = 'markdown';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (!FORMATS.includes(value as Format)) {
        io.err(`cdk8s-netkit map: --format must be ${FORMATS.join(' or ')}, got ${JSON.stringify(value ?? '')}.\n${USAGE}`);
        return 2;
      }
      format = value as Format;
    } else if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return 0;
    } else if (arg.startsWith('-') && arg !== '-') {
      io.err(`cdk8s-netkit map: unknown option ${JSON.stringify(arg)}.\n${USAGE}`);
      return 2;
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    io.err(`cdk8s-netkit map: give at least one file or folder, e.g. dist/.\n${USAGE}`);
    return 2;
  }
  const manifests = readManifestsForCommand('map', paths, io);
  if (typeof manifests === 'number') return manifests;
  let text: string;
  try {
    const map = trafficMap(manifests);
    text = format === 'json' ? renderJson(map) : renderMarkdown(map);
  } catch (e) {
    // A malformed object (a templated name, a map where a list belongs) is unreadable input, not a crash.
    io.err(`cdk8s-netkit map: cannot map these manifests (is every object well formed? \`cdk8s-netkit check\` names the field): ${(e as Error).message}\n`);
    return EXIT_UNREADABLE;
  }
  io.out(text);
  return 0;
}

export const mapCommand: CliCommand = {
  summary: 'print how traffic reaches the workloads in manifests (Markdown, or --format json)',
  run: runMap,
};
