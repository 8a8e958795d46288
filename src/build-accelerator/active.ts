// Whether the build accelerator runs: read by astro.config.mjs (to install it) and by the content
// config (bodies leave the content store only while it runs). Pure: no Astro internals here.
import { createRequire } from 'node:module';

/**
 * The Astro versions the accelerator was tested on. Astro changed exactly the functions it uses in
 * a minor release during 7.x: on another version it stands down rather than guess.
 */
export const TESTED_ASTRO_VERSIONS = /^7\.3\.\d+$/;

/** The installed Astro's version. */
export function astroVersion(): string {
  return (createRequire(import.meta.url)('astro/package.json') as { version: string }).version;
}

/** Why the accelerator stands down, or `undefined` when it runs. */
export function standDownReason(env: Record<string, string | undefined>, version = astroVersion()): string | undefined {
  if (env['BUILD_ACCELERATOR'] === 'off') return 'off (BUILD_ACCELERATOR=off): Astro builds the site on its own';
  if (!TESTED_ASTRO_VERSIONS.test(version)) return `off: Astro ${version} is not a version it was tested on (7.3.x); Astro builds the site on its own, slower`;
  return undefined;
}
