// One measured run of one variant, in its own process: prints one JSON line.
// Usage: node child.js <variant> <layout> <n> <outdir>
import { LAYOUTS, Layout } from './workload';

export type Variant = 'ours' | 'plus' | 'floor' | 'policy';

async function main(): Promise<void> {
  const [variant, layout, nText, outdir] = process.argv.slice(2) as [Variant, Layout, string, string];
  if (!LAYOUTS.includes(layout)) throw new Error(`unknown layout ${layout}`);
  const n = Number(nText);
  const start = process.hrtime.bigint();
  let extra: Record<string, number> = {};
  switch (variant) {
    case 'ours': require('./variants/ours').runOurs(n, layout, outdir); break;
    case 'plus': require('./variants/plus').runPlus(n, layout, outdir); break;
    case 'floor': require('./variants/floor').runFloor(n, layout, outdir); break;
    case 'policy': extra = require('./variants/policy').runPolicyOnly(n); break;
    default: throw new Error(`unknown variant ${variant}`);
  }
  const workMs = Number(process.hrtime.bigint() - start) / 1e6;
  // maxRSS is in KiB: the peak resident memory of this whole process.
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ workMs, peakRssMiB, ...extra })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
