// tsc copies an imported JSON file into build/ (resolveJsonModule), so the npm package carries it.
// Its own module, required by crds.ts only when the CRDs are made: parsing 484 KB of JSON and
// keeping the result would otherwise cost every program that imports the library.
import vendored from './crds-v2.6.7.json';

/** The vendored CRD documents, as committed (callers copy before changing anything). */
export const VENDORED_NGF_CRDS: readonly unknown[] = vendored;
