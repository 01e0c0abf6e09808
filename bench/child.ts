// One measured run of one variant, in its own process: prints one JSON line.
// Usage: node child.js <variant> <layout> <n> <outdir>
import { LAYOUTS, Layout } from './workload';

export type Variant = 'ours' | 'plus' | 'floor' | 'floor-as-netkit' | 'policy'
  | 'ours-gateway' | 'plus-gateway' | 'floor-gateway' | 'policy-gateway';

async function main(): Promise<void> {
  const [variant, layout, nText, outdir] = process.argv.slice(2) as [Variant, Layout, string, string];
  if (!LAYOUTS.includes(layout)) throw new Error(`unknown layout ${layout}`);
  const n = Number(nText);
  const start = process.hrtime.bigint();
  let extra: Record<string, number> = {};
  switch (variant) {
    case 'ours': extra = timingPolicyChecks(() => require('./variants/ours').runOurs(n, layout, outdir)); break;
    case 'plus': require('./variants/plus').runPlus(n, layout, outdir); break;
    case 'floor': require('./variants/floor').runFloor(n, layout, outdir); break;
    case 'floor-as-netkit': require('./variants/floor').runFloor(n, layout, outdir, true); break;
    case 'policy': extra = require('./variants/policy').runPolicyOnly(n); break;
    // The Gateway API variant of the workload (bench/workload.ts).
    case 'ours-gateway': extra = timingPolicyChecks(() => require('./variants/ours-gateway').runOursGateway(n, layout, outdir)); break;
    case 'plus-gateway': require('./variants/plus').runPlusGateway(n, layout, outdir); break;
    case 'floor-gateway': require('./variants/floor').runFloor(n, layout, outdir, false, 'gateway'); break;
    case 'policy-gateway': extra = require('./variants/policy').runPolicyOnly(n, 'gateway'); break;
    default: throw new Error(`unknown variant ${variant}`);
  }
  const workMs = Number(process.hrtime.bigint() - start) / 1e6;
  // maxRSS is in KiB: the peak resident memory of this whole process.
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  // User + system CPU of every thread of the process: what the run cost the machine.
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ workMs, peakRssMiB, cpuMs: (user + system) / 1000, ...extra })}\n`);
}

/**
 * Runs `work` with the library's `checkPolicies` timed: the share of the
 * synth that the policy checks take inside ours (NetkitApp's validation calls it
 * through the engine module's export, which is wrapped here), less the time
 * it spends rendering the objects.
 */
function timingPolicyChecks(work: () => void): { synthCheckMs: number } {
  const engine = require('../lib/policy/engine');
  const synthesized = require('../lib/core/synthesized');
  const checks = timed(engine, 'checkPolicies');
  // Rendering the objects to JSON happens inside the checks, but the files reuse it: not a cost of the checks.
  const rendering = timed(synthesized, 'synthesizedObjects');
  work();
  return { synthCheckMs: checks.ms - rendering.ms };
}

/** Wraps a module export so that the time spent in it adds up (modules call each other through their exports). */
function timed(module: Record<string, any>, name: string): { ms: number } {
  const total = { ms: 0 };
  const stock = module[name];
  module[name] = (...args: unknown[]) => {
    const start = process.hrtime.bigint();
    try {
      return stock(...args);
    } finally {
      total.ms += Number(process.hrtime.bigint() - start) / 1e6;
    }
  };
  return total;
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
