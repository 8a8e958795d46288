import type { APIRoute, GetStaticPaths } from 'astro';
import { allFeeds, FEED_CONTENT_TYPE, feedItems, renderFeed, type FeedSpec } from '../../content/queries/feeds';
import { feedCacheKey } from '../../content/queries/page-cache-keys';

export const getStaticPaths = (async () =>
  Promise.all(
    (await allFeeds()).map(async (spec) => ({
      params: { feed: spec.path.replace(/^\/feeds\//, '') },
      props: { spec },
      cacheKey: await feedCacheKey(spec, feedItems(spec)),
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const spec = props['spec'] as FeedSpec;
  return new Response(await renderFeed(spec), { headers: { 'Content-Type': FEED_CONTENT_TYPE[spec.format] } });
};
