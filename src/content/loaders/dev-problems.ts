import type { ContentProblem } from '../format/content-error';

// Shared through globalThis: the loaders run in Astro's content layer, the middleware that shows
// the problems in the dev server's overlay runs in Vite's module graph, and each has its own copy
// of this module.
const KEY = Symbol.for('pelican-astro.content-problems');
type Registry = Map<string, readonly ContentProblem[]>;
const registry = (): Registry => ((globalThis as Record<symbol, Registry>)[KEY] ??= new Map());

/** What a loader found at its last sync in the dev server (none: an empty list). */
export function setDevProblems(loader: string, problems: readonly ContentProblem[]): void {
  registry().set(loader, problems);
}

/** Every content problem the dev server knows now. */
export function devProblems(): ContentProblem[] {
  return [...registry().values()].flat();
}
