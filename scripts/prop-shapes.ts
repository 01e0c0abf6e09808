// Reads the props interfaces of the public API with the TypeScript compiler and
// renders lib/core/prop-shapes.generated.ts: per interface, the keys it
// declares and which keys hold nested props objects. lib/core/props.ts checks
// props against it at run time, so an app run without a type check (a sucrase
// synth, plain JavaScript) rejects the same unknown keys `tsc` would, from the
// interfaces themselves and not a hand-kept list.
//
// Roots: every interface or type alias exported from lib/index.ts whose name
// ends in `Props` or `Options`. A new construct's props are picked up by
// regenerating (`npm run gen:props`); test/core/prop-shapes.test.ts fails
// while the committed table is out of date.
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';

/** One props object: its keys, and the keys whose value is (a list of) nested props objects. */
export interface PropShapeSource {
  readonly keys: string[];
  readonly nested: Record<string, string>;
}

const ROOT_NAME = /(Props|Options)$/;

/** Reads every props shape reachable from the public API of the project at `projectDir`. */
export function readPropShapes(projectDir: string): Record<string, PropShapeSource> {
  const libDir = join(projectDir, 'lib');
  const program = ts.createProgram([join(libDir, 'index.ts')], {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, noEmit: true, skipLibCheck: true, types: [],
  });
  const checker = program.getTypeChecker();
  const shapes: Record<string, PropShapeSource> = {};
  const names = new Map<ts.Type, string>();

  const inLib = (decl: ts.Declaration): boolean => {
    const rel = relative(libDir, decl.getSourceFile().fileName);
    return !rel.startsWith('..') && !rel.split(sep).includes('node_modules');
  };

  /**
   * Whether values of `type` are plain props objects we own: declared in lib/,
   * with named keys only. Classes, `I…` interfaces (implemented by classes
   * with more members), maps (an index signature) and types from other
   * packages are values we never look inside.
   */
  const isPropsObject = (type: ts.Type): boolean => {
    if (!(type.flags & ts.TypeFlags.Object)) return false;
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
    if (checker.getIndexInfosOfType(type).length > 0) return false;
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const decls = symbol?.declarations ?? [];
    if (decls.length === 0 || !decls.every(inLib)) return false;
    if (decls.some((d) => ts.isClassDeclaration(d))) return false;
    if (/^I[A-Z]/.test(symbol!.getName())) return false;
    return checker.getPropertiesOfType(type).length > 0;
  };

  /** The one props-object type a value of `type` can be (through `| undefined`, `| false`, arrays), if exactly one. */
  const nestedType = (type: ts.Type): ts.Type | undefined => {
    let t = checker.getNonNullableType(type);
    if (checker.isArrayType(t)) t = checker.getTypeArguments(t as ts.TypeReference)[0];
    const members = t.isUnion() ? t.types : [t];
    const objects = members.filter(isPropsObject);
    return objects.length === 1 ? objects[0] : undefined;
  };

  const visit = (type: ts.Type, name: string): string => {
    const known = names.get(type);
    if (known) return known;
    names.set(type, name);
    const shape: PropShapeSource = { keys: [], nested: {} };
    shapes[name] = shape;
    for (const prop of checker.getPropertiesOfType(type)) {
      const key = prop.getName();
      shape.keys.push(key);
      const inner = nestedType(checker.getTypeOfSymbol(prop));
      if (!inner) continue;
      const innerSymbol = inner.aliasSymbol ?? inner.getSymbol();
      // An inline object type (`{ min: number }`) is named after where it sits.
      const innerName = innerSymbol && !innerSymbol.getName().startsWith('__') ? innerSymbol.getName() : `${name}.${key}`;
      shape.nested[key] = visit(inner, innerName);
    }
    shape.keys.sort();
    return name;
  };

  const index = program.getSourceFile(join(libDir, 'index.ts'));
  const moduleSymbol = index && checker.getSymbolAtLocation(index);
  if (!moduleSymbol) throw new Error(`${libDir}/index.ts: cannot read its exports`);
  const roots = checker.getExportsOfModule(moduleSymbol)
    .filter((s) => ROOT_NAME.test(s.getName()) && (s.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)))
    .sort((a, b) => a.getName().localeCompare(b.getName()));
  for (const symbol of roots) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    if (type.flags & ts.TypeFlags.Object && checker.getIndexInfosOfType(type).length === 0) visit(type, symbol.getName());
  }
  return Object.fromEntries(Object.keys(shapes).sort().map((k) => [k, shapes[k]]));
}

/** The text of lib/core/prop-shapes.generated.ts. */
export function renderPropShapes(shapes: Record<string, PropShapeSource>): string {
  const names = Object.keys(shapes);
  const lines = [
    '// Generated by scripts/gen-prop-shapes.ts from the props interfaces of lib/index.ts; do not edit.',
    '// Regenerate with `npm run gen:props` after adding or changing a props interface.',
    "import type { PropShape } from './props';",
    '',
    '/** The name of every props interface whose keys are checked at run time. */',
    `export type PropShapeName =\n${names.map((n) => `  | ${JSON.stringify(n)}`).join('\n')};`,
    '',
    'export const PROP_SHAPES: Readonly<Record<PropShapeName, PropShape>> = {',
    ...names.map((n) => {
      const s = shapes[n];
      const nested = Object.entries(s.nested).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ');
      return `  ${JSON.stringify(n)}: {\n    keys: [${s.keys.map((k) => JSON.stringify(k)).join(', ')}],\n    nested: {${nested ? ` ${nested} ` : ''}},\n  },`;
    }),
    '};',
    '',
  ];
  return lines.join('\n');
}
