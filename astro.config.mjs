// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { unified } from '@astrojs/markdown-remark';
import site from './site.config';
import { contentDirFrom } from './src/config/content-dir';
import pelicanStatic from './src/integrations/pelican-static';
import { markdownPipeline, shikiConfig } from './src/markdown/pipeline';
import { buildFormatOf } from './src/lib/url-patterns';

// Folder URLs (`posts/x/`) are written as folders, Pelican's `x.html` URLs as files.
const format = buildFormatOf(site.urls);

export default defineConfig({
  site: site.url,
  trailingSlash: format === 'directory' ? 'always' : 'ignore',
  build: { format },
  // Pages are prerendered; the adapter serves them and, in later features, on-demand API routes.
  adapter: node({ mode: 'standalone' }),
  integrations: [pelicanStatic(contentDirFrom(process.env, process.cwd()))],
  markdown: {
    // remark/rehype, not Astro 7's default Sätteri: our Pelican plugins are remark/rehype plugins.
    processor: unified(markdownPipeline),
    shikiConfig,
  },
});
