import type { ContentProblem } from '../format/content-error';
import { processWideMap } from '../../lib/process-wide-map';

// The loaders run in Astro's content layer, the middleware that shows the problems in the dev
// server's overlay in Vite's module graph: each has its own copy of this module.
const registry = processWideMap<string, readonly ContentProblem[]>('pelican-astro.content-problems');

/** What a loader found at its last sync in the dev server (none: an empty list). */
export function setDevProblems(loader: string, problems: readonly ContentProblem[]): void {
  registry().set(loader, problems);
}

/** Every content problem the dev server knows now. */
export function devProblems(): ContentProblem[] {
  return [...registry().values()].flat();
}
