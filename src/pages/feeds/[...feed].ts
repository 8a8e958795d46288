import type { APIRoute, GetStaticPaths } from 'astro';
import { allFeeds, FEED_CONTENT_TYPE, renderFeed, type FeedSpec } from '../../content/feeds';

export const getStaticPaths = (async () =>
  (await allFeeds()).map((spec) => ({ params: { feed: spec.path.replace(/^\/feeds\//, '') }, props: { spec } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const spec = props['spec'] as FeedSpec;
  return new Response(await renderFeed(spec), { headers: { 'Content-Type': FEED_CONTENT_TYPE[spec.format] } });
};
