// Regenerates the vendored NGINX Gateway Fabric CRDs from upstream's deploy/crds.yaml:
//
//   git clone --bare https://github.com/nginx/nginx-gateway-fabric ngf.git   (or any copy of the repository)
//   npx ts-node --transpile-only scripts/vendor-ngf-crds.ts ngf.git v2.6.7
//
// It reads deploy/crds.yaml at the tag (git show), checks its sha256 against the one recorded in
// lib/addons/nginx-gateway-fabric/crds.ts, and writes the documents, unchanged, as one compact JSON
// array (lib/addons/nginx-gateway-fabric/crds-v<version>.json). Update NGF_CRDS_SOURCE in crds.ts
// (tag, commit, both sha256 values) when moving to another release. Nothing downloads at run time.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const [gitDir, tag] = process.argv.slice(2);
if (!gitDir || !tag) {
  console.error('usage: vendor-ngf-crds.ts <nginx-gateway-fabric git dir> <tag, e.g. v2.6.7>');
  process.exit(2);
}
const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 64 * 1024 * 1024 });
const commit = git('rev-parse', `${tag}^{commit}`).toString().trim();
const yamlText = git('show', `${tag}:deploy/crds.yaml`);
const documents = parseAllDocuments(yamlText.toString()).map((d) => d.toJS()).filter((d) => d !== null);
const json = JSON.stringify(documents);
const out = join(__dirname, '..', 'lib', 'addons', 'nginx-gateway-fabric', `crds-${tag}.json`);
writeFileSync(out, json);
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
console.log(JSON.stringify({
  tag, commit, upstreamFile: 'deploy/crds.yaml', upstreamSha256: sha(yamlText), crds: documents.length,
  written: out, writtenBytes: Buffer.byteLength(json), writtenSha256: sha(json),
}, null, 2));
