import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root, found from this file wherever the tests were compiled to. */
export function workspaceRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(directory, 'nx.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('no nx.json above the tests');
    directory = parent;
  }
  return directory;
}
