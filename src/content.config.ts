import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import site from '@site-config';
import { standDownReason } from './build-accelerator/active';
import { contentDirFrom } from './config/content-dir';
import { entrySettingsOf } from './config/entry-settings';
import { authorsLoader } from './content/loaders/authors-loader';
import { courseFiles } from './content/format/course-header';
import { headerFilesLoader } from './content/loaders/header-files-loader';
import { pelicanLoader } from './content/loaders/pelican-loader';
import { articleSchema } from './content/schemas/article';
import { authorSchema } from './content/schemas/author';
import { courseSchema } from './content/schemas/course';
import { pageSchema } from './content/schemas/page';

// Astro builds each entry's schema anew (its `image()` is bound to the entry's file), so zod's
// compiled fast path is generated for every entry and used once: at 1,000 posts that was 0.45 s.
z.config({ jitless: true });

const contentDir = contentDirFrom(process.env, process.cwd(), site.contentDir);
const schemas = { article: articleSchema, page: pageSchema };
const settings = entrySettingsOf(site);
const layout = site.content;
// Post bodies leave the content store only while the build accelerator runs (src/build-accelerator/):
// off, every entry keeps Astro's contract, `render(entry)` giving its body.
const bodies = standDownReason(process.env) ? 'store' : 'files';

export const collections = {
  articles: defineCollection({
    loader: pelicanLoader({ contentDir, layout, kind: 'article', schemas, settings, incomplete: site.content.incomplete, markdown: site.markdown, bodies }),
    schema: articleSchema,
  }),
  pages: defineCollection({
    loader: pelicanLoader({ contentDir, layout, kind: 'page', schemas, settings, incomplete: site.content.incomplete, markdown: site.markdown, bodies }),
    schema: pageSchema,
  }),
  courses: defineCollection({
    loader: headerFilesLoader({ name: 'pelican-courses-loader', contentDir, layout, ...courseFiles(site.timeZone) }),
    schema: courseSchema,
  }),
  authors: defineCollection({
    loader: authorsLoader({ contentDir, layout, schema: authorSchema }),
    schema: authorSchema,
  }),
};
