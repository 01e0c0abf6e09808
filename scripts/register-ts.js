// How `cdk8s synth` runs main.ts in this repository (cdk8s.yaml: node -r
// ./scripts/register-ts.js main.ts): the same transpile-only register the
// package ships to users as `cdk8s-netkit/register` (see ../register.js).
require('../register');
