import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { siteFileCandidates } from '../deploy/site-files.ts';

/** What a campaign takes from the page the build made for an entry. */
export interface BuiltPage {
  /** The body as an email can show it: absolute links and images, no scripts, math as TeX. */
  html: string;
  /** The cover image's absolute URL, when the page has one. */
  cover: string | undefined;
}

/** The HTML file the build wrote for a URL (`/posts/x/` → `posts/x/index.html`), if any. */
export function builtFile(clientDir: string, url: string): string | undefined {
  const path = decodeURIComponent(new URL(url, 'http://site').pathname);
  return siteFileCandidates(path).map((candidate) => join(clientDir, candidate)).find((file) => existsSync(file) && file.endsWith('.html'));
}

const DROPPED = 'script, style, template, button, form, noscript, iframe, [hidden], .heading-anchor, .code-copy, .pagefind-ui';
const URL_ATTRIBUTES = ['href', 'src', 'poster'] as const;

/**
 * The body of a built page (its `.prose`), made fit for an email: email clients run no scripts,
 * load no site CSS and no web fonts, and resolve no relative links. Links and images become
 * absolute from `pageUrl`; `<picture>` becomes its `<img>`; KaTeX (which needs the site's CSS and
 * fonts) becomes its TeX source; heading anchors, buttons, forms and frames go; code blocks lose
 * the site's scrolling styles and keep their colours.
 */
export function emailBodyOf(pageHtml: string, pageUrl: string): BuiltPage {
  const tree = fromHtml(pageHtml);
  const prose = select('.prose', tree);
  const coverSource = select('img.cover', tree)?.properties['src'];
  const cover = typeof coverSource === 'string' ? new URL(coverSource, pageUrl).href : undefined;
  if (!prose) return { html: '', cover };
  const root: Root = { type: 'root', children: [prose] };
  for (const element of selectAll(DROPPED, root)) removeElement(root, element);
  visit(root, 'element', (element, index, parent) => {
    if (!parent || index === undefined) return undefined;
    // Math: the TeX it was written in reads well as code; KaTeX's HTML needs its stylesheet.
    if (hasClass(element, 'katex')) {
      const tex = select('annotation[encoding="application/x-tex"]', element);
      const code: Element = { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: tex ? toString(tex) : toString(element) }] };
      parent.children.splice(index, 1, code);
      return SKIP;
    }
    if (element.tagName === 'picture') {
      const image = select('img', element);
      parent.children.splice(index, 1, ...(image ? [image] : []));
      return index;
    }
    if (hasClass(element, 'heading-wrapper')) {
      parent.children.splice(index, 1, ...element.children);
      return index;
    }
    for (const name of URL_ATTRIBUTES) {
      const value = element.properties[name];
      if (typeof value === 'string' && value !== '') element.properties[name] = absolute(value, pageUrl);
    }
    if (element.tagName === 'img') {
      for (const name of ['srcSet', 'sizes', 'loading', 'decoding', 'fetchPriority', 'dataPagefindMeta']) delete element.properties[name];
    }
    if (element.tagName === 'pre') {
      delete element.properties['style'];
      delete element.properties['tabIndex'];
    }
    return undefined;
  });
  return { html: toHtml(prose.children), cover };
}

/** The body of the page built for `url` in `clientDir`, or `undefined` when the build has none. */
export function builtEmailBody(clientDir: string, url: string, siteUrl: string): BuiltPage | undefined {
  const file = builtFile(clientDir, url);
  if (!file) return undefined;
  return emailBodyOf(readFileSync(file, 'utf8'), new URL(url, siteUrl).href);
}

/** The description the build gave the page for `url` (its `<meta name="description">`), as search engines and feeds show it. */
export function builtDescription(clientDir: string, url: string): string {
  const file = builtFile(clientDir, url);
  const content = file ? select('meta[name="description"]', fromHtml(readFileSync(file, 'utf8')))?.properties['content'] : undefined;
  return typeof content === 'string' ? content : '';
}

const hasClass = (element: Element, name: string) => {
  const classes = element.properties['className'];
  return Array.isArray(classes) && classes.includes(name);
};

function absolute(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

function removeElement(root: Root, target: Element): void {
  visit(root, 'element', (element, index, parent) => {
    if (element !== target || !parent || index === undefined) return undefined;
    (parent.children as ElementContent[]).splice(index, 1);
    return [SKIP, index];
  });
}
