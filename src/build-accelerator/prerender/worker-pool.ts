import { Worker } from 'node:worker_threads';
import type { PrerenderResult, RouteData } from 'astro';
import { routeKey, type FromWorker, type ToWorker } from './messages';
import type { StaticImageList } from './static-images';
import type { PrerenderWorkerData } from './worker';

type Answer<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;
type Question = ToWorker extends infer Q ? (Q extends ToWorker ? Omit<Q, 'id'> : never) : never;

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (answer: FromWorker) => void; reject: (error: Error) => void }>;
}

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
  let nextId = 0;
  let failure: Error | undefined;
  const slots: Slot[] = [];
  const ready = Array.from({ length: count }, () => {
    const slot: Slot = { worker: new Worker(file, { workerData: data }), pending: new Map() };
    slots.push(slot);
    const fail = (error: Error) => {
      failure ??= error;
      for (const { reject } of slot.pending.values()) reject(error);
      slot.pending.clear();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`A prerender worker stopped with exit code ${code}`));
    });
    return new Promise<void>((resolve, reject) => {
      slot.worker.once('error', reject);
      // A worker that stops before it is ready (its bundle could not be loaded) must not leave the build waiting.
      slot.worker.once('exit', (code) => reject(new Error(`A prerender worker stopped with exit code ${code} before it was ready`)));
      slot.worker.on('message', (answer: FromWorker) => {
        if (answer.type === 'ready') return resolve();
        const waiting = slot.pending.get(answer.id);
        slot.pending.delete(answer.id);
        if (answer.type === 'failed') waiting?.reject(new Error(answer.error));
        else waiting?.resolve(answer);
      });
    });
  });
  try {
    await Promise.all(ready);
  } catch (error) {
    // Live workers would keep the process from ending after the failed build.
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    throw error;
  }

  function ask<T extends FromWorker['type']>(slot: Slot, question: Question): Promise<Answer<T>> {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (answer: FromWorker) => void, reject });
      slot.worker.postMessage({ ...question, id } as ToWorker);
    });
  }

  return {
    tryRender(request, routeData, collectMetadata) {
      const slot = slots.reduce((best, each) => (each.pending.size < best.pending.size ? each : best));
      if (slot.pending.size >= perWorker) return undefined;
      return ask<'rendered'>(slot, { type: 'render', url: request.url, route: routeKey(routeData), collectMetadata }).then((answer) => ({
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
      for (const answer of await Promise.all(slots.map((slot) => ask<'images'>(slot, { type: 'images' })))) {
        for (const [path, entry] of answer.staticImages) {
          const existing = staticImages.get(path);
          if (!existing) staticImages.set(path, entry);
          else for (const [hash, transform] of entry.transforms) if (!existing.transforms.has(hash)) existing.transforms.set(hash, transform);
        }
        referencedImages.push(...answer.referencedImages);
      }
      return { staticImages, referencedImages };
    },
    async terminate() {
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
