import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readPelicanConf } from './pelican/read-pelicanconf';
import { siteFromPelican } from './pelican/site-from-pelican';
import { siteConfigPathFrom } from './site-config-path';

export interface ResolvedSiteConfig {
  /** The module `@site-config` names: `site.config.ts`, or the one written from a `pelicanconf.py`. */
  modulePath: string;
  /** The file the settings come from. */
  sourcePath: string;
  /** What to tell the author about the settings (one line each). */
  notes: string[];
}

/** Written configurations live in the project, not node_modules: Vite compiles them like the project's own. */
const GENERATED_DIR = '.site-config';

/**
 * The site's settings module: `SITE_CONFIG` (default `site.config.ts`). A `pelicanconf.py` is read
 * as Pelican reads it and turned into a site configuration module, written under
 * `.site-config/` for Astro and the command-line tools to import; its notes say which settings
 * differ from Pelican's and which lines could not be read.
 */
export function resolveSiteConfig(env: Record<string, string | undefined>, cwd: string, projectRoot: string): ResolvedSiteConfig {
  const sourcePath = siteConfigPathFrom(env, cwd);
  if (!sourcePath.endsWith('.py')) return { modulePath: sourcePath, sourcePath, notes: [] };
  const conf = readPelicanConf(sourcePath, join(projectRoot, 'src/config/pelican/evaluate-settings.py'), env);
  const { config, warnings } = siteFromPelican(conf.settings, sourcePath, env);
  const shown = relative(cwd, sourcePath) || sourcePath;
  const notes = [
    ...conf.problems.map((problem) => `${shown}${problem.line ? `:${problem.line}` : ''}${problem.setting ? ` ${problem.setting}` : ''}: ${problem.message}`),
    ...warnings.map((warning) => `${shown} ${warning.setting}: ${warning.message}`),
  ];
  const source = [
    `// Written from ${sourcePath} by src/config/resolve-site-config.ts: edit that file, not this one.`,
    `import { defineSiteConfig } from ${JSON.stringify(join(projectRoot, 'src/config/site-schema.ts'))};`,
    `export default defineSiteConfig(${JSON.stringify(config, null, 2)});`,
    '',
  ].join('\n');
  const folder = resolve(projectRoot, GENERATED_DIR);
  const modulePath = join(folder, `${createHash('sha1').update(sourcePath).digest('hex').slice(0, 12)}.config.ts`);
  mkdirSync(folder, { recursive: true });
  // Rewritten only when it changes: the dev server reloads on a change of the module.
  let current: string | undefined;
  try {
    current = readFileSync(modulePath, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== source) writeFileSync(modulePath, source);
  return { modulePath, sourcePath, notes };
}
