// `node -r cdk8s-netkit/register main.ts`: runs TypeScript apps as cdk8s.yaml's
// app command with no ts-node and no type check (`npm test` or `tsc --noEmit`
// does that), so a synth starts in well under a second and works with any
// TypeScript release a project uses. sucrase strips the types and turns
// `import` into `require`; `disableESTransforms` leaves modern syntax (`?.`,
// `??`, class fields) as written, which Node runs natively: sucrase's default
// lowering (a closure and an array per `?.`) made a large synth about 10 % slower.
// Files under node_modules are left alone (pirates' default), so compiled
// packages load untouched.
require('sucrase/dist/register').addHook('.ts', { transforms: ['typescript', 'imports'], disableESTransforms: true });
