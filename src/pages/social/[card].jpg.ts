import type { APIRoute, GetStaticPaths } from 'astro';
import site from '@site-config';
import { articlesWithPages } from '../../content/queries/queries';
import { orderedCourses } from '../../content/queries/courses';
import { termCardId, courseCardId, sectionCardId } from '../../content/queries/share-images';
import { TAXONOMIES, termIndexUrl, termUrl, terms } from '../../content/queries/routes';
import { translator } from '../../i18n/translate';
import { cacheKey } from '../../lib/cache-key';
import { socialCardJpeg, startDrawingCards } from '../../lib/social-card';

// Cards survive `dist/` being wiped; node_modules/.cache is where build tools keep such things.
const CACHE_DIR = 'node_modules/.cache/social-cards';
/** Whose cards: the site's name and colours, on every card. */
const BRAND = { siteName: site.title, colours: site.socialCard };

// A card for the site, one for each post and course without a cover image of its own, and one
// for each category, tag and author page. The key is what the card shows, so a rebuild copies
// every card whose title did not change.
export const getStaticPaths = (async () => {
  const t = translator(site.language);
  const { upcoming, past } = await orderedCourses();
  const termCards = [];
  for (const kind of TAXONOMIES) {
    for (const term of await terms(kind)) {
      if (termUrl(kind, term.name)) termCards.push({ card: termCardId(kind, term.slug), title: t('listing.termTitle', { kind: t(`listing.${kind}`), name: term.name }) });
    }
  }
  // The sections' own pages, each with its name: shared, a link to the archives says what it is.
  const sectionCards = [
    { card: sectionCardId('archives'), title: t('archives.title') },
    { card: sectionCardId('search'), title: t('search.title') },
    ...(upcoming.length + past.length > 0 ? [{ card: sectionCardId('training'), title: t('training.title') }] : []),
    ...TAXONOMIES.filter((kind) => termIndexUrl(kind)).map((kind) => ({ card: sectionCardId(`terms-${kind}`), title: t(`terms.${kind}`) })),
  ];
  const cards = [
    { card: 'site', title: site.tagline || site.title },
    ...sectionCards,
    ...(await articlesWithPages())
      .filter(({ data }) => !data.headerCover)
      .map(({ id, data }) => ({ card: id, title: data.title })),
    ...[...upcoming, ...past].filter(({ data }) => !data.headerCover).map(({ data }) => ({ card: courseCardId(data.slug), title: data.title })),
    ...termCards,
  ];
  // Astro asks every route for its paths before it renders any page: the cards are drawn while
  // the pages are rendered. In dev, a card is drawn when it is asked for.
  if (import.meta.env.PROD) startDrawingCards(cards.map(({ title }) => title), BRAND, CACHE_DIR);
  return cards.map(({ card, title }) => ({ params: { card }, props: { title }, cacheKey: cacheKey(title, BRAND) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await socialCardJpeg(String(props['title']), BRAND, CACHE_DIR)), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
