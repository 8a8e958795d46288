import { defineCollection } from 'astro:content';
import site from '@site-config';
import { contentDirFrom } from './config/content-dir';
import { authorsLoader } from './content/authors-loader';
import { pelicanLoader } from './content/pelican-loader';
import { articleSchema } from './content/schemas/article';
import { authorSchema } from './content/schemas/author';
import { pageSchema } from './content/schemas/page';

const contentDir = contentDirFrom(process.env, process.cwd());
const schemas = { article: articleSchema, page: pageSchema };
const settings = {
  timeZone: site.timeZone,
  defaultAuthor: site.defaultAuthor,
  defaultLang: site.language,
  urls: site.urls,
};

export const collections = {
  articles: defineCollection({
    loader: pelicanLoader({ contentDir, kind: 'article', schemas, settings }),
    schema: articleSchema,
  }),
  pages: defineCollection({
    loader: pelicanLoader({ contentDir, kind: 'page', schemas, settings }),
    schema: pageSchema,
  }),
  authors: defineCollection({
    loader: authorsLoader({ contentDir, schema: authorSchema }),
    schema: authorSchema,
  }),
};
