import site from '@site-config';
import { routeCacheKey } from './page-cache-keys';
import { siteRoutes, type SiteRoute } from './routes';
import { buildFormatOf, routePathOf } from '../../lib/url-patterns';

/**
 * The static paths of the site's pages, for `[...path].astro`. The cache key lets a rebuild copy
 * the pages whose content did not change (page-cache-keys.ts).
 */
export async function staticPaths(): Promise<{ params: { path: string | undefined }; props: { route: SiteRoute }; cacheKey: string }[]> {
  // The dev server reads `/x/` as a request for `x`: it needs no folder page to rename.
  const format = import.meta.env.DEV ? 'directory' : buildFormatOf(site.urls);
  return Promise.all(
    (await siteRoutes()).map(async (route) => ({
      // The dev server reads `/x/index.html` as `/x/` too.
      params: { path: routePathOf(import.meta.env.DEV ? route.url.replace(/(^|\/)index\.html$/, '$1') : route.url, format) || undefined },
      props: { route },
      cacheKey: await routeCacheKey(route),
    })),
  );
}
