import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { ALLOWS_ANNOTATION, DENIES_ANNOTATION } from '../../lib';

// The traffic map reads manifests; it must not import the constructs that write them
// (NamespaceIsolation pulls in cdk8s), only the names both share.
describe('traffic map imports', () => {
  const dir = join(__dirname, '../../lib/traffic');
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));

  test('no traffic module imports the NamespaceIsolation construct module', () => {
    const offenders = sources.filter((s) => /from '\.\.\/isolation\/isolation'/.test(s.text)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  test('the annotation names stay public and unchanged', () => {
    expect(ALLOWS_ANNOTATION).toBe('netkit.io/allows');
    expect(DENIES_ANNOTATION).toBe('netkit.io/denies');
  });
});
