// Every template of the site, as readers, crawlers and feed readers see it.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { atomProblems, chromeInFeedHtml, jsonFeedProblems, rssProblems } from '../support/feed-rules';

const templates = [
  ['home', '/'],
  ['article', '/posts/ml-in-production/'],
  ['page', '/pages/about/'],
  ['category', '/category/training/'],
  ['tag', '/tag/machine-learning/'],
  ['author', '/author/pedro-munoz-botas/'],
  ['tags index', '/tag/'],
  ['archives', '/archives/'],
  ['search', '/search/?q=madrid'],
  ['404', '/no-such-page/'],
  ['training', '/training/'],
  ['course', '/training/ml-in-production-madrid/'],
  ['check your inbox', '/newsletter/check-your-inbox/'],
] as const;

const screenshots = 'test-results/screenshots';
mkdirSync(screenshots, { recursive: true });

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of templates) {
      test(`${name}: renders, passes axe, screenshots at phone and desktop width`, async ({ page }) => {
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          // The 404 template is served with status 404, which Chromium logs as an error.
          if (message.type() === 'error' && !(name === '404' && message.text().includes('404'))) errors.push(message.text());
        });
        const response = await page.goto(path);
        expect(response?.status()).toBe(name === '404' ? 404 : 200);
        // The search page's results arrive after load: scan and shoot them, not an empty list.
        if (name === 'search') await expect(page.getByRole('status')).toHaveText(/results? for “madrid”/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
        await expectNoAxeViolations(page);
        for (const [width, height] of [[375, 812], [1280, 900]] as const) {
          await page.setViewportSize({ width, height });
          await page.screenshot({ path: `${screenshots}/${name.replace(/\s/g, '-')}-${scheme}-${width}.png`, fullPage: true });
        }
        expect(errors).toEqual([]);
      });
    }
  });
}

test('the theme toggle switches, is remembered, and never flashes the wrong theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/posts/ml-in-production/');
  // System, then light, then dark, then the system's again; the button names the theme in use.
  const toggle = page.locator('.theme-toggle');
  await expect(toggle).toHaveAccessibleName('System theme');
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Light theme');
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Dark theme');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // On the next page, the saved theme is on the root before the first paint: check at DOMContentLoaded
  // on a page whose scripts have not run yet.
  await page.goto('/archives/', { waitUntil: 'commit' });
  await page.waitForFunction(() => document.body !== null);
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.dataset['theme'] ?? 'system')).toBe('system');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
});

test('the article page has reading aids: contents, anchors, reading time, share links', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/posts/ml-in-production/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc.getByRole('link')).toHaveCount(4);
  await toc.getByRole('link', { name: 'General complaint' }).click();
  await expect(page).toHaveURL(/#general-complaint$/);
  await expect(page.getByRole('link', { name: 'Link to the section “General complaint”' })).toHaveAttribute('href', '#general-complaint');
  await expect(page.getByText(/\d+ min read/)).toBeVisible();
  const share = page.getByRole('navigation', { name: 'Share this post' });
  await expect(share.getByRole('link', { name: 'LinkedIn' })).toHaveAttribute('href', /linkedin\.com\/sharing\/share-offsite\/\?url=http%3A%2F%2Flocalhost%3A4321%2Fposts%2Fml-in-production%2F/);
  await expect(page.getByRole('link', { name: 'Pedro Muñoz Botas' }).first()).toHaveAttribute('href', '/author/pedro-munoz-botas/');
  await expect(page.getByRole('link', { name: 'machine learning', exact: true })).toHaveAttribute('href', '/tag/machine-learning/');
  const og = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(og).toMatch(/^http:\/\/localhost:4321\/_astro\/.+\.jpe?g$/);
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute('href', '/feeds/all.atom.xml');
});

test('feeds are valid and list the published posts; the sitemap and robots.txt point to every page', async ({ page, request }) => {
  await page.goto('/');
  for (const path of ['/feeds/all.atom.xml', '/feeds/all.rss.xml', '/feeds/tag/machine-learning.atom.xml', '/feeds/author/pedro-munoz-botas.rss.xml']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const xml = await response.text();
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: document.querySelector('parsererror')?.textContent ?? null,
        entries: [...document.querySelectorAll('entry > id, item > link')].map((node) => node.textContent),
      };
    }, xml);
    expect(parsed.error, path).toBeNull();
    expect(parsed.entries, path).toEqual(['http://localhost:4321/posts/ml-in-production/']);
    expect(path.endsWith('.atom.xml') ? atomProblems(xml) : rssProblems(xml), path).toEqual([]);
    expect(chromeInFeedHtml(xml.replaceAll('&quot;', '"')), path).toEqual([]);
  }
  const jsonText = await (await request.get('/feeds/all.json')).text();
  expect(jsonFeedProblems(jsonText)).toEqual([]);
  const json = JSON.parse(jsonText);
  expect(json.language).toBe('en');
  expect(json.items.map((item: { url: string }) => item.url)).toEqual(['http://localhost:4321/posts/ml-in-production/']);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const path of ['/', '/posts/ml-in-production/', '/pages/about/', '/archives/', '/tag/machine-learning/', '/author/pedro-munoz-botas/']) {
    expect(sitemap).toContain(`<loc>http://localhost:4321${path}</loc>`);
  }
  expect(sitemap).toContain('<lastmod>2019-06-03T22:00:00.000Z</lastmod>');
  expect(await (await request.get('/robots.txt')).text()).toContain('Sitemap: http://localhost:4321/sitemap.xml');
  expect((await request.get('/social/site.jpg')).headers()['content-type']).toBe('image/jpeg');
});
