import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import type { Plugin } from 'vite';
import type { PrerenderWorkers as PrerenderWorkersOptions } from '../../config/prerender-workers';
import { bundleTs } from '../../lib/bundle-ts.mjs';
import { prerenderEntryInfo } from './entry-info';
import type { ImageNaming } from './static-images';
import { startPrerenderWorkers, type PrerenderWorkers } from './worker-pool';

const ENTRY = fileURLToPath(new URL('./entry.ts', import.meta.url));
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export interface ParallelPrerenderOptions extends PrerenderWorkersOptions {
  /** Components whose routes are rendered on the main thread, after every other page. */
  last: readonly string[];
}

/**
 * Prerenders pages on worker threads beside the main thread. Astro renders pages on one
 * thread, and at 1,000 posts that was 13 s of the build with the second core idle (profile of
 * `npm run bench`). Each worker loads the same prerender bundle and renders the pages it is sent
 * as Astro would (`renderForPrerender`, with the incremental build's metadata and the images the
 * page asks for, which the main thread then generates); the main thread renders whatever the
 * workers have no room for, and writes every file, as before.
 *
 * The `last` components' routes stay on the main thread and come after every other page: the
 * social cards, drawn on libvips threads from the moment Astro asks for their paths, are then
 * mostly ready when their turn comes.
 */
export default function parallelPrerender(options: ParallelPrerenderOptions): AstroIntegration {
  let images: ImageNaming | undefined;
  let workerFile: Promise<string> | undefined;
  return {
    name: 'parallel-prerender',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        if (options.workers > 0) workerFile = bundleTs(WORKER, fileURLToPath(new URL(`prerender-worker-${process.pid}.mjs`, config.cacheDir)));
        // With a prerenderer of its own set, Astro leaves the prerender bundle's entry to the
        // adapter (a non-Node runtime brings its own); ours is Astro's, telling where it is.
        const plugin: Plugin = {
          name: 'parallel-prerender:entry',
          configEnvironment(name, config) {
            if (name !== 'prerender') return;
            const rolldown = ((config.build ??= {}).rolldownOptions ??= {});
            rolldown.input ??= ENTRY;
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:config:done': ({ config }) => {
        const prefix = config.build.assetsPrefix;
        // An asset prefix per file type is left to Astro: pages then render on the main thread.
        if (prefix !== undefined && typeof prefix !== 'string') return;
        images = { base: config.base, assetsFolder: config.build.assets, assetsPrefix: prefix, serviceEntrypoint: config.image.service.entrypoint };
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        setPrerenderer((astro: AstroPrerenderer): AstroPrerenderer => {
          let startWorkers: (() => void) | undefined;
          let starting: Promise<PrerenderWorkers | undefined> | undefined;
          let workers: PrerenderWorkers | undefined;
          let renders = 0;
          let renderedOnWorkers = 0;
          const onMain = (component: string) => options.last.includes(component);
          return {
            ...astro,
            name: 'parallel-prerender',
            async setup() {
              await astro.setup?.();
              const entry = prerenderEntryInfo();
              const settings = (astro as { app?: { getOptions(): { settings: { scripts: unknown[] } } } }).app?.getOptions().settings;
              const count = options.workers;
              if (count < 1) return logger.info('pages render on the main thread (no worker threads: PRERENDER_WORKERS=0, or one core)');
              if (!entry || !settings || !images || !workerFile) {
                return logger.warn('pages render on the main thread only: this build cannot hand them to worker threads');
              }
              const { pagesByKeys, entrySpecifierToBundleMap } = entry.internals;
              const data = {
                entryUrl: entry.url,
                // Only what rendering reads of each page's build data: its styles.
                internals: { pagesByKeys: new Map([...pagesByKeys].map(([key, page]) => [key, { styles: page.styles }])), entrySpecifierToBundleMap },
                scripts: settings.scripts,
                images,
              };
              const file = await workerFile;
              startWorkers = () => {
                // Workers that cannot start leave every page to the main thread, which renders them as well.
                starting = startPrerenderWorkers(file, data, { count, perWorker: 2 }).then(
                  (started) => {
                    logger.info(`pages render on ${count} worker thread(s) and the main thread`);
                    return (workers = started);
                  },
                  (error: unknown) => {
                    logger.warn(`pages render on the main thread only: the worker threads did not start (${String(error)})`);
                    return undefined;
                  },
                );
              };
              // Asked for (`startAfter` 0), they render from the first page.
              if (options.startAfter === 0) {
                startWorkers();
                await starting;
              }
            },
            async getStaticPaths() {
              const paths = await astro.getStaticPaths();
              const last = (path: (typeof paths)[number]) => onMain(path.route.component);
              return [...paths.filter((path) => !last(path)), ...paths.filter(last)];
            },
            render(request, renderOptions) {
              // Workers start once the build has rendered `startAfter` pages: a rebuild after an
              // edit renders a handful, done before a worker would have loaded the bundle.
              if (renders++ === options.startAfter && !starting) startWorkers?.();
              const { routeData, collectMetadata = false } = renderOptions;
              const onWorker = workers && !onMain(routeData.component) && (routeData.type === 'page' || routeData.type === 'endpoint');
              const handed = onWorker ? workers?.tryRender(request, routeData, collectMetadata) : undefined;
              if (handed) renderedOnWorkers += 1;
              return handed ?? astro.render(request, renderOptions);
            },
            // Astro generates the images after the pages: those the workers' pages asked for too.
            async collectStaticImages() {
              const started = await starting;
              if (!started) return new Map();
              const { staticImages, referencedImages } = await started.collectImages();
              const referenced = (globalThis as { astroAsset?: { referencedImages?: Set<string> } }).astroAsset?.referencedImages;
              for (const path of referencedImages) referenced?.add(path);
              return staticImages;
            },
            async teardown() {
              const started = await starting;
              if (started) logger.info(`${renderedOnWorkers} of ${renders} page(s) rendered on worker threads`);
              await started?.terminate();
              if (workerFile) await rm(await workerFile, { force: true });
              await astro.teardown?.();
            },
          };
        });
      },
    },
  };
}
