// Regenerates lib/policy/schema/openapi-fields.json: the fields the Kubernetes
// OpenAPI schemas of the installed kubernetes-models declare, per type. Its
// compiled validators allow unknown properties, so the policy engine checks
// unknown fields (`spec.replica`) itself from this table. Run after upgrading
// kubernetes-models: `npx ts-node --transpile-only scripts/gen-schema-fields.ts`.
// Also writes lib/policy/schema/validator-facts.json (see validator-facts.ts).
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';
import { readValidatorFacts } from './validator-facts';

const pkg = join(__dirname, '..', 'node_modules', 'kubernetes-models');
const out = join(__dirname, '..', 'lib', 'policy', 'schema', 'openapi-fields.json');

function modelFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (entry === '_schemas' || entry === 'node_modules') continue;
    if (statSync(full).isDirectory()) files.push(...modelFiles(full));
    else if (entry.endsWith('.d.ts') && entry !== 'index.d.ts') files.push(full);
  }
  return files;
}

const roots = modelFiles(pkg);
const program = ts.createProgram(roots, {
  module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, target: ts.ScriptTarget.ES2022, noEmit: true,
});
const checker = program.getTypeChecker();

const ids = new Map<ts.Type, string>();
const usedNames = new Set<string>();
const types: Record<string, Record<string, string | 0>> = {};
const kinds: Record<string, string> = {};

const FREE = '*';

/** A leaf (0), a free-form map ('*'), or the id of an object type with known fields. */
function describe(type: ts.Type): string | 0 {
  let t = checker.getNonNullableType(type);
  if (t.isUnion()) {
    const parts = t.types.filter((p) => !(p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (parts.some((p) => !(p.flags & ts.TypeFlags.Object))) return 0;
    t = parts[0];
  }
  if (checker.isArrayType(t)) return describe(checker.getTypeArguments(t as ts.TypeReference)[0]);
  if (!(t.flags & ts.TypeFlags.Object)) return 0;
  if (checker.getIndexInfosOfType(t).length > 0) return FREE;
  const props = checker.getPropertiesOfType(t);
  if (props.length === 0) return FREE;
  const known = ids.get(t);
  if (known) return known;
  const base = (t.aliasSymbol ?? t.getSymbol())?.getName().replace(/^I(IoK8s)?/, '') ?? 'Type';
  // Types of the same name in several API groups or versions: `HTTPIngressPath#2`; messages show the name before the `#`.
  let id = base;
  for (let i = 2; usedNames.has(id); i++) id = `${base}#${i}`;
  usedNames.add(id);
  ids.set(t, id);
  const fields: Record<string, string | 0> = {};
  types[id] = fields;
  for (const p of props) fields[p.getName()] = describe(checker.getTypeOfSymbol(p));
  return id;
}

for (const file of roots) {
  const source = program.getSourceFile(file);
  if (!source) continue;
  const symbol = checker.getSymbolAtLocation(source);
  if (!symbol) continue;
  for (const exported of checker.getExportsOfModule(symbol)) {
    const decl = exported.declarations?.[0];
    if (!decl || !ts.isInterfaceDeclaration(decl)) continue;
    const type = checker.getDeclaredTypeOfSymbol(exported);
    const kind = type.getProperty('kind');
    const apiVersion = type.getProperty('apiVersion');
    if (!kind || !apiVersion) continue;
    const kindType = checker.getTypeOfSymbol(kind);
    const versionType = checker.getTypeOfSymbol(apiVersion);
    if (!kindType.isStringLiteral() || !versionType.isStringLiteral()) continue;
    if (kindType.value.endsWith('List')) continue;
    const id = describe(type);
    if (typeof id === 'string' && id !== FREE) kinds[`${versionType.value}/${kindType.value}`] = id;
  }
}

const sortedTypes = Object.fromEntries(Object.keys(types).sort().map((k) => [k, types[k]]));
const sortedKinds = Object.fromEntries(Object.keys(kinds).sort().map((k) => [k, kinds[k]]));
writeFileSync(out, `${JSON.stringify({ source: `kubernetes-models ${require(join(pkg, 'package.json')).version}`, kinds: sortedKinds, types: sortedTypes })}\n`);
console.log(`${dirname(out)}: ${Object.keys(sortedKinds).length} kinds, ${Object.keys(sortedTypes).length} types`);

const factsFile = join(dirname(out), 'validator-facts.json');
const facts = readValidatorFacts(pkg);
writeFileSync(factsFile, `${JSON.stringify(facts, null, 1)}\n`);
console.log(`${factsFile}: ${facts.keywords.length} keywords, ${facts.formats.length} formats, ${facts.enumStrings.length} enum strings`);
