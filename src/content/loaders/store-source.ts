import type { LoaderContext } from 'astro/loaders';

const SOURCE_KEY = 'content-folder';

/**
 * Empties a collection's store when it was filled from another content folder (`CONTENT_DIR`
 * changed since the last build). Astro keeps the store across builds, and entries of the other
 * folder would otherwise leave their images listed in Astro's asset imports, failing the build
 * with "Could not find requested image" until `astro build --force`.
 */
export function forgetOtherFolders(context: Pick<LoaderContext, 'meta' | 'store'>, contentDir: string): void {
  if (context.meta.get(SOURCE_KEY) === contentDir) return;
  context.store.clear();
  context.meta.set(SOURCE_KEY, contentDir);
}
