// A site set to Spanish speaks Spanish: every page, answer page and email of its interface, with no
// English message left (the English catalogue is the list of what to look for).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { CATALOGUES } from '../../src/i18n/catalogues';
import { htmlFiles, serveFixture, type ServedFixture } from './support/fixture-site';

let site: ServedFixture;
const SITE_CONFIG = 'tests/fixtures/sites/configs/spanish.config.ts';

test.beforeAll(async () => {
  site = await serveFixture('spanish', { contentDir: 'content', siteConfig: SITE_CONFIG }, 4395);
});

test.afterAll(async () => {
  await site?.close();
});

/**
 * The English messages a page could show, as the phrases to look for: each message's text between
 * its placeholders, of two words or more (one word, "Blog" or "RSS", is the same in Spanish), where
 * Spanish says something else.
 */
function englishPhrases(): string[] {
  const english = CATALOGUES['en']!;
  const spanish = CATALOGUES['es']!;
  const phrases = new Set<string>();
  for (const [key, message] of Object.entries(english)) {
    if (JSON.stringify(message) === JSON.stringify(spanish[key as keyof typeof spanish])) continue;
    for (const text of typeof message === 'string' ? [message] : Object.values(message)) {
      for (const part of (text ?? '').split(/\{\w+\}/)) {
        const phrase = part.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
        if (phrase.split(/\s+/).length >= 2) phrases.add(phrase);
      }
    }
  }
  return [...phrases];
}

/** The words of a text, lower-cased: runs of letters. */
const wordsOf = (text: string): string[] => (text.toLocaleLowerCase().match(/\p{L}+/gu) ?? []);

/**
 * Words only the English catalogue uses ("posts", "read", "results"): no Spanish message has them,
 * and neither does the site's content (its tags, titles and names are shown on the interface's
 * pages, in the author's words). One of them on a Spanish page is an English string written into a
 * template instead of taken from the catalogue, which `englishPhrases` misses when it stands alone.
 */
function englishOnlyWords(contentDir: string): Set<string> {
  const spanish = new Set(Object.values(CATALOGUES['es']!).flatMap((message) => (typeof message === 'string' ? [message] : Object.values(message))).flatMap((text) => wordsOf(text ?? '')));
  const sources = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(md|markdown|html|rst)$/.test(path));
  // Paths (a cover's `images/posts/…`) are never shown: their words are not the content's.
  const content = new Set([...sources.map((path) => join(contentDir, path)), SITE_CONFIG].flatMap((file) => wordsOf(readFileSync(file, 'utf8').replace(/\S*\/\S*/g, ' '))));
  // "JSON Feed" is that format's name in every language (the feeds' link titles carry it).
  const names = new Set(['feed']);
  const words = new Set<string>();
  for (const message of Object.values(CATALOGUES['en']!)) {
    for (const text of typeof message === 'string' ? [message] : Object.values(message)) {
      for (const word of wordsOf((text ?? '').replace(/\{\w+\}/g, ' '))) if (word.length >= 3 && !spanish.has(word) && !content.has(word) && !names.has(word)) words.add(word);
    }
  }
  return words;
}

/** Content is the author's, in whatever language they wrote: bodies, titles, summaries, names. */
const CONTENT = ['prose', 'summary', 'headline', 'author-bio', 'author-summary', 'course-instructors', 'course-summary'];

/**
 * The interface's words on a page: its text and the attributes people hear or see, without the
 * content; with `data` (the default), the strings scripts will show too (`data-messages` …), which
 * also carry values of code (`data-choice="system"`).
 */
function interfaceText(html: string, { data = true } = {}): string {
  const words: string[] = [];
  const walk = (nodes: (Root | RootContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'text') words.push(node.value);
      if (node.type !== 'element' && node.type !== 'root') continue;
      if (node.type === 'element') {
        const element = node as Element;
        const classes = (element.properties['className'] as string[] | undefined) ?? [];
        if (['script', 'style', 'h1', 'title'].includes(element.tagName) || classes.some((name) => CONTENT.includes(name))) continue;
        if (element.tagName === 'h2' && element.children.some((child) => child.type === 'element' && child.tagName === 'a')) continue;
        // Not the meta tags: a page's description is its summary, the author's words.
        for (const name of ['ariaLabel', 'placeholder', 'alt', 'title'] as const) {
          const value = element.properties[name];
          if (typeof value === 'string' && element.tagName !== 'meta') words.push(value);
        }
        if (data) for (const [name, value] of Object.entries(element.properties)) if (name.startsWith('data') && typeof value === 'string') words.push(value);
      }
      walk(node.children);
    }
  };
  walk([fromHtml(html)]);
  return words.join(' ').replace(/\s+/g, ' ');
}

test('no page of a Spanish site shows an English message', async () => {
  const phrases = englishPhrases();
  expect(phrases.length).toBeGreaterThan(100);
  const englishWords = englishOnlyWords('content');
  expect(englishWords).toContain('posts');
  const found: string[] = [];
  const pages = htmlFiles(site.build);
  expect(pages.length).toBeGreaterThan(10);
  for (const path of pages) {
    const html = readFileSync(join(site.build.outDir, 'client', path), 'utf8');
    const text = interfaceText(html);
    for (const phrase of phrases) if (text.includes(phrase)) found.push(`${path}: “${phrase}”`);
    for (const word of new Set(wordsOf(interfaceText(html, { data: false })))) if (englishWords.has(word)) found.push(`${path}: “${word}”`);
  }
  expect(found).toEqual([]);
});

test('the pages the server answers, and the signup answers, are Spanish too', async ({ page, request }) => {
  const origin = site.server.origin;
  await page.goto(`${origin}/newsletter/confirm/?token=nope`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Este enlace no funciona');
  const phrases = englishPhrases();
  const text = interfaceText(await page.content());
  expect(phrases.filter((phrase) => text.includes(phrase))).toEqual([]);
  const answer = await request.post(`${origin}/api/newsletter/subscribe`, {
    headers: { Accept: 'application/json', Origin: origin },
    form: { email: 'not-an-address' },
  });
  expect(answer.status()).toBe(400);
  expect((await answer.json()).error).toBe('«not-an-address» no es una dirección de correo.');
});

test('the search page speaks Spanish once its script runs', async ({ page }) => {
  // The content is the author's, in English: the interface around it is not.
  await page.goto(`${site.server.origin}/search/?q=production`);
  await expect(page.getByRole('status')).toHaveText(/^\d+ resultados? para «production»\.$/);
  await expect(page.getByRole('searchbox', { name: 'Buscar' })).toHaveValue('production');
  await expect(page.locator('summary')).toHaveText('Acotar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});
