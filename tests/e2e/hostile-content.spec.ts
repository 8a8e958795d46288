// Post metadata and search text that look like HTML stay text: no page of the built site runs them.
import { expect, test } from '@playwright/test';
import { serveFixture, type ServedFixture } from './support/fixture-site';

test.describe.configure({ mode: 'serial', timeout: 180_000 });
let site: ServedFixture;
test.beforeAll(async () => {
  site = await serveFixture('hostile', {}, 4367);
});
test.afterAll(async () => {
  await site?.close();
});

test('titles, tags, categories, authors and search excerpts never become markup', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  // The slug is Pelican's: its slugify strips the tags, then transliterates and drops the rest.
  const paths = ['/', '/posts/alerttitle-quotes-tags/', '/archives/', '/tag/', '/category/', '/author/'];
  for (const path of paths) {
    await page.goto(site.server.origin + path);
    await expect(page.locator('[onerror], [onload], [onmouseover]')).toHaveCount(0);
    // JSON-LD holds the title as data (its `<` escaped); no script that runs may hold it.
    const running = page.locator('script:not([type="application/ld+json"])');
    expect(await running.evaluateAll((scripts) => scripts.filter((s) => s.textContent?.includes('alert(')).length)).toBe(0);
  }
  await page.goto(`${site.server.origin}/posts/alerttitle-quotes-tags/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<script>alert("title")</script> "Quotes" & <b>tags</b>');
  await page.goto(`${site.server.origin}/search/?q=hostileword`);
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('<img src=x onerror=alert(4)>');
  await expect(results.locator('img[onerror], [onerror]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
