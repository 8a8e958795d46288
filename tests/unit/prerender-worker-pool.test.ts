import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RouteData } from 'astro';
import { describe, expect, it } from 'vitest';
import { startPrerenderWorkers } from '../../src/build-accelerator/prerender/worker-pool';
import type { PrerenderWorkerData } from '../../src/build-accelerator/prerender/worker';

/** A worker script speaking the pool's messages, for the pool alone (the real one needs a built site). */
function workerFile(source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pool-')), 'worker.mjs');
  writeFileSync(file, `import { parentPort, threadId } from 'node:worker_threads';\n${source}`);
  return file;
}

const data = {} as PrerenderWorkerData;
const route = { route: '/posts/[slug]', component: 'src/pages/post.astro' } as RouteData;

const ECHO = `
parentPort.on('message', (message) => {
  if (message.type === 'images') {
    const staticImages = new Map([['/cover.jpg', { originalSrcPath: '/c.jpg', transforms: new Map([['h' + threadId, { finalPath: '/_astro/c' + threadId + '.webp', transform: {} }]]) }]]);
    return parentPort.postMessage({ type: 'images', id: message.id, staticImages, referencedImages: ['/r' + threadId] });
  }
  if (message.url.endsWith('/fail/')) return parentPort.postMessage({ type: 'failed', id: message.id, error: 'Error: the page broke' });
  const body = new TextEncoder().encode(message.url + ' ' + message.route).buffer;
  setTimeout(() => parentPort.postMessage({ type: 'rendered', id: message.id, status: 200, statusText: 'OK', headers: [['content-type', 'text/html']], body, metadata: undefined }, [body]), 20);
});
parentPort.postMessage({ type: 'ready' });
`;

describe('prerender worker pool', () => {
  it('renders on a worker, and has no room once each worker has its pages in hand', async () => {
    const pool = await startPrerenderWorkers(workerFile(ECHO), data, { count: 1, perWorker: 1 });
    try {
      const first = pool.tryRender(new Request('http://x/posts/a/'), route, false);
      expect(pool.tryRender(new Request('http://x/posts/b/'), route, false)).toBeUndefined();
      const { response } = (await first)!;
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toBe('http://x/posts/a/ /posts/[slug]\0src/pages/post.astro');
      expect(await (await pool.tryRender(new Request('http://x/posts/b/'), route, false))?.response.text()).toMatch(/^http:\/\/x\/posts\/b\//);
    } finally {
      await pool.terminate();
    }
  });

  it("fails a page with the worker's error, and gathers every worker's images", async () => {
    const pool = await startPrerenderWorkers(workerFile(ECHO), data, { count: 2, perWorker: 2 });
    try {
      await expect(pool.tryRender(new Request('http://x/fail/'), route, false)).rejects.toThrow('the page broke');
      const { staticImages, referencedImages } = await pool.collectImages();
      expect(staticImages.get('/cover.jpg')?.transforms.size).toBe(2);
      expect(referencedImages).toHaveLength(2);
    } finally {
      await pool.terminate();
    }
  });

  it('stops the build with the reason when a worker cannot start, instead of waiting for it', async () => {
    await expect(startPrerenderWorkers(workerFile('process.exit(3);'), data, { count: 2, perWorker: 2 })).rejects.toThrow(
      'A prerender worker stopped with exit code 3 before it was ready',
    );
    await expect(startPrerenderWorkers(workerFile("throw new Error('no bundle here');"), data, { count: 1, perWorker: 2 })).rejects.toThrow('no bundle here');
  });

  it('fails the pages in hand when a worker dies while rendering', async () => {
    const pool = await startPrerenderWorkers(workerFile(`parentPort.on('message', () => process.exit(5)); parentPort.postMessage({ type: 'ready' });`), data, { count: 1, perWorker: 2 });
    try {
      await expect(pool.tryRender(new Request('http://x/a/'), route, false)).rejects.toThrow('exit code 5');
      await expect(pool.tryRender(new Request('http://x/b/'), route, false)).rejects.toThrow('exit code 5');
    } finally {
      await pool.terminate();
    }
  });
});
