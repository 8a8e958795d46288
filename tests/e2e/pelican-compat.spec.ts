// A real-world-shaped Pelican content folder (category folders, pages, images, a draft, a
// translation, {filename} links, footnotes, :::python blocks, math…) built unchanged.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  buildFixture,
  htmlFiles,
  internalLinks,
  LEFTOVER_PELICAN,
  PELICAN_BLOG,
  removeBuild,
  serveFixture,
  type FixtureBuild,
  type RunningServer,
  type ServedFixture,
} from './support/fixture-site';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const golden = 'tests/fixtures/sites/pelican-blog.expected';
let site: ServedFixture;
let build: FixtureBuild;
let server: RunningServer;

test.beforeAll(async () => {
  site = await serveFixture('pelican-blog', PELICAN_BLOG, 4391);
  ({ build, server } = site);
});

test.afterAll(async () => {
  await site?.close();
});

test('every link and image of every page resolves: no 404s', async ({ request }) => {
  const pages = htmlFiles(build);
  expect(pages.length).toBeGreaterThan(20);
  const checked = new Map<string, number>();
  for (const page of pages) {
    const html = readFileSync(join(build.outDir, 'client', page), 'utf8');
    for (const path of internalLinks(html, server.origin)) {
      if (!checked.has(path)) checked.set(path, (await request.get(server.origin + path)).status());
    }
  }
  const broken = [...checked].filter(([, status]) => status !== 200);
  expect(broken).toEqual([]);
  expect(checked.size).toBeGreaterThan(30);
});

test('no Pelican syntax is left in any page', () => {
  for (const page of htmlFiles(build)) {
    // The site's own stylesheet is not content: `@media (…){:root{…}}` is CSS.
    const html = readFileSync(join(build.outDir, 'client', page), 'utf8').replace(/<style>[\s\S]*?<\/style>/g, '');
    for (const leftover of LEFTOVER_PELICAN) expect(html.includes(leftover), `${leftover} in ${page}`).toBe(false);
  }
});

test('posts render as Python-Markdown renders them (golden files)', () => {
  for (const post of ['feature-stores', 'detecting-data-drift', 'detecting-data-drift-es', 'pandas-tips', 'hello-world']) {
    const html = readFileSync(join(build.outDir, 'client', 'posts', post, 'index.html'), 'utf8');
    const prose = /<div class="prose">([\s\S]*?)<\/div><\/article>/.exec(html)?.[1];
    expect(prose, post).toBeDefined();
    const expectedFile = join(golden, `${post}.html`);
    if (process.env['UPDATE'] || !existsSync(expectedFile)) {
      mkdirSync(dirname(expectedFile), { recursive: true });
      writeFileSync(expectedFile, `${prose}\n`);
    }
    expect(`${prose}\n`, post).toBe(readFileSync(expectedFile, 'utf8'));
  }
});

async function expectImagesLoaded(page: Page) {
  for (const image of await page.locator('img').all()) {
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
}

test('a reader sees the features of the post: links, math, code, footnotes, abbreviations', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('requestfailed', (failed) => errors.push(failed.url()));
  await page.goto(`${server.origin}/posts/feature-stores/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Feature stores, explained');
  await expect(page.getByRole('navigation', { name: 'Table of contents' }).getByRole('link', { name: 'Serving' })).toHaveAttribute('href', '#serving');
  await expect(page.locator('#serving')).toHaveText('Serving');
  await expect(page.getByRole('link', { name: 'drift', exact: true })).toHaveAttribute('href', '/posts/detecting-data-drift/');
  await expect(page.locator('abbr[title="Hyper Text Markup Language"]').first()).toHaveText('HTML');
  await expect(page.locator('pre[data-language="python"]').first()).toContainText('def get_features');
  await expect(page.locator('pre[data-language="bash"]')).toHaveClass(/line-numbers/);
  await expect(page.locator('.katex').first()).toBeVisible();
  // KaTeX's own stylesheet and fonts are served by the site.
  expect(await page.locator('.katex').first().evaluate((node) => getComputedStyle(node).fontFamily)).toContain('KaTeX');
  await expect(page.locator('dl dt').first()).toHaveText('Feature');
  await expect(page.locator('.callout strong')).toHaveText('Note:');
  await expect(page.locator('p.lead')).toHaveText('A paragraph with a class.');
  await expect(page.locator('[data-footnotes] li')).toContainText('Measured on our own cluster');
  await expectImagesLoaded(page);
  expect(errors).toEqual([]);
});

test('translations link to each other with hreflang; only the original is listed', async ({ page }) => {
  await page.goto(`${server.origin}/posts/detecting-data-drift/`);
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute('href', /\/posts\/detecting-data-drift-es\/$/);
  await page.getByRole('navigation', { name: 'Translations' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Detectar el data drift');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.goto(`${server.origin}/`);
  await expect(page.getByRole('link', { name: 'Detecting data drift' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Detectar el data drift' })).toHaveCount(0);
  await expectImagesLoaded(page);
});

test('listings paginate at the configured page size; hidden and draft posts are never listed', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  const titles: string[] = [];
  for (let number = 1; ; number++) {
    await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(`Page ${number} of 2`);
    titles.push(...(await page.getByRole('article').getByRole('heading', { level: 2 }).allTextContents()));
    const older = page.getByRole('link', { name: 'Older posts →' });
    if ((await older.count()) === 0) break;
    await older.click();
  }
  expect(page.url()).toBe(`${server.origin}/page/2/`);
  // The featured post leads the first page, and keeps its place among the others on the later ones.
  expect(titles).toEqual(['Hello, world', 'Feature stores, explained', 'Detecting data drift', 'Pandas tips', 'Hello, world']);
  await page.getByRole('link', { name: '← Newer posts' }).click();
  await expect(page).toHaveURL(`${server.origin}/`);
});

test('a post with "Featured: yes" comes first on the home page, under its own heading, and only there', async ({ page }) => {
  await page.goto(`${server.origin}/`);
  const featured = page.getByRole('region', { name: 'Featured' });
  await expect(featured.getByRole('article').getByRole('heading', { level: 2 })).toHaveText(['Hello, world']);
  await expect(page.getByRole('heading', { level: 2, name: 'Latest posts' })).toBeVisible();
  await page.goto(`${server.origin}/page/2/`);
  await expect(page.getByRole('region', { name: 'Featured' })).toHaveCount(0);
  await page.goto(`${server.origin}/category/misc/`);
  await expect(page.getByRole('region', { name: 'Featured' })).toHaveCount(0);
});

test('code blocks show their language and copy with one click', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${server.origin}/posts/feature-stores/`);
  const block = page.locator('.code-block').filter({ hasText: 'def get_features' });
  await expect(block.getByText('python', { exact: true })).toBeVisible();
  await block.getByRole('button', { name: 'Copy' }).click();
  await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('def get_features(entity_id):');
});

