import { posix } from 'node:path';

/** What resolving a Pelican intrasite link needs to know about the site. */
export interface IntrasiteContext {
  /** The current file's path from the content root. */
  sourcePath: string;
  /** How the content folder is named in messages, e.g. `content`. */
  contentLabel: string;
  /** URL of a content file (article or page); `null` for a file that has errors, `undefined` for none. */
  urlOfSource: (path: string) => string | null | undefined;
  /** Whether a non-Markdown file exists at this path from the content root. */
  staticExists: (path: string) => boolean;
  /** Where such a file is on the site, when not at its own path (`{attach}` moved it beside a post). */
  staticPlace?: (path: string) => string | undefined;
  /** URL of a category, tag or author page; `undefined` when no post has that term. */
  termUrl: (kind: 'category' | 'tag' | 'author', name: string) => string | undefined;
  /** URL of the home page. */
  indexUrl: string;
}

export type LinkResolution = { url: string } | { problem: string };

/** Pelican's intrasite link kinds, written `{kind}` or, in the old form, `|kind|`. */
const KINDS = 'filename|static|attach|tag|category|author|index';
const INTRASITE = new RegExp(`^(?:\\{(${KINDS})\\}|\\|(${KINDS})\\|)(.*)$`, 's');
// The same grammar inside running text: up to the end of a Markdown link target or an attribute.
const INTRASITE_IN_TEXT = new RegExp(`(?:\\{(?:${KINDS})\\}|\\|(?:${KINDS})\\|)[^\\s)"'>]*`, 'g');

/**
 * The intrasite links written in a text (Markdown or HTML), as written.
 *
 * @example intrasiteLinksIn('[a]({filename}a.md) and <a href="|tag|python">') // ['{filename}a.md', '|tag|python']
 */
export function intrasiteLinksIn(text: string): string[] {
  return [...text.matchAll(INTRASITE_IN_TEXT)].map(([written]) => written);
}

/** Undoes the percent-encoding Markdown links get on their way to HTML (`{` is `%7B`). */
function decoded(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

/**
 * Whether a link uses Pelican's intrasite syntax: `{filename}x.md`, `{static}img.png`,
 * `{attach}`, `{tag}`, `{category}`, `{author}`, `{index}`, or the legacy `|filename|` forms.
 */
export function isIntrasiteLink(href: string): boolean {
  return INTRASITE.test(decoded(href));
}

/**
 * Resolves a Pelican intrasite link to its URL on the site, or says why it cannot be.
 * Returns `undefined` for ordinary links.
 *
 * @example resolveIntrasiteLink('{filename}../pages/about.md#team', context) // { url: '/pages/about/#team' }
 */
export function resolveIntrasiteLink(href: string, context: IntrasiteContext): LinkResolution | undefined {
  const match = INTRASITE.exec(decoded(href));
  if (!match) return undefined;
  const kind = match[1] ?? match[2] ?? '';
  const written = decoded(href);
  const value = match[3] ?? '';
  if (kind === 'index') return { url: context.indexUrl };
  if (kind === 'tag' || kind === 'category' || kind === 'author') {
    const url = context.termUrl(kind, value.trim());
    return url ? { url } : { problem: `${written} points to a ${kind} that no post has` };
  }

  const [, target = '', suffix = ''] = /^([^?#]*)(.*)$/s.exec(value) ?? [];
  const candidates = intrasiteCandidates(context.sourcePath, kind, target);
  for (const path of candidates) {
    const url = context.urlOfSource(path);
    if (url === null) return { problem: `${written} points to ${context.contentLabel}/${path}, which has errors of its own` };
    if (url !== undefined) return { url: url + suffix };
    if (context.staticExists(path)) return { url: `/${context.staticPlace?.(path) ?? path}${suffix}` };
  }
  const shown = candidates[0] ?? target;
  return { problem: `${written} points to ${context.contentLabel}/${shown}, which does not exist` };
}

/**
 * The paths from the content root an intrasite link's target may name, in Pelican's order: from
 * the root when it starts with `/`, else next to the file (and, for `{static}` and `{attach}`,
 * from the root too). Paths that leave the content folder are left out.
 *
 * @example intrasiteCandidates('posts/a.md', 'static', 'img/x.png') // ['posts/img/x.png', 'img/x.png']
 */
export function intrasiteCandidates(sourcePath: string, kind: string, target: string): string[] {
  const relative = posix.normalize(posix.join(posix.dirname(sourcePath), target));
  const rootPath = posix.normalize(target.replace(/^\/+/, ''));
  const candidates = target.startsWith('/') ? [rootPath] : kind === 'filename' ? [relative] : [relative, rootPath];
  return candidates.filter((path) => !path.startsWith('..'));
}

const STATIC_REFERENCE = /(?:\{(static|attach)\}|\|(static|attach)\|)([^\s)"'<>?#]+)/g;

/** A link to a static file: how it was written, and the paths it may name (see `intrasiteCandidates`). */
export interface StaticLink {
  kind: 'static' | 'attach';
  candidates: string[];
}

/**
 * The links of a source to static files (`{static}`, `{attach}`), in the order they are written:
 * Pelican copies such files to the site even outside STATIC_PATHS, and `{attach}` moves them.
 *
 * @example staticLinks('posts/a.md', '![x]({attach}x.png)') // [{ kind: 'attach', candidates: ['posts/x.png', 'x.png'] }]
 */
export function staticLinks(sourcePath: string, text: string): StaticLink[] {
  return [...text.matchAll(STATIC_REFERENCE)].map((match) => {
    const kind = (match[1] ?? match[2]) === 'attach' ? 'attach' : 'static';
    return { kind, candidates: intrasiteCandidates(sourcePath, kind, decoded(match[3] ?? '')) };
  });
}
