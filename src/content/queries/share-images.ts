import { join } from 'node:path';
import site from '@site-config';
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import sharp from 'sharp';
import { contentDirFrom } from '../../config/content-dir';
import { SOCIAL_CARD } from '../../lib/social-card';

/** An image for link previews: absolute URL, and its size when known. */
export interface ShareImage {
  url: string;
  width?: number;
  height?: number;
}

/** The generated card of a post (by id) or of the site. */
export const socialCardUrl = (id = 'site'): string => `/social/${id}.jpg`;

// Cards of courses and term pages have a dot in their id: slugs never do, so no post's card is theirs.
/** The card of a category, tag or author page. */
export const termCardId = (kind: string, slug: string): string => `${kind}.${slug}`;
/** The card of a section's own page: the archives, the training index, search, a term index. */
export const sectionCardId = (section: string): string => `section.${section}`;
/** The card of a course without a cover. */
export const courseCardId = (slug: string): string => `course.${slug}`;

/** A generated card as a page's preview image. */
export const cardShareImage = (id: string): ShareImage => ({ url: absolute(socialCardUrl(id)), ...SOCIAL_CARD });

const absolute = (path: string) => new URL(path, `${site.url}/`).href;

/** An image named in a header (`og_image`), from the content folder: absolute, with its size. */
async function headerImage(path: string): Promise<ShareImage> {
  // Pelican's clean-blog theme glued these to SITEURL without a slash; a URL object never does.
  const url = absolute(path.replace(/^\/+/, '/'));
  if (/^https?:/i.test(path)) return { url };
  const size = await sharp(join(contentDirFrom(process.env, process.cwd(), site.contentDir), path.replace(/^\/+/, '')))
    .metadata()
    .catch(() => undefined);
  return size?.width && size.height ? { url, width: size.width, height: size.height } : { url };
}

/** A 1200-wide JPEG of a cover, for previews. */
export async function coverShareImage(cover: ImageMetadata): Promise<ShareImage> {
  const image = await getImage({ src: cover, width: Math.min(1200, cover.width), format: 'jpeg' });
  return { url: absolute(image.src), width: Number(image.attributes['width']), height: Number(image.attributes['height']) };
}

/** The site's own card, for pages that have no image of their own. */
export const siteShareImage = (): ShareImage => ({ url: absolute(socialCardUrl()), ...SOCIAL_CARD });

/**
 * Preview images chosen as Pelican's clean-blog theme chooses them: `og_image`, else the header
 * cover, else a generated card; Twitter takes `twitter_image` when given, else the same.
 */
export async function shareImagesOf(entry: {
  id: string;
  data: { extra: Record<string, string>; headerCover?: ImageMetadata | undefined };
}): Promise<{ openGraph: ShareImage; twitter: ShareImage }> {
  const { extra, headerCover } = entry.data;
  const openGraph = extra['og_image']
    ? await headerImage(extra['og_image'])
    : headerCover
      ? await coverShareImage(headerCover)
      : { url: absolute(socialCardUrl(entry.id)), ...SOCIAL_CARD };
  const twitter = extra['twitter_image'] ? await headerImage(extra['twitter_image']) : openGraph;
  return { openGraph, twitter };
}
