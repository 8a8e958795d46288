/** A request's path, read once; every rule of the server is decided on `path`. */
export type RequestPath =
  | { ok: true; path: string; query: string; canonical: boolean }
  | { ok: false; problem: string };

const UNRESERVED = /%(2[dDeE]|3[0-9]|4[1-9a-fA-F]|5[0-9aA]|5[fF]|6[1-9a-fA-F]|7[0-9aA]|7[eE])/g;

/**
 * The one spelling of a request's path that the server's rules are decided on: dot segments
 * resolved (`/./`, `/x/../`, `/%2e/`), runs of slashes made one, percent-encoded letters, digits
 * and `-._~` decoded (`/%61pi/` is `/api/`), other escapes upper-cased. `canonical` says whether the
 * request was written that way: a rule keyed on `/api/` cannot be passed by spelling it `//api/`.
 * A request target that is not a path (`*`, `http://…`, a bad escape) is a problem.
 *
 * @example requestPath('/%61pi//./newsletter/x/../confirm?token=1') // { ok: true, path: '/api/newsletter/confirm', query: '?token=1', canonical: false }
 */
export function requestPath(target: string | undefined): RequestPath {
  if (!target || !target.startsWith('/')) return { ok: false, problem: 'The request target must be a path.' };
  const queryAt = target.indexOf('?');
  const raw = queryAt < 0 ? target : target.slice(0, queryAt);
  const query = queryAt < 0 ? '' : target.slice(queryAt);
  if (/[\0-\x20\x7f\\]/.test(raw) || /%(?![0-9a-fA-F]{2})/.test(raw)) return { ok: false, problem: 'The path has characters a URL cannot hold.' };
  const decoded = raw.replace(UNRESERVED, (escape) => String.fromCharCode(Number.parseInt(escape.slice(1), 16))).replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  const segments: string[] = [];
  const parts = decoded.split('/').slice(1);
  for (const [index, segment] of parts.entries()) {
    const last = index === parts.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..') segments.pop();
      // `/a/.` and `/a/..` name folders: keep the trailing slash.
      if (last) segments.push('');
      continue;
    }
    // Empty segments (`//`) go, except the last, which is the trailing slash.
    if (segment === '' && !last) continue;
    segments.push(segment);
  }
  const path = `/${segments.join('/')}`;
  return { ok: true, path, query, canonical: path === raw };
}
