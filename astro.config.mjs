// @ts-check
import { resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { contentDirFrom } from './src/config/content-dir';
import { entrySettingsOf } from './src/config/entry-settings';
import { prerenderWorkersFrom } from './src/config/prerender-workers';
import { resolveSiteConfig } from './src/config/resolve-site-config';
import katexAssets from './src/integrations/katex-assets';
import pagefindInDev, { PAGEFIND_BASE } from './src/integrations/pagefind';
import pelicanStatic from './src/integrations/pelican-static';
import finishSite from './src/integrations/finish-site';
import pruneOutput from './src/integrations/prune-output';
import folderPages from './src/integrations/folder-pages';
import buildAccelerator from './src/build-accelerator';
import contentRefresh from './src/integrations/content-refresh';
import { buildFormatOf } from './src/lib/url-patterns';
import { markdownProcessorFor, shikiConfig } from './src/markdown/pipeline';
import { MAX_API_BODY_BYTES } from './src/newsletter/lifecycle';

// SITE_CONFIG: a site.config.ts, or a Pelican site's pelicanconf.py (read into a module of ours).
const { modulePath: siteConfigPath, notes: siteConfigNotes } = resolveSiteConfig(process.env, process.cwd(), fileURLToPath(new URL('.', import.meta.url)));
for (const note of siteConfigNotes) console.warn(`[site-config] ${note}`);
// Folders the dev server's Vite must not watch: builds, the bench's generated corpora (150,000
// files after `npm run bench -- --posts 10000`, which kept `npm run dev` from starting), test
// output, the newsletter's data; and the content folder, which `content-refresh` watches itself.
const unwatched = ['.bench', '.fixture-builds', 'dist', 'data', '.test-data', 'test-results', '.site-config'].map((dir) => resolve(dir) + sep);
const isUnwatched = (/** @type {string} */ path) => [...unwatched, contentDir + sep].some((dir) => `${resolve(path)}${sep}`.startsWith(dir));
/** @type {import('./src/config/site-schema').SiteConfig} */
const site = (await import(/* @vite-ignore */ pathToFileURL(siteConfigPath).href)).default;
const contentDir = contentDirFrom(process.env, process.cwd(), site.contentDir);
// Folder URLs (`posts/x/`) are written as folders, Pelican's `x.html` URLs as files.
const format = buildFormatOf(site.urls);

export default defineConfig({
  site: site.url,
  // Not 'always': the newsletter API lives at `/api/newsletter/subscribe` with no slash, and a
  // slash redirect would turn a form's POST into a GET. Pages still link with their slash.
  trailingSlash: 'ignore',
  // Pages render four at a time: while some wait on a social card (drawn on libvips threads) or a
  // file, the others run (1,000 posts: 13.8 s of prerendering, against 15.1 s two at a time).
  build: { format, concurrency: 4 },
  // Pages are prerendered; the adapter serves them and, in later features, on-demand API routes.
  // Astro buffers a request body up to this before a route sees it (its default is 1 GiB); the
  // server refuses larger ones earlier still (scripts/serve.ts).
  adapter: node({ mode: 'standalone', bodySizeLimit: MAX_API_BODY_BYTES }),
  // The newsletter API checks origins itself (src/newsletter/handlers.ts): Astro's check refuses
  // every form post without an `Origin` header, and mail clients' one-click unsubscribe sends none.
  security: { checkOrigin: false },
  integrations: [
    // Faster cold builds through Astro's internals, fenced in src/build-accelerator/ (README, Builds).
    buildAccelerator({ env: process.env, last: ['src/pages/social/[card].jpg.ts'], ...prerenderWorkersFrom(process.env) }),
    // In dev, which loaders (src/content.config.ts) run again when a file of each kind changes.
    contentRefresh({
      contentDir,
      layout: site.content,
      loadersByRole: {
        article: ['pelican-article-loader', 'pelican-page-loader'],
        page: ['pelican-article-loader', 'pelican-page-loader'],
        course: ['pelican-courses-loader'],
        author: ['pelican-authors-loader'],
        static: ['pelican-article-loader', 'pelican-page-loader', 'pelican-courses-loader', 'pelican-authors-loader'],
      },
    }),
    pelicanStatic({
      contentDir,
      layout: site.content,
      extraPathMetadata: site.content.extraPathMetadata,
      metadata: entrySettingsOf(site),
    }),
    katexAssets(),
    pagefindInDev({ devIndexDir: new URL('./dist/client/', import.meta.url).href }),
    // After the integrations that copy files into the site, before the ones that read it. The
    // search index is kept between builds, and its stale files removed as it is written.
    // Before the output is pruned and read: file output's folder pages take their index.html names.
    folderPages(),
    pruneOutput({ leave: [PAGEFIND_BASE] }),
    // Last: it checks the links of the finished site (the content folder's static files and
    // KaTeX's fonts copied) and indexes it for search.
    finishSite({ site: site.url, formAction: site.newsletter.action, language: site.language }),
  ],
  markdown: {
    // remark/rehype, not Astro 7's default Sätteri: our Pelican plugins are remark/rehype plugins.
    processor: markdownProcessorFor(site.markdown),
    // GFM's autolinks, `~~` and task lists are not Python-Markdown's: a Pelican site's processor
    // adds what of GFM Pelican's `extra` has (tables, footnotes) itself.
    gfm: site.markdown.dialect === 'project',
    shikiConfig,
  },
  // A rebuild copies the pages whose cache key (src/content/queries/page-cache-keys.ts) and code did not
  // change from the last build (kept in node_modules/.astro) instead of rendering them again.
  experimental: { incrementalBuild: true },
  vite: {
    // Code reads the site's settings from `@site-config`: the file SITE_CONFIG names.
    resolve: { alias: { '@site-config': siteConfigPath } },
    server: { watch: { ignored: [isUnwatched] } },
  },
});
