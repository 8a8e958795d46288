import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { internalLinks, resolvesIn } from '../deploy/link-check';
import { parseRedirectsFile } from '../deploy/static-headers';

/** Links every page may reach that the static site does not hold: the server's own routes. */
const ON_DEMAND = ['/api/', '/newsletter/confirm/', '/newsletter/unsubscribe/', '/healthz'];
/** Broken links listed in the error; the rest are counted. */
const SHOWN = 50;

/**
 * After the build, follows every internal link, image, stylesheet, feed and redirect of every page
 * and fails the build naming the page and the link that lead nowhere: a reader never meets a 404
 * the build could have seen. Runs after `_redirects` is written.
 */
export default function linkCheck(options: { site: string }): AstroIntegration {
  return {
    name: 'link-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const origin = new URL(options.site).origin;
        const redirectsText = await readFile(join(root, '_redirects'), 'utf8').catch(() => '');
        const extra = { redirects: new Set(parseRedirectsFile(redirectsText).keys()), onDemand: ON_DEMAND };
        const pages = (await readdir(root, { recursive: true })).filter((path) => path.endsWith('.html'));
        const broken: string[] = [];
        const known = new Map<string, boolean>();
        let checked = 0;
        for (const page of pages) {
          const html = await readFile(join(root, page), 'utf8');
          for (const link of internalLinks(html, origin)) {
            checked += 1;
            let ok = known.get(link);
            if (ok === undefined) known.set(link, (ok = resolvesIn(root, link, extra)));
            if (!ok) broken.push(`${page}: ${link}`);
          }
        }
        if (broken.length > 0) {
          const list = broken.slice(0, SHOWN).join('\n');
          const more = broken.length > SHOWN ? `\n… and ${broken.length - SHOWN} more` : '';
          throw new AstroError(`${broken.length} link(s) in the built site lead nowhere:\n${list}${more}`, 'Each line names the page (in the output folder) and the path it links to. Fix the link in the content, or the file it points to.');
        }
        logger.info(`${checked} internal links of ${pages.length} pages lead somewhere`);
      },
    },
  };
}
