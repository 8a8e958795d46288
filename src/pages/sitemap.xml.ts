import type { APIRoute } from 'astro';
import site from '@site-config';
import { siteRoutes } from '../content/queries/routes';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** Every listed page, with the date its content last changed: `modified` for entries. */
export const GET: APIRoute = async () => {
  const entries = (await siteRoutes()).flatMap((route) => {
    if (route.view === 'article' || route.view === 'page') {
      const { data } = route.view === 'article' ? route.article : route.page;
      if (data.status !== 'published') return [];
      return [{ url: route.url, lastmod: data.modified }];
    }
    const newest = route.view === 'listing' || route.view === 'archives' ? route.articles[0]?.data.modified : undefined;
    return [{ url: route.url, lastmod: newest }];
  });
  const body = entries
    .map(({ url, lastmod }) => {
      const location = `<loc>${escapeXml(new URL(url, site.url).href)}</loc>`;
      return `  <url>${location}${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>`;
    })
    .join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
