// The prerender bundle's entry: Astro's own, which also tells the main thread where the bundle
// is and what Astro's build handed it, so that worker threads can load the same bundle and
// render as it does (parallel-prerender.ts).
import { app, manifest } from 'astro/entrypoints/prerender';
import { PRERENDER_ENTRY, type PrerenderEntryInfo } from './entry-info';

const setInternals = app.setInternals.bind(app);
app.setInternals = (internals) => {
  const info: PrerenderEntryInfo = { url: import.meta.url, internals };
  Object.assign(globalThis, { [PRERENDER_ENTRY]: info });
  setInternals(internals);
};

export { app, manifest };
