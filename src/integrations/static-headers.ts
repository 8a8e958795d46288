import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentSecurityPolicy, headerRules, headersFile, inlineScriptHashes, redirectsFile, redirectTarget } from '../deploy/static-headers';

/**
 * After the build, writes `_headers` (security headers, a CSP with the hash of every inline script
 * the site has, caching) and `_redirects` (Pelican's old URLs, as real 301s) into the static site:
 * static hosts read them, and `npm run serve` applies the same files.
 */
export default function staticHeaders(options: { formAction: string | undefined }): AstroIntegration {
  return {
    name: 'static-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((path) => path.endsWith('.html'));
        const hashes = new Set<string>();
        const redirects = new Map<string, string>();
        for (const page of pages) {
          const html = await readFile(join(root, page), 'utf8');
          for (const hash of inlineScriptHashes(html)) hashes.add(hash);
          const target = redirectTarget(html);
          if (target) {
            const path = `/${relative(root, join(root, page)).split(sep).join('/')}`;
            redirects.set(path.replace(/index\.html$/, ''), target);
          }
        }
        await writeFile(join(root, '_headers'), headersFile(headerRules(contentSecurityPolicy(hashes, options.formAction))));
        await writeFile(join(root, '_redirects'), redirectsFile(redirects));
        logger.info(`_headers: ${hashes.size} inline script hash(es) in the CSP; _redirects: ${redirects.size} redirect(s)`);
      },
    },
  };
}
