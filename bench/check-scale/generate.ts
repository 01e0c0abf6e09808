// The input of the benchmark's "check: 50 MB file" section (issue 16): one YAML
// file of 331,838 small ConfigMaps, about 50 MiB. Written to a temp folder on each
// run, never committed.
import { closeSync, openSync, writeSync } from 'node:fs';

/** The number of documents issue 16 measured. */
export const SCALE_DOCUMENTS = 331_838;

/** One ConfigMap of 156 bytes (its `---` line included), as many repositories hold them: a name, a namespace, a label, one setting. */
export function scaleConfigMap(i: number): string {
  const id = String(i).padStart(6, '0');
  return [
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: config-${id}`,
    `  namespace: team-${String(i % 40).padStart(2, '0')}`,
    '  labels:',
    `    app: web-${String(i % 1000).padStart(4, '0')}`,
    'data:',
    `  url: "http://backend-${id}:80"`,
    '',
  ].join('\n');
}

/** Writes `documents` ConfigMaps to `file` in chunks (the whole text is never in memory); returns its size in bytes. */
export function writeScaleFile(file: string, documents = SCALE_DOCUMENTS): number {
  const fd = openSync(file, 'w');
  let bytes = 0;
  try {
    const chunk: string[] = [];
    for (let i = 0; i < documents; i++) {
      chunk.push(scaleConfigMap(i));
      if (chunk.length === 10_000 || i === documents - 1) {
        bytes += writeSync(fd, chunk.join(''));
        chunk.length = 0;
      }
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
