/** Where the prerender bundle's entry leaves its URL and Astro's build internals, once set up. */
export const PRERENDER_ENTRY = Symbol.for('thegurus.prerender-entry');

export interface PrerenderEntryInfo {
  url: string;
  internals: {
    pagesByKeys: Map<string, { styles: unknown[] }>;
    entrySpecifierToBundleMap: Map<string, string>;
  };
}

/** What the entry left, after Astro's prerenderer set it up; undefined if it was not our entry. */
export function prerenderEntryInfo(): PrerenderEntryInfo | undefined {
  return (globalThis as { [PRERENDER_ENTRY]?: PrerenderEntryInfo })[PRERENDER_ENTRY];
}
