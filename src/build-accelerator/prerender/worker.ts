// A worker thread that prerenders pages for the build's main thread (parallel-prerender.ts): it
// loads the same prerender bundle, with what the main thread knows of the build (each page's
// styles, the image settings), and renders the pages it is sent exactly as the main thread would.
import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { installRenderScope, renderForPrerender } from 'astro/app';
import nodeLogDestination from 'astro/logger/node';
import type { RouteData } from 'astro';
import { staticImageRegistry, type ImageNaming, type StaticImage, type StaticImageList } from './static-images';
import { routeKey, type FromWorker, type ToWorker } from './messages';

export interface PrerenderWorkerData {
  /** The prerender bundle's entry, as the main thread imported it. */
  entryUrl: string;
  /** The build internals Astro's build environment reads while rendering (styles and scripts of each page). */
  internals: { pagesByKeys: Map<string, unknown>; entrySpecifierToBundleMap: Map<string, string> };
  /** The scripts integrations inject (`settings.scripts`). */
  scripts: unknown[];
  images: ImageNaming;
}

interface RenderStore {
  contentEntries: Set<string>;
  staticImages: StaticImage[];
  referencedImages: Set<string>;
}

interface PrerenderApp {
  manifest: { routes: { routeData: RouteData }[] };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
}

const { entryUrl, internals, scripts, images } = workerData as PrerenderWorkerData;
const port = parentPort!;

// What a page reads while it renders (content entries, images), for the incremental build.
const scope = new AsyncLocalStorage<RenderStore>();
installRenderScope(scope);
const staticImages: StaticImageList = new Map();
const referencedImages = new Set<string>();
const assets = {
  staticImages,
  referencedImages,
  addStaticImage: staticImageRegistry(images, staticImages, (image) => scope.getStore()?.staticImages.push(image)),
  recordReferencedImage: (path: string) => scope.getStore()?.referencedImages.add(path),
};
Object.assign(globalThis, { astroAsset: assets });

const { app, manifest } = (await import(entryUrl)) as { app: PrerenderApp & Parameters<typeof renderForPrerender>[0]; manifest: PrerenderApp['manifest'] };
app.setInternals(internals);
app.setOptions({ settings: { scripts }, logger: { options: { destination: nodeLogDestination({ level: 'warn' }) } } });
const routes = new Map(manifest.routes.map(({ routeData }) => [routeKey(routeData), routeData]));

async function render(message: Extract<ToWorker, { type: 'render' }>): Promise<FromWorker> {
  const routeData = routes.get(message.route);
  if (!routeData) throw new Error(`No route ${message.route.replace('\0', ' in ')} in the prerender bundle`);
  const { response, metadata } = await renderForPrerender(app, new Request(message.url), { routeData, collectMetadata: message.collectMetadata });
  const body = response.body === null ? null : await response.arrayBuffer();
  return {
    type: 'rendered',
    id: message.id,
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body,
    metadata,
  };
}

port.on('message', async (message: ToWorker) => {
  try {
    if (message.type === 'render') {
      const answer = await render(message);
      port.postMessage(answer, answer.type === 'rendered' && answer.body ? [answer.body] : []);
    } else {
      port.postMessage({ type: 'images', id: message.id, staticImages, referencedImages: [...referencedImages] } satisfies FromWorker);
    }
  } catch (error) {
    port.postMessage({ type: 'failed', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker);
  }
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
