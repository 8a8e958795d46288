import { availableParallelism } from 'node:os';

/**
 * How many worker threads prerender pages beside the main thread: `PRERENDER_WORKERS` when set
 * (0 renders on the main thread only, using less memory: each worker loads the content store),
 * else one per core but one.
 *
 * @example prerenderWorkersFrom({ PRERENDER_WORKERS: '0' }, 2) // 0
 * @example prerenderWorkersFrom({}, 2) // 1
 */
export function prerenderWorkersFrom(env: Record<string, string | undefined>, cores = availableParallelism()): number {
  const configured = env['PRERENDER_WORKERS']?.trim();
  if (!configured) return Math.max(0, cores - 1);
  const count = Number(configured);
  if (!Number.isInteger(count) || count < 0) throw new Error(`PRERENDER_WORKERS must be a whole number, 0 or more (it is "${configured}")`);
  return count;
}
