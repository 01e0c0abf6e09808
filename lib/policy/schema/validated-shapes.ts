import facts from './validator-facts.json';
import { remembering } from '../../core/remembering';
import { installedFormats, installedValidatorsSource } from './openapi-validators';

/**
 * The ajv keywords whose outcome depends only on what {@link matchesShape}
 * compares. A validator using another one (pattern, maxLength, minItems…)
 * turns the memo off.
 */
export const SHAPE_KEYWORDS: readonly string[] = ['enum', 'format', 'oneOf', 'required', 'type'];

/** Deeper than any built-in kind's schema (a CRD's openAPIV3Schema nests about 20 levels). */
const MAX_DEPTH = 64;

/** At most this many validated objects are kept per kind: a miss compares with each. */
const SHAPES_PER_KIND = 4;

/** An array item is compared with at most this many unlike items before it. */
const SHAPES_PER_ARRAY = 4;

/**
 * Objects that passed the schema checks (no unknown field, no schema error),
 * kept to answer whether another object of the same kind is certain to pass
 * them too, without running the validators.
 *
 * Why that is sound: kubernetes-models' compiled validators use only the
 * keywords in {@link SHAPE_KEYWORDS} (validator-facts.json, read from the
 * installed package; a test compares the two). Their outcome on an object
 * depends on its keys, its numbers, booleans and nulls, which values are
 * objects, arrays or strings, and for a string only on whether it is one of
 * the strings an enum lists and whether it passes each string format. Two
 * objects alike in all of that get the same result from the validators, and
 * from the unknown-field check, which reads keys only. So strings that are
 * enum members or pass a format are compared exactly, and the others (names,
 * images, label values: what differs between the apps of a large synth)
 * are interchangeable.
 *
 * Why bother: the validators are generated code that runs cold on every
 * synth; 5,000 Deployments that differ only in names took about 150 ms to
 * validate, and take about 50 ms to compare with one validated Deployment.
 *
 * When the facts do not match the installed packages (another version, a
 * keyword not in the list, a format that cannot be loaded) there is no memo
 * and every object is validated.
 */
export class ValidatedShapes {
  /** A memo for one check run, or undefined when the facts do not hold for the installed validators. */
  public static create(): ValidatedShapes | undefined {
    const significant = significantString();
    return significant ? new ValidatedShapes(significant) : undefined;
  }

  /** Schema type id (one per apiVersion and kind) → validated objects, most recently matched first. */
  private readonly byType = new Map<string, KeptShape[]>();

  /**
   * The string test, remembered, for the kept objects' strings: they are
   * compared again and again, with every object of their kind.
   */
  private readonly significant: (s: string) => boolean;

  /**
   * The string test as it is, for the strings of the object being compared:
   * most are seen once (names, images, hosts of 5,000 apps), and remembering
   * them cost a map entry each, and a full memo cleared and refilled.
   */
  private readonly significantOnce: (s: string) => boolean;

  private constructor(significant: (s: string) => boolean) {
    this.significant = remembering(significant);
    this.significantOnce = significant;
  }

  /** True when the object is certain to pass the schema checks of `type` (the kind's schema type id). */
  public has(type: string, manifest: unknown): boolean {
    const shapes = this.byType.get(type);
    if (!shapes) return false;
    for (let i = 0; i < shapes.length; i++) {
      const kept = shapes[i];
      // Read once, on the first comparison: a kind with one object (the Namespace, a large Ingress) is never compared.
      // Stryker disable next-line ConditionalExpression: reading the shape again each time gives the same shape (only slower)
      if (kept.shape === undefined) kept.shape = shapeOf(kept.object, this.significant) ?? null;
      // An object too large for a shape is not compared: objects like it are validated.
      if (!kept.shape || !matchesShape(kept.shape, manifest, this.significantOnce)) continue;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: moving the first shape first leaves the order as it is
      if (i > 0) shapes.unshift(shapes.splice(i, 1)[0]);
      return true;
    }
    return false;
  }

