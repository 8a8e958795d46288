import { defineMiddleware } from 'astro:middleware';
import { ContentError } from './content/format/content-error';
import { devProblems } from './content/loaders/dev-problems';

/**
 * In `npm run dev`, a content file with mistakes shows Astro's error overlay, naming file and
 * line, on every page until it is fixed (the server keeps running and picks up the fix).
 */
export const onRequest = defineMiddleware((_context, next) => {
  if (import.meta.env.DEV) {
    const problems = devProblems();
    if (problems.length > 0) throw new ContentError(problems);
  }
  return next();
});
