import { Problem } from '../../core/errors';

/** An HTTPRoute path match, and the URLRewrite an ingress-nginx rewrite-target becomes. */
export interface ConvertedPath {
  readonly path: { readonly type: 'Exact' | 'PathPrefix'; readonly value: string };
  /** The `urlRewrite` field of a URLRewrite filter. */
  readonly urlRewrite?: Record<string, unknown>;
}

/** Characters that make an nginx regex location more than a literal prefix (`.` is left out: `/favicon.ico` is meant literally). */
const REGEX_CHARACTERS = /[\^$()[\]{}*+?|\\]/;
const LITERAL = String.raw`(/[^\^$()[\]{}*+?|\\]*?)`;
/**
 * The two ways the ingress-nginx docs strip a prefix: `/app(/|$)(.*)` with
 * `/$2`, and `/app/?(.*)` with `/$1`. Both are a PathPrefix match with
 * ReplacePrefixMatch "/" in Gateway API.
 */
const STRIP_PREFIX_IDIOMS: ReadonlyArray<{ readonly path: RegExp; readonly target: string }> = [
  { path: new RegExp(String.raw`^${LITERAL}\(/\|\$\)\(\.\*\)$`), target: '/$2' },
  { path: new RegExp(String.raw`^${LITERAL}/\?\(\.\*\)$`), target: '/$1' },
];

/** How one Ingress path converts: a match, or why it cannot, and what behaves differently. */
export interface PathConversion {
  readonly converted?: ConvertedPath;
  readonly notConverted?: Problem;
  readonly changed?: Problem;
}

/**
 * Converts one `spec.rules[].http.paths[]` entry. `regexMode` is ingress-nginx's:
 * on when any Ingress of the host sets use-regex or rewrite-target, and then
 * every Prefix and ImplementationSpecific path of the host is a
 * case-insensitive regex prefix.
 */
export function convertPath(field: string, entry: any, regexMode: boolean, rewriteTarget: string | undefined): PathConversion {
  const value: string = typeof entry?.path === 'string' && entry.path !== '' ? entry.path : '/';
  const pathType: string = entry?.pathType ?? 'ImplementationSpecific';
  if (regexMode && pathType !== 'Exact') {
    const idiom = rewriteTarget !== undefined ? STRIP_PREFIX_IDIOMS.find((i) => i.target === rewriteTarget && i.path.test(value)) : undefined;
    if (idiom) {
      const prefix = idiom.path.exec(value)![1] || '/';
      return {
        converted: { path: { type: 'PathPrefix', value: prefix }, ...(prefix === '/' ? {} : { urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }) },
        changed: regexChanged(field, value, `PathPrefix "${prefix}" with URLRewrite ReplacePrefixMatch "/"`),
      };
    }
    if (REGEX_CHARACTERS.test(value)) {
      return {
        notConverted: {
          field: `${field}.path`,
          message: 'not converted: a regular expression (use-regex or rewrite-target makes ingress-nginx read it as one); HTTPRoute RegularExpression matching is implementation-specific and not portable.',
          value,
          fix: 'replace it with Exact or PathPrefix matches, or write a RegularExpression match by hand if your implementation supports its dialect.',
        },
      };
    }
  }
  if (rewriteTarget !== undefined && rewriteTarget.includes('$')) {
    return {
      notConverted: {
        field: `${field}.path`,
        message: `not converted: rewrite-target ${JSON.stringify(rewriteTarget)} uses capture groups, which URLRewrite cannot express.`,
        value,
        fix: 'rewrite to a fixed path (ReplaceFullPath) or strip a prefix (path "/app(/|$)(.*)" with rewrite-target "/$2" converts to ReplacePrefixMatch).',
      },
    };
  }
  if (pathType === 'Exact') return { converted: withRewrite({ type: 'Exact', value }, rewriteTarget) };
  if (regexMode) return { converted: withRewrite({ type: 'PathPrefix', value }, rewriteTarget), changed: regexChanged(field, value, `PathPrefix "${value}"`) };
  const converted = { path: { type: 'PathPrefix' as const, value } };
  if (pathType === 'ImplementationSpecific' && !value.endsWith('/')) {
    return {
      converted,
      changed: {
        field: `${field}.pathType`,
        message: `ImplementationSpecific: ingress-nginx matched "${value}" as a string prefix (it also matched "${value}x"); PathPrefix matches whole path elements only.`,
        value: pathType,
        fix: `add a path for the longer URLs if they were meant to match, or nothing if "${value}" only ever meant the "${value}" subtree.`,
      },
    };
  }
  return { converted };
}

/** A rewrite-target without capture groups replaces the whole path, as nginx's `rewrite` does. */
function withRewrite(path: ConvertedPath['path'], rewriteTarget: string | undefined): ConvertedPath {
  if (rewriteTarget === undefined) return { path };
  return { path, urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: rewriteTarget } } };
}

function regexChanged(field: string, value: string, as: string): Problem {
  return {
    field: `${field}.path`,
    message: `ingress-nginx matched "${value}" as a case-insensitive regular expression at the start of the path; it is converted to ${as}, which is case-sensitive and matches whole path elements.`,
    value,
    fix: 'check that the URLs your clients use still match; add paths for other spellings if they must.',
  };
}