  /**
   * The object with every array cut down to items unlike each other: an item
   * alike (see {@link matchesShape}) one of the first unlike items before it
   * is left out. It passes the schema checks exactly when the object does, so an
   * Ingress with 5,000 rules that differ only in hosts and Service names is
   * validated as an Ingress with one rule. Findings must come from the
   * object itself (the indexes differ): check it again when this one fails.
   *
   * Why that is sound: the validators check an array item by item against
   * one item schema (Swagger 2.0 has no tuples; validator-facts.json's
   * `readsItemsByPosition` confirms no validator reads an item by its index)
   * and use no keyword that counts items (minItems, uniqueItems: not in
   * {@link SHAPE_KEYWORDS}), so an array passes when each item does, and
   * alike items pass or fail together. The unknown-field check reads every
   * item with the same field type.
   */
  public withoutAlikeItems(manifest: unknown): unknown {
    return facts.readsItemsByPosition ? manifest : withoutAlikeItems(manifest, this.significant, this.significantOnce, 0);
  }

  /** Remembers an object that passed the schema checks of `type`. It must not change while the memo is used. */
  public add(type: string, manifest: unknown): void {
    const kept: KeptShape = { object: manifest, shape: undefined };
    const shapes = this.byType.get(type);
    if (!shapes) this.byType.set(type, [kept]);
    else {
      // The least recently matched goes.
      if (shapes.length >= SHAPES_PER_KIND) shapes.pop();
      shapes.unshift(kept);
    }
  }
}

/** A validated object, and its {@link Shape}, read once (undefined until first compared; null for a very large object: never compared). */
interface KeptShape {
  readonly object: unknown;
  shape: Shape | null | undefined;
}

/** What a {@link Shape} node stands for: a value only an identical value is alike, a string, an array, a plain object. */
const EXACT = 0;
const STRING = 1;
const ARRAY = 2;
const OBJECT = 3;
type ShapeKind = typeof EXACT | typeof STRING | typeof ARRAY | typeof OBJECT;

/**
 * One value of a validated object as the comparison reads it, read once:
 * its kind, for a string whether it is significant, for an array its items,
 * for a plain object its keys and fields. The kept objects are compared with
 * every object of their kind (5,000 Deployments), so their side of the
 * comparison (typeof, for-in, own-key tests, the string test) is done when
 * they are kept, not at each comparison; {@link matchesShape} reads the other
 * object as it is. One class for every node, so the comparison reads one layout.
 */
export class Shape {
  constructor(
    readonly kind: ShapeKind,
    /** The value itself: an identical value is always alike. */
    readonly value: unknown,
    /** For a string: whether it is compared exactly. */
    readonly significant: boolean,
    /** For an array, its items; for a plain object, its fields in the order of `keys`. */
    readonly children: readonly Shape[] | undefined,
    readonly keys: readonly string[] | undefined,
  ) {}
}

/** Past this many nodes an object gets no shape and is never compared: a shape costs memory, and an alias-heavy YAML document could be huge. */
const MAX_SHAPE_NODES = 20_000;

/**
 * The {@link Shape} of a value (found `depth` levels inside an object), for
 * comparing others with it ({@link matchesShape}); undefined past
 * {@link MAX_SHAPE_NODES} nodes. The value must not change while the shape is used.
 */
export function shapeOf(value: unknown, significant: (s: string) => boolean, depth = 0): Shape | undefined {
  const budget = { nodes: 0 };
  return buildShape(value, significant, depth, budget) ?? undefined;
}

