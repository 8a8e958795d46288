import type { APIRoute, GetStaticPaths } from 'astro';
import site from '@site-config';
import { articlesWithPages } from '../../content/queries';
import { socialCardJpeg } from '../../lib/social-card';

// Cards survive `dist/` being wiped; node_modules/.cache is where build tools keep such things.
const CACHE_DIR = 'node_modules/.cache/social-cards';

/** A card for the site, and one for each post without a cover image of its own. */
export const getStaticPaths = (async () => [
  { params: { card: 'site' }, props: { title: site.tagline || site.title } },
  ...(await articlesWithPages())
    .filter(({ data }) => !data.headerCover)
    .map(({ id, data }) => ({ params: { card: id }, props: { title: data.title } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await socialCardJpeg(String(props['title']), site.title, CACHE_DIR)), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
