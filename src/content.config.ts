import { defineCollection } from 'astro:content';
import site from '../site.config';
import { contentDirFrom } from './config/content-dir';
import { pelicanLoader } from './content/pelican-loader';
import { articleSchema } from './content/schemas/article';
import { pageSchema } from './content/schemas/page';

const contentDir = contentDirFrom(process.env, process.cwd());
const settings = {
  timeZone: site.timeZone,
  defaultAuthor: site.defaultAuthor,
  defaultLang: site.language,
};

export const collections = {
  articles: defineCollection({
    loader: pelicanLoader({ contentDir, kind: 'article', schema: articleSchema, settings }),
    schema: articleSchema,
  }),
  pages: defineCollection({
    loader: pelicanLoader({ contentDir, kind: 'page', schema: pageSchema, settings }),
    schema: pageSchema,
  }),
};
