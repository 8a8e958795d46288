import { resolve } from 'node:path';

/**
 * The site configuration file: `SITE_CONFIG` when set (relative to the working folder), else
 * `site.config.ts`. One generator can then build several sites, each with its content folder
 * (`CONTENT_DIR`) and its settings.
 *
 * @example siteConfigPathFrom({ SITE_CONFIG: 'sites/es.config.ts' }, '/work/site') // '/work/site/sites/es.config.ts'
 */
export function siteConfigPathFrom(env: Record<string, string | undefined>, cwd: string): string {
  const configured = env['SITE_CONFIG']?.trim();
  return resolve(cwd, configured ? configured : 'site.config.ts');
}
