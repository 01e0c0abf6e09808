// Writes lib/core/prop-shapes.generated.ts (see prop-shapes.ts): `npm run gen:props`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPropShapes, renderPropShapes } from './prop-shapes';

const projectDir = join(__dirname, '..');
const out = join(projectDir, 'lib', 'core', 'prop-shapes.generated.ts');
const shapes = readPropShapes(projectDir);
writeFileSync(out, renderPropShapes(shapes));
console.log(`${out}: ${Object.keys(shapes).length} props shapes`);
