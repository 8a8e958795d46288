import type { APIRoute, GetStaticPaths } from 'astro';
import site from '@site-config';
import { pelicanRedirects, redirectPage } from '../content/legacy-urls';
import { articlesWithPages, pagesWithPages } from '../content/queries';
import { archivesUrl, TAXONOMIES, termIndexUrl, termUrl, terms } from '../content/routes';

// With `redirectFrom: 'pelican'`, Pelican's default URLs answer with a redirect to the new ones.
export const getStaticPaths = (async () => {
  if (site.redirectFrom !== 'pelican') return [];
  const entries = [...(await articlesWithPages()), ...(await pagesWithPages())].map(({ collection, data }) => ({
    kind: collection === 'articles' ? ('article' as const) : ('page' as const),
    url: data.url,
    slug: data.slug,
    lang: data.lang,
    translation: data.translation,
  }));
  const moved = [];
  for (const kind of TAXONOMIES) {
    for (const term of await terms(kind)) moved.push({ kind, name: term.name, url: termUrl(kind, term.name) });
  }
  const indexes = {
    archives: archivesUrl(),
    categories: termIndexUrl('category'),
    tags: termIndexUrl('tag'),
    authors: termIndexUrl('author'),
  };
  return pelicanRedirects(entries, moved, indexes, site.timeZone).map(({ from, to }) => ({
    params: { legacy: from.slice(1) },
    props: { to },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const to = String(props['to']);
  return new Response(redirectPage(to, new URL(to, site.url).href), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
};
