import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeDeployFiles, type DeployFilesOptions } from './deploy-files';
import { indexSite } from './pagefind';
import { isStrictBuild } from '../config/strict-build';

/**
 * At the end of `astro build`, on the finished site: the deploy files and link check, and the
 * search index, side by side. Both read every page, and Pagefind indexes in a process of its
 * own, so neither waits for the other (10,000 posts: about 12 s and 18 s one after the other).
 * A broken link is a warning, or, in a strict build (`--strict`), fails it once Pagefind has stopped.
 */
export default function finishSite(options: DeployFilesOptions & { language: string }): AstroIntegration {
  let serverDir: URL | undefined;
  return {
    name: 'finish-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        serverDir = config.build.server;
      },
      'astro:build:done': async ({ dir, logger }) => {
        // For `npm run serve`: the public URL the build was made for, which every absolute URL
        // the server writes (emails, redirects) starts with, whatever a request's Host says.
        if (serverDir && existsSync(serverDir)) await writeFile(new URL('site.json', serverDir), `${JSON.stringify({ url: options.site })}\n`);
        const root = fileURLToPath(dir);
        const results = await Promise.allSettled([
          writeDeployFiles(root, { ...options, strict: options.strict ?? isStrictBuild() }, logger.fork('deploy-files')),
          indexSite(root, options, logger.fork('pagefind')),
        ]);
        for (const result of results) if (result.status === 'rejected') throw result.reason;
      },
    },
  };
}
