import { hashTransform, propsToFilename } from 'astro/assets';
import { isESMImportedImage } from 'astro/assets/utils';
import type { ImageTransform } from 'astro';

/** What a prerender worker needs of the site's settings to name images as Astro's Vite plugin does. */
export interface ImageNaming {
  /** `config.base` */
  base: string;
  /** `config.build.assets`, e.g. `_astro` */
  assetsFolder: string;
  /** `config.build.assetsPrefix` when it is one string for every file type */
  assetsPrefix: string | undefined;
  /** `config.image.service.entrypoint` */
  serviceEntrypoint: string;
}

/** One transform of one image, as Astro keeps it until the images are generated after the pages. */
export interface StaticImage {
  originalPath: string;
  originalSrcPath: string | undefined;
  hash: string;
  finalPath: string;
  transform: ImageTransform;
}

/** Astro's list of images to generate: by original path, the transforms asked of it. */
export type StaticImageList = Map<string, { originalSrcPath: string | undefined; transforms: Map<string, { finalPath: string; transform: ImageTransform }> }>;

// Astro's path helpers (@astrojs/internal-helpers/path), which Astro does not export.
const withSlash = (path: string) => (path.startsWith('/') ? path : `/${path}`);
const withoutTrailingSlash = (path: string) => (path.endsWith('/') ? path.slice(0, -1) : path);
const join = (...parts: string[]) =>
  parts
    .map((part, i) => (i === 0 ? withoutTrailingSlash(part) : i === parts.length - 1 ? part.replace(/^\//, '') : part.replace(/^\/|\/$/g, '')))
    .join('/');
const withoutBase = (path: string, base: string) => (path.startsWith(base) ? path.slice(withoutTrailingSlash(base).length) : path);

/**
 * The image registry Astro's Vite plugin installs as `globalThis.astroAsset.addStaticImage` in
 * the build's main thread, for a worker thread that has none: pages rendered there ask for
 * images as everywhere, and get the same URLs (the file name is a hash of the transform). The
 * images asked for are kept in `list`, for the main thread to generate after the pages, and
 * passed to `record` for the incremental build's metadata of the page. Astro's Cloudflare
 * adapter does the same for pages prerendered in workerd.
 *
 * `record` gets plain data: Astro hands the transform with the source image as a Proxy, which
 * cannot be posted to another thread.
 */
export function staticImageRegistry(naming: ImageNaming, list: StaticImageList, record: (image: StaticImage) => void) {
  return (options: ImageTransform, hashProperties: string[], originalSrcPath: string | undefined): string => {
    const source = isESMImportedImage(options.src) ? options.src.src : options.src;
    const originalPath = withoutBase(withoutBase(source, naming.base), naming.assetsPrefix ?? '');
    const hash = hashTransform(options, naming.serviceEntrypoint, hashProperties);
    let transforms = list.get(originalPath);
    let finalPath = transforms?.transforms.get(hash)?.finalPath;
    const transform: ImageTransform = JSON.parse(JSON.stringify(options));
    if (finalPath === undefined) {
      const folder = isESMImportedImage(options.src) ? '' : naming.assetsFolder;
      finalPath = withSlash(join(folder, withSlash(propsToFilename(originalPath, options, hash))));
      if (!transforms) list.set(originalPath, (transforms = { originalSrcPath, transforms: new Map() }));
      transforms.transforms.set(hash, { finalPath, transform });
    }
    record({ originalPath, hash, finalPath, originalSrcPath, transform });
    return encodeURI(naming.assetsPrefix ? join(naming.assetsPrefix, finalPath) : withSlash(join(naming.base, finalPath)));
  };
}
