import { processWideMap } from '../../lib/process-wide-map';

// The loaders find where `{attach}` moves files when they read the folder (Astro's content layer);
// the pelican-static integration copies the files there when the build is done, and serves them
// there in dev (Vite's module graph): each has its own copy of this module.
const registry = processWideMap<string, ReadonlyMap<string, string>>('pelican-astro.attached-places');

/** What the last read of a content folder found: each attached file's path on the site, by its path in the folder. */
export function setAttachedPlaces(contentDir: string, places: ReadonlyMap<string, string>): void {
  registry().set(contentDir, places);
}

/** Where the files of a content folder that `{attach}` moved are on the site (none before a read). */
export function attachedPlaces(contentDir: string): ReadonlyMap<string, string> {
  return registry().get(contentDir) ?? new Map();
}
