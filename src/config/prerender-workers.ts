import { availableParallelism } from 'node:os';

/** How a build prerenders pages on worker threads beside the main thread. */
export interface PrerenderWorkers {
  /** Worker threads; 0 renders on the main thread only. */
  workers: number;
  /** Pages the main thread renders before the workers are started. */
  startAfter: number;
}

/**
 * Worker threads start once a build has this many pages to render: a rebuild after an edit
 * renders a handful, done on the main thread before a worker would have loaded the site's bundle.
 */
const START_AFTER = 24;

/**
 * `PRERENDER_WORKERS` when set (0 renders on the main thread only, using less memory: each worker
 * loads the content store; set, the workers start with the first page), else one worker per core
 * but one, started after the first pages.
 *
 * @example prerenderWorkersFrom({ PRERENDER_WORKERS: '0' }, 2) // { workers: 0, startAfter: 0 }
 * @example prerenderWorkersFrom({}, 2) // { workers: 1, startAfter: 24 }
 */
export function prerenderWorkersFrom(env: Record<string, string | undefined>, cores = availableParallelism()): PrerenderWorkers {
  const configured = env['PRERENDER_WORKERS']?.trim();
  if (!configured) return { workers: Math.max(0, cores - 1), startAfter: START_AFTER };
  const count = Number(configured);
  if (!Number.isInteger(count) || count < 0) throw new Error(`PRERENDER_WORKERS must be a whole number, 0 or more (it is "${configured}")`);
  return { workers: count, startAfter: 0 };
}
