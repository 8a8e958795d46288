import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import type { LinkIndex } from '../model/link-index';
import type { RenderedBody, RenderJob } from '../model/render-body';
import { PROJECT_MARKDOWN, type MarkdownSettings } from '../../markdown/pipeline';
import { bundleTs } from '../../lib/bundle-ts.mjs';
import { startWorkerPool } from '../../lib/worker-pool';

/** Renders Markdown on worker threads, one per core. */
export interface RenderPool {
  render(job: RenderJob): Promise<RenderedBody>;
  close(): Promise<void>;
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
  const pool = await startWorkerPool<{ job: RenderJob }, { id: number; result?: RenderedBody; error?: string }>(
    file,
    { options, links, markdown },
    { count: size, errorOf: (answer) => answer.error, name: 'A render worker' },
  );
  const queue: { job: RenderJob; resolve: (result: RenderedBody) => void; reject: (error: Error) => void }[] = [];
  // Two jobs per worker at a time: one to work on, one waiting, so a worker never idles between
  // messages, and a long post holds up no more than one other.
  function feed() {
    while (queue.length > 0 && pool.leastBusy().inFlight < 2) {
      const { job, resolve, reject } = queue.shift()!;
      pool.ask(pool.leastBusy(), { job }).then(
        (answer) => resolve(answer.result!),
        (error: Error) => {
          reject(error);
          // A worker that dies takes its jobs with it: fail the waiting ones loudly, never drop a post.
          if (pool.failure()) for (const waiting of queue.splice(0)) waiting.reject(error);
        },
      ).finally(feed);
    }
  }
  return {
    render(job) {
      return new Promise<RenderedBody>((resolve, reject) => {
        const failure = pool.failure();
        if (failure) return reject(failure);
        queue.push({ job, resolve, reject });
        feed();
      });
    },
    async close() {
      await pool.terminate();
      await rm(file, { force: true });
    },
  };
}
