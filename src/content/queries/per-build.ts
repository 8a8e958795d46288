/**
 * Remembers a value by key for the rest of the build: every page asks for the same listings and
 * feed bodies, and working them out again for each of 10,000 pages would make a build quadratic.
 * In dev, content changes between requests, so every call works the value out again.
 *
 * @example const termsOf = perBuild((kind: string) => groupTerms(articles, kind))
 */
export function perBuild<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (import.meta.env.DEV) return make(key);
    if (!cache.has(key)) cache.set(key, make(key));
    return cache.get(key) as V;
  };
}

/** A query run once per build (see `perBuild`). */
export function oncePerBuild<T>(query: () => T): () => T {
  const cached = perBuild((_: undefined) => query());
  return () => cached(undefined);
}