function buildShape(a: unknown, significant: (s: string) => boolean, depth: number, budget: { nodes: number }): Shape | null {
  if (++budget.nodes > MAX_SHAPE_NODES) return null;
  // Past MAX_DEPTH, and for values other than strings, arrays and plain objects, only an identical value is alike.
  // Stryker disable next-line BooleanLiteral: `significant` is read of STRING nodes only
  if (depth > MAX_DEPTH) return new Shape(EXACT, a, false, undefined, undefined);
  if (typeof a === 'string') return new Shape(STRING, a, significant(a), undefined, undefined);
  // Stryker disable next-line BooleanLiteral: `significant` is read of STRING nodes only
  if (typeof a !== 'object' || a === null) return new Shape(EXACT, a, false, undefined, undefined);
  if (Array.isArray(a)) {
    const items: Shape[] = [];
    for (let i = 0; i < a.length; i++) {
      const item = buildShape(a[i], significant, depth + 1, budget);
      if (!item) return null;
      items.push(item);
    }
    // Stryker disable next-line BooleanLiteral: `significant` is read of STRING nodes only
    return new Shape(ARRAY, a, false, items, undefined);
  }
  if (!isPlainObject(a)) return new Shape(EXACT, a, false, undefined, undefined);
  const keys: string[] = [];
  const fields: Shape[] = [];
  for (const key in a) {
    // An inherited key: no other object is alike.
    if (!hasOwn.call(a, key)) return new Shape(EXACT, a, false, undefined, undefined);
    const field = buildShape((a as Record<string, unknown>)[key], significant, depth + 1, budget);
    if (!field) return null;
    keys.push(key);
    fields.push(field);
  }
  // Stryker disable next-line BooleanLiteral: `significant` is read of STRING nodes only
  return new Shape(OBJECT, a, false, fields, keys);
}

/**
 * Whether `b` is alike the value `shape` was made of, for the validators:
 * the same keys (own and enumerable, in plain objects: what the validators
 * see), the same array lengths, the same numbers, booleans and nulls, and
 * strings equal or both insignificant (for the `significant` test the shape
 * was made with; `significantOfB` is the same test, its answers remembered
 * or not, for `b`'s strings). An identical value is alike wherever it is;
 * past {@link MAX_DEPTH} levels nothing else is: fields the validators do
 * not look into (a ControllerRevision's `data`) may hold anything, a YAML
 * alias cycle included, and a miss only means validating.
 */
