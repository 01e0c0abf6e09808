// How `cdk8s synth` runs main.ts (cdk8s.yaml: node -r ./scripts/register-ts.js main.ts):
// sucrase strips the types, with no type check (`npm test` does that).
// Unlike `-r sucrase/register/ts`, modern syntax (`?.`, `??`, class fields)
// stays as written, as in the published build (tsconfig target ES2022): Node
// runs it natively, while sucrase's default lowering (a closure and an array
// per `?.`) made a large synth about 10 % slower.
require('sucrase/dist/register').addHook('.ts', { transforms: ['typescript', 'imports'], disableESTransforms: true });
