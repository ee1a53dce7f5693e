// The Prisma configuration a tool works with: the repository's prisma.config.ts, or another
// (`--config`, as the tests' scratch copies do), and the paths it names.
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

export const defaultPrismaConfig = path.join(repoRoot, 'prisma.config.ts');
const requireFromRoot = createRequire(path.join(repoRoot, 'package.json'));

/** The schema and migrations folder a Prisma config names, as the CLI itself resolves them. */
export async function prismaPaths(configFile) {
  // @prisma/config is the CLI's own dependency: resolved from the CLI so it is its very copy.
  const { loadConfigFromFile } = createRequire(requireFromRoot.resolve('prisma/package.json'))('@prisma/config');
  const { config, error } = await loadConfigFromFile({ configFile });
  if (error) throw new Error(`cannot load ${configFile}: ${error._tag ?? ''} ${error.error?.message ?? JSON.stringify(error)}`);
  const base = path.dirname(configFile);
  const schema = path.resolve(base, config.schema ?? 'prisma/schema.prisma');
  const migrations = path.resolve(base, config.migrations?.path ?? path.join(path.dirname(schema), 'migrations'));
  return { schema, migrations };
}
