import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contentRole, type ContentLayout } from '../format/content-files';
import type { IntrasiteContext } from '../format/intrasite-links';
import type { SiteIndex } from './site-index';
import { termSlug, type SlugSettings } from '../../lib/slugify';
import { expandUrlPattern, type UrlPatterns } from '../../lib/url-patterns';

/**
 * What resolving intrasite links needs from one sync of the content folder, as plain data: it
 * crosses to the worker threads that render Markdown, where functions cannot go.
 */
export interface LinkIndex {
  contentDir: string;
  /** How the content folder is named in messages, e.g. `content`. */
  contentLabel: string;
  /** URL of every article and page without errors, by path from the content root. */
  urls: Map<string, string>;
  /** Slugs of the categories, tags and authors that posts have. */
  terms: SiteIndex['terms'];
  /** Every non-Markdown file of the folder, by path from the content root. */
  staticFiles: Set<string>;
  /** The files `{attach}` moves beside a post: where each is on the site (see `attachedFiles`). */
  attached: Map<string, string>;
  urlPatterns: UrlPatterns;
  timeZone: string;
  /** Where the folder's entries are. Default: this project's layout. */
  layout?: ContentLayout;
  /** How the site makes slugs of categories, tags and authors. Default: Pelican's. */
  slugs?: SlugSettings | undefined;
}

export function linkIndexOf(
  index: SiteIndex,
  staticFiles: ReadonlySet<string>,
  folder: Pick<LinkIndex, 'contentDir' | 'contentLabel' | 'urlPatterns' | 'timeZone' | 'layout' | 'slugs'>,
  attached: ReadonlyMap<string, string> = new Map(),
): LinkIndex {
  const urls = new Map([...index.entries].map(([path, entry]) => [path, entry.url]));
  return { ...folder, urls, terms: index.terms, staticFiles: new Set(staticFiles), attached: new Map(attached) };
}

/** The intrasite-link context of one file of the folder. */
export function intrasiteContextFor(sourcePath: string, links: LinkIndex): IntrasiteContext {
  return {
    sourcePath,
    contentLabel: links.contentLabel,
    urlOfSource: (path) => {
      const url = links.urls.get(path);
      if (url !== undefined) return url;
      // A Markdown file that is there but not indexed has errors of its own.
      return ['article', 'page'].includes(contentRole(path, links.layout)) && existsSync(join(links.contentDir, path)) ? null : undefined;
    },
    staticExists: (path) => links.staticFiles.has(path),
    staticPlace: (path) => links.attached.get(path),
    termUrl: (kind, name) => {
      const slug = termSlug(kind, name, links.slugs);
      return links.terms[kind].has(slug) ? expandUrlPattern(links.urlPatterns[kind], { slug }, links.timeZone) : undefined;
    },
    indexUrl: `/${links.urlPatterns.index ?? ''}`,
  };
}