export function matchesShape(shape: Shape, b: unknown, significantOfB: (s: string) => boolean): boolean {
  if (b === shape.value) return true;
  switch (shape.kind) {
    case EXACT: return false;
    case STRING: return typeof b === 'string' && !shape.significant && !significantOfB(b);
    case ARRAY: {
      const items = shape.children!;
      if (!Array.isArray(b) || b.length !== items.length) return false;
      for (let i = 0; i < items.length; i++) if (!matchesShape(items[i], b[i], significantOfB)) return false;
      return true;
    }
    default: {
      if (typeof b !== 'object' || b === null || Array.isArray(b) || !isPlainObject(b)) return false;
      const keys = shape.keys!;
      const fields = shape.children!;
      // Over the other object's keys, expected in the kept object's order (objects built by the same code list
      // their keys alike, and the engine reads a field of the object a for-in walks fastest); another order is
      // looked up. Each key must be own and the kept object's, and there must be as many: the same keys.
      let count = 0;
      for (const key in b) {
        if (!hasOwn.call(b, key)) return false;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: the kept order is a shortcut; indexOf finds the same index (the keys are unique)
        const at = count < keys.length && keys[count] === key ? count : keys.indexOf(key);
        if (at < 0 || !matchesShape(fields[at], (b as Record<string, unknown>)[key], significantOfB)) return false;
        count++;
      }
      return count === keys.length;
    }
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/** See {@link ValidatedShapes.withoutAlikeItems}: a copy only where an array shrinks, the value itself elsewhere. */
function withoutAlikeItems(value: unknown, significant: (s: string) => boolean, significantOnce: (s: string) => boolean, depth: number): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const unlike: unknown[] = [];
    // The shapes of the first unlike items, each read when first compared (null: too large, never alike).
    const shapes: Array<Shape | null> = [];
    for (let n = 0; n < value.length; n++) {
      // A hole reads as undefined, as the iteration before read it.
      const item = value[n];
      let alike = false;
      for (let i = 0; i < unlike.length && i < SHAPES_PER_ARRAY && !alike; i++) {
        if (i === shapes.length) shapes.push(shapeOf(unlike[i], significant, depth + 1) ?? null);
        const shape = shapes[i];
        alike = shape !== null && matchesShape(shape, item, significantOnce);
      }
      if (!alike) unlike.push(item);
    }
    let changed = unlike.length !== value.length;
    for (let i = 0; i < unlike.length; i++) {
      const item = withoutAlikeItems(unlike[i], significant, significantOnce, depth + 1);
      if (item !== unlike[i]) changed = true;
      unlike[i] = item;
    }
    return changed ? unlike : value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    const field = (value as Record<string, unknown>)[key];
    const cut = withoutAlikeItems(field, significant, significantOnce, depth + 1);
    if (cut === field) continue;
    // defineProperty, as the validators see it: a `__proto__` key stays a key.
    copy ??= { ...value };
    Object.defineProperty(copy, key, { value: cut, enumerable: true, writable: true, configurable: true });
  }
  return copy ?? value;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** undefined: not computed yet; null: the facts do not hold, no memo. */
let significantCache: ((s: string) => boolean) | null | undefined;

/**
 * The test a string must pass to be compared exactly: an enum member, or
 * valid for one of the string formats the validators check (formats that
 * apply to numbers do not matter: numbers are compared exactly).
 */
function significantString(): ((s: string) => boolean) | undefined {
  // Stryker disable next-line ConditionalExpression: the test built again is the same test (only slower)
  if (significantCache !== undefined) return significantCache ?? undefined;
  significantCache = null;
  if (facts.keywords.some((k) => !SHAPE_KEYWORDS.includes(k))) return undefined;
  if (installedValidatorsSource() !== facts.source) return undefined;
  const formats = installedFormats();
  if (!formats) return undefined;
  const checks: Array<(s: string) => boolean> = [];
  for (const name of facts.formats) {
    const check = stringFormatCheck(formats[name]);
    if (check === undefined) return undefined;
    if (check === 'numbers') continue;
    const guard = hasOwn.call(FORMAT_GUARDS, name) ? FORMAT_GUARDS[name] : undefined;
    checks.push(guard ? (s) => guard(s) && check(s) : check);
  }
  const enumStrings = new Set(facts.enumStrings);
  significantCache = (s) => {
    if (enumStrings.has(s)) return true;
    for (const check of checks) if (check(s)) return true;
    return false;
  };
  return significantCache;
}

/**
 * A cheap test every string valid for the format passes, as the packages
 * pinned by validator-facts.json's `source` define the format (with other
 * versions there is no memo at all): most strings of an app (names, images,
 * hosts) start with a letter and fail the guard, so the format's own check
 * (date-time splits the string) is skipped. A test holds each guard against
 * its format on valid examples and on many random strings.
 */
export const FORMAT_GUARDS: Readonly<Record<string, (s: string) => boolean>> = {
  // ajv-formats' date-time: a full date (`2026-11-21`), then `T` or a space and a time.
  'date-time': (s) => s.length >= 10 && isDigit(s.charCodeAt(0)),
  // @kubernetes-models/validate's quantity: a signed decimal number (`+1.5`, `.5`, `500`), then a suffix.
  // (An empty string fails without a length test: its charCodeAt(0) is NaN and its s[0] undefined.)
  'quantity': (s) => isDigit(s.charCodeAt(0)) || s[0] === '+' || s[0] === '-' || s[0] === '.',
  // @kubernetes-models/validate's byte (base64): groups of four characters.
  'byte': (s) => s.length % 4 === 0,
};

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * How ajv checks a string against a format definition: a function or a
 * regular expression, or an object with `validate`; one whose `type` is
 * number applies to numbers only. undefined when it is none of those (or
 * asynchronous), which turns the memo off.
 */
function stringFormatCheck(definition: unknown): ((s: string) => boolean) | 'numbers' | undefined {
  if (typeof definition === 'function') {
    // A check that throws makes the string count as significant: compared exactly, never assumed alike.
    return (s) => {
      try {
        return Boolean(definition(s));
      } catch {
        return true;
      }
    };
  }
  // A global or sticky expression keeps state between tests: the answer would depend on the order.
  if (definition instanceof RegExp) return definition.global || definition.sticky ? undefined : (s) => definition.test(s);
  if (definition && typeof definition === 'object') {
    const d = definition as { type?: unknown; async?: unknown; validate?: unknown };
    if (d.async) return undefined;
    if (d.type === 'number') return 'numbers';
    if (d.type !== undefined && d.type !== 'string') return undefined;
    const check = stringFormatCheck(d.validate);
    return check === 'numbers' ? undefined : check;
  }
  return undefined;
}