test('a summary marker ends the automatic summary where the author put it', async ({ page }) => {
  // Pandas tips is the third newest post: page 2 at two posts a page.
  await page.goto(`${server.origin}/page/2/`);
  const card = page.getByRole('article').filter({ hasText: 'Pandas tips' });
  await expect(card).toContainText('Some tips.');
  await expect(card).not.toContainText('The rest of the tips');
});

test('tags, categories and authors merge by slug, named with the first spelling', async ({ page }) => {
  // `python` (pandas tips, 2020), `Python` (feature stores, 2021) and `python` (drift): one tag.
  await page.goto(`${server.origin}/tag/python/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tag python');
  await expect(page.getByRole('link', { name: 'Feature stores, explained' })).toBeVisible();
  await page.goto(`${server.origin}/tag/`);
  await expect(page.getByRole('listitem').filter({ hasText: /^python \(3\)$/ })).toHaveCount(1);
  await page.goto(`${server.origin}/category/`);
  await expect(page.getByRole('listitem').filter({ hasText: /^mlops \(2\)$/ })).toHaveCount(1);
  await page.goto(`${server.origin}/category/mlops/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Category mlops');
  await page.goto(`${server.origin}/category/misc/`);
  await expect(page.getByRole('link', { name: 'Hello, world' })).toBeVisible();
});

test("Pelican's old URLs redirect to the new ones", async ({ page }) => {
  for (const [from, to] of [
    ['/feature-stores.html', '/posts/feature-stores/'],
    ['/detecting-data-drift-es.html', '/posts/detecting-data-drift-es/'],
    ['/pages/about-us.html', '/pages/about-us/'],
    ['/category/mlops.html', '/category/mlops/'],
    ['/tag/python.html', '/tag/python/'],
    ['/author/ana-lopez.html', '/author/ana-lopez/'],
    ['/archives.html', '/archives/'],
  ]) {
    await page.goto(server.origin + from);
    await expect(page).toHaveURL(server.origin + to);
  }
  // Feed readers do not follow HTML redirects: Pelican's feed URLs serve the new feeds.
  const pelicanFeed = await (await fetch(`${server.origin}/feeds/mlops.atom.xml`)).text();
  expect(pelicanFeed).toContain('<link rel="self" type="application/atom+xml" href="http://localhost:4321/feeds/category/mlops.atom.xml"/>');
  expect(pelicanFeed).toContain('<title>Feature stores, explained</title>');
  expect(await (await fetch(`${server.origin}/feeds/ana-lopez.atom.xml`)).text()).toContain('/feeds/author/ana-lopez.atom.xml');
  expect((await fetch(`${server.origin}/feeds/all.atom.xml`)).status).toBe(200);
  const redirect = readFileSync(join(build.outDir, 'client', 'feature-stores.html'), 'utf8');
  expect(redirect).toContain('<link rel="canonical" href="http://localhost:4321/posts/feature-stores/">');
  // Static hosts read _redirects; the Node server answers the same redirects as real 301s.
  expect(readFileSync(join(build.outDir, 'client', '_redirects'), 'utf8')).toContain('/feature-stores.html /posts/feature-stores/ 301\n');
  const moved = await fetch(`${server.origin}/tag/python.html`, { redirect: 'manual' });
  expect([moved.status, moved.headers.get('location')]).toEqual([301, '/tag/python/']);
});

test("the pelican URL preset writes Pelican's own file names", async () => {
  const pelican = await buildFixture('pelican-blog', { siteConfig: 'tests/fixtures/sites/configs/pelican-urls.config.ts' });
  try {
    expect(pelican.code, pelican.output).toBe(0);
    expect(htmlFiles(pelican)).toEqual(
      expect.arrayContaining([
        '/feature-stores.html',
        '/detecting-data-drift-es.html',
        '/pages/about-us.html',
        '/category/mlops.html',
        '/tag/python.html',
        '/author/ana-lopez.html',
        '/archives.html',
        '/index.html',
      ]),
    );
    const post = readFileSync(join(pelican.outDir, 'client', 'feature-stores.html'), 'utf8');
    expect(post).toContain('href="/detecting-data-drift.html"');
    expect(post).toContain('href="/pages/about-us.html"');
    for (const page of htmlFiles(pelican)) {
      const html = readFileSync(join(pelican.outDir, 'client', page), 'utf8');
      for (const path of internalLinks(html, 'http://localhost')) {
        const file = join(pelican.outDir, 'client', path.endsWith('/') ? `${path}index.html` : path);
        expect(existsSync(file), `${path} linked from ${page}`).toBe(true);
      }
    }
  } finally {
    removeBuild(pelican);
  }
});
