/**
 * A map every copy of a module in this process shares, through `globalThis`: Astro's content
 * layer (the loaders) and Vite's module graph (middleware, integrations' hooks) each load a copy of
 * our modules, and what one records the other must read.
 *
 * @example const registry = processWideMap<string, number>('pelican-astro.counts'); registry().set('a', 1)
 */
export function processWideMap<K, V>(name: string): () => Map<K, V> {
  const key = Symbol.for(name);
  return () => ((globalThis as Record<symbol, Map<K, V>>)[key] ??= new Map());
}
