// Shared through globalThis: the loaders find where `{attach}` moves files when they read the
// folder (Astro's content layer), and the pelican-static integration copies the files there when
// the build is done, and serves them there in dev (Vite's module graph): each has its own copy of
// this module.
const KEY = Symbol.for('pelican-astro.attached-places');
type Registry = Map<string, ReadonlyMap<string, string>>;
const registry = (): Registry => ((globalThis as Record<symbol, Registry>)[KEY] ??= new Map());

/** What the last read of a content folder found: each attached file's path on the site, by its path in the folder. */
export function setAttachedPlaces(contentDir: string, places: ReadonlyMap<string, string>): void {
  registry().set(contentDir, places);
}

/** Where the files of a content folder that `{attach}` moved are on the site (none before a read). */
export function attachedPlaces(contentDir: string): ReadonlyMap<string, string> {
  return registry().get(contentDir) ?? new Map();
}
