import type { PrerenderResult, RouteData } from 'astro';
import type { StaticImageList } from './static-images';

/** What the main thread asks of a prerender worker. */
export type ToWorker =
  | { type: 'render'; id: number; url: string; route: string; collectMetadata: boolean }
  | { type: 'images'; id: number };

/** What a prerender worker answers. */
export type FromWorker =
  | { type: 'ready' }
  | {
      type: 'rendered';
      id: number;
      status: number;
      statusText: string;
      headers: [string, string][];
      body: ArrayBuffer | null;
      metadata: PrerenderResult['metadata'];
    }
  | { type: 'images'; id: number; staticImages: StaticImageList; referencedImages: string[] }
  | { type: 'failed'; id: number; error: string };

/** Routes are matched by pattern and component: each thread has its own route objects. */
export function routeKey(route: Pick<RouteData, 'route' | 'component'>): string {
  return `${route.route}\0${route.component}`;
}
