import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import type { LinkIndex } from '../model/link-index';
import type { RenderedBody, RenderJob } from '../model/render-body';
import { PROJECT_MARKDOWN, type MarkdownSettings } from '../../markdown/pipeline';
import { bundleTs } from '../../lib/bundle-ts.mjs';

/** Renders Markdown on worker threads, one per core. */
export interface RenderPool {
  render(job: RenderJob): Promise<RenderedBody>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (result: RenderedBody) => void;
  reject: (error: Error) => void;
}

const WORKER_SOURCE = fileURLToPath(new URL('./render-worker.ts', import.meta.url));

/** The worker runs plain Node, without Vite to compile and resolve for it: it is bundled first. */
const bundleWorker = (cacheDir: string): Promise<string> => bundleTs(WORKER_SOURCE, resolve(cacheDir, `render-worker-${process.pid}.mjs`));

/**
 * Starts one worker per core (at least two). `options` are the Markdown options of Astro's config
 * that are plain data; the workers take the plugins and Shiki settings from `pipeline.ts`, as
 * `astro.config.mjs` does.
 */
export async function startRenderPool(
  options: Omit<AstroMarkdownOptions, 'shikiConfig'>,
  links: LinkIndex,
  { size = Math.max(2, availableParallelism()), cacheDir = 'node_modules/.cache/pelican-loader', markdown = PROJECT_MARKDOWN as MarkdownSettings } = {},
): Promise<RenderPool> {
  const file = await bundleWorker(cacheDir);
  const queue: { job: RenderJob; pending: Pending }[] = [];
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(file, { workerData: { options, links, markdown } });
    const inFlight = new Map<number, Pending>();
    worker.on('message', ({ id, result, error }: { id: number; result?: RenderedBody; error?: string }) => {
      const pending = inFlight.get(id);
      inFlight.delete(id);
      if (error !== undefined) pending?.reject(new Error(error));
      else if (result) pending?.resolve(result);
      feed(slot);
    });
    // A worker that dies takes its jobs with it: fail them loudly, never drop a post.
    worker.on('error', (error: Error) => {
      for (const pending of inFlight.values()) pending.reject(error);
      inFlight.clear();
      dead = error;
      for (const { pending } of queue.splice(0)) pending.reject(error);
    });
    const slot = { worker, inFlight };
    return slot;
  });
  let nextId = 0;
  let dead: Error | undefined;
  // Two jobs per worker at a time: one to work on, one waiting, so a worker never idles between
  // messages, and a long post holds up no more than one other.
  function feed(slot: (typeof workers)[number]) {
    while (slot.inFlight.size < 2 && queue.length > 0) {
      const { job, pending } = queue.shift()!;
      const id = nextId++;
      slot.inFlight.set(id, pending);
      slot.worker.postMessage({ id, job });
    }
  }
  return {
    render(job) {
      return new Promise<RenderedBody>((resolve, reject) => {
        if (dead) return reject(dead);
        queue.push({ job, pending: { resolve, reject } });
        const idle = workers.reduce((best, slot) => (slot.inFlight.size < best.inFlight.size ? slot : best));
        feed(idle);
      });
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
      await rm(file, { force: true });
    },
  };
}
