import type { PrerenderResult, RouteData } from 'astro';
import { startWorkerPool, type PoolWorker } from '../../lib/worker-pool';
import { routeKey, type FromWorker, type ToWorker } from './messages';
import type { StaticImageList } from './static-images';
import type { PrerenderWorkerData } from './worker';

type Answer<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;
type Question = ToWorker extends infer Q ? (Q extends ToWorker ? Omit<Q, 'id'> : never) : never;

/** Bodies these statuses must not have (a Response with one cannot be built). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Prerender worker threads, each rendering the pages it is given, a few at a time. */
export interface PrerenderWorkers {
  /** Renders on the least busy worker, or answers undefined when each has `perWorker` pages in hand. */
  tryRender(request: Request, routeData: RouteData, collectMetadata: boolean): Promise<PrerenderResult> | undefined;
  /** The images the workers' pages asked for, and the original images they referenced. */
  collectImages(): Promise<{ staticImages: StaticImageList; referencedImages: string[] }>;
  terminate(): Promise<void>;
}

/**
 * Starts `count` workers from the bundled `file` and waits until each has loaded the prerender
 * bundle; if one cannot, the others are stopped and this rejects with its reason. A worker that
 * fails later fails the pages it has in hand (and then every page asked of the pool), naming the
 * error: a page is never silently missing.
 */
export async function startPrerenderWorkers(file: string, data: PrerenderWorkerData, { count, perWorker }: { count: number; perWorker: number }): Promise<PrerenderWorkers> {
  const pool = await startWorkerPool<Question, Exclude<FromWorker, { type: 'ready' }>>(file, data, {
    count,
    errorOf: (answer) => (answer.type === 'failed' ? answer.error : undefined),
    isReady: (message) => (message as FromWorker).type === 'ready',
    name: 'A prerender worker',
  });
  const ask = <T extends FromWorker['type']>(worker: PoolWorker, question: Question) => pool.ask(worker, question) as Promise<Answer<T>>;

  return {
    tryRender(request, routeData, collectMetadata) {
      const worker = pool.leastBusy();
      if (worker.inFlight >= perWorker) return undefined;
      return ask<'rendered'>(worker, { type: 'render', url: request.url, route: routeKey(routeData), collectMetadata }).then((answer) => ({
        response: new Response(NULL_BODY_STATUSES.has(answer.status) ? null : answer.body, {
          status: answer.status,
          statusText: answer.statusText,
          headers: answer.headers,
        }),
        ...(answer.metadata ? { metadata: answer.metadata } : {}),
      }));
    },
    async collectImages() {
      const staticImages: StaticImageList = new Map();
      const referencedImages: string[] = [];
      for (const answer of (await pool.askEach({ type: 'images' })) as Answer<'images'>[]) {
        for (const [path, entry] of answer.staticImages) {
          const existing = staticImages.get(path);
          if (!existing) staticImages.set(path, entry);
          else for (const [hash, transform] of entry.transforms) if (!existing.transforms.has(hash)) existing.transforms.set(hash, transform);
        }
        referencedImages.push(...answer.referencedImages);
      }
      return { staticImages, referencedImages };
    },
    terminate: () => pool.terminate(),
  };
}
