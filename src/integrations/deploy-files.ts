import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { resolvesIn } from '../deploy/link-check';
import { scanPages } from '../deploy/page-scans';
import { contentSecurityPolicy, headerRules, headersFile, redirectsFile } from '../deploy/static-headers';

/** Links every page may reach that the static site does not hold: the server's own routes. */
const ON_DEMAND = ['/api/', '/newsletter/confirm/', '/newsletter/unsubscribe/', '/healthz'];
/**
 * Pages read at once: one after the other, the build waited on the disk for two thirds of this
 * pass (10,000 posts: 10 s, 6 of them idle).
 */
const READS_AT_ONCE = 32;
/** Broken links listed in the error; the rest are counted. */
const SHOWN = 50;

/** What the deploy files need to know of the site. */
export interface DeployFilesOptions {
  site: string;
  formAction: string | undefined;
  /** Whether a link that leads nowhere fails the build (`--strict`), or is a warning. */
  strict?: boolean;
}

/**
 * After the build, one pass over every page of the static site in `root`:
 * - writes `_headers` (security headers, a CSP with the hash of every inline script the site has,
 *   caching) and `_redirects` (Pelican's old URLs, as real 301s): static hosts read them, and
 *   `npm run serve` applies the same files;
 * - follows every internal link, image, stylesheet, feed and redirect, and fails the build naming
 *   the page and the link that lead nowhere: a reader never meets a 404 the build could have seen.
 */
export async function writeDeployFiles(root: string, options: DeployFilesOptions, logger: AstroIntegrationLogger): Promise<void> {
  const origin = new URL(options.site).origin;
  const pages = (await readdir(root, { recursive: true })).filter((path) => path.endsWith('.html'));
  // In the pages' order, so the files written are the same from build to build.
  const read = await scanPages(root, pages, { origin, readsAtOnce: READS_AT_ONCE });
  const hashes = new Set(read.flatMap((page) => page.hashes));
  const redirects = new Map<string, string>();
  const linksOf = new Map<string, string[]>();
  for (const [at, page] of pages.entries()) {
    const { target, links } = read[at]!;
    if (target) redirects.set(`/${page.split('\\').join('/')}`.replace(/index\.html$/, ''), target);
    linksOf.set(page, links);
  }
  await writeFile(join(root, '_headers'), headersFile(headerRules(contentSecurityPolicy(hashes, options.formAction))));
  await writeFile(join(root, '_redirects'), redirectsFile(redirects));
  logger.info(`_headers: ${hashes.size} inline script hash(es) in the CSP; _redirects: ${redirects.size} redirect(s)`);

  // Links are checked once the redirects are known: an old URL leads somewhere.
  const extra = { redirects: new Set(redirects.keys()), onDemand: ON_DEMAND };
  const known = new Map<string, boolean>();
  const broken: string[] = [];
  let checked = 0;
  for (const [page, links] of linksOf) {
    for (const link of links) {
      checked += 1;
      let ok = known.get(link);
      if (ok === undefined) known.set(link, (ok = resolvesIn(root, link, extra)));
      if (!ok) broken.push(`${page}: ${link}`);
    }
  }
  const list = broken.slice(0, SHOWN).join('\n');
  const more = broken.length > SHOWN ? `\n… and ${broken.length - SHOWN} more` : '';
  const hint = 'Each line names the page (in the output folder) and the path it links to. Fix the link in the content, or the file it points to.';
  // Pelican publishes a page whose link leads nowhere, and warns; so do we, and a strict build fails.
  if (broken.length > 0 && options.strict) throw new AstroError(`${broken.length} link(s) in the built site lead nowhere:\n${list}${more}`, hint);
  if (broken.length > 0) logger.warn(`${broken.length} of ${checked} internal link(s) lead nowhere (npm run build -- --strict fails on them):\n${list}${more}`);
  else logger.info(`${checked} internal links of ${pages.length} pages lead somewhere`);
}
