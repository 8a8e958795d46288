import type { APIRoute, GetStaticPaths } from 'astro';
import site from '@site-config';
import { articlesWithPages } from '../../content/queries/queries';
import { cacheKey } from '../../lib/cache-key';
import { socialCardJpeg, startDrawingCards } from '../../lib/social-card';

// Cards survive `dist/` being wiped; node_modules/.cache is where build tools keep such things.
const CACHE_DIR = 'node_modules/.cache/social-cards';

// A card for the site, and one for each post without a cover image of its own. The key is what
// the card shows, so a rebuild copies every card whose title did not change.
export const getStaticPaths = (async () => {
  const cards = [
    { card: 'site', title: site.tagline || site.title },
    ...(await articlesWithPages())
      .filter(({ data }) => !data.headerCover)
      .map(({ id, data }) => ({ card: id, title: data.title })),
  ];
  // Astro asks every route for its paths before it renders any page: the cards are drawn while
  // the pages are rendered. In dev, a card is drawn when it is asked for.
  if (import.meta.env.PROD) startDrawingCards(cards.map(({ title }) => title), site.title, CACHE_DIR);
  return cards.map(({ card, title }) => ({ params: { card }, props: { title }, cacheKey: cacheKey(title, site.title) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await socialCardJpeg(String(props['title']), site.title, CACHE_DIR)), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
