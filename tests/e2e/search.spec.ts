import { expect, test } from '@playwright/test';
import { PELICAN_BLOG, serveFixture, type RunningServer, type ServedFixture } from './support/fixture-site';

const seedTitle = 'Machine Learning in Production. Where 99% of companies screw up';

test('"complain" finds the seed post first, with the words highlighted in the excerpt', async ({ page }) => {
  await page.goto('/search/?q=complain');
  const results = page.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('link').first()).toHaveText(seedTitle);
  await expect(page.getByRole('status')).toHaveText(/^\d+ results? for “complain”\.$/);
  await expect(results.locator('mark').first()).toHaveText(/complain/i);
  await expect(page.getByLabel('Search for')).toHaveValue('complain');
});

test('the header box: / focuses it, submitting searches; results open with the words highlighted', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search the site' })).toBeFocused();
  await page.keyboard.type('complain');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=complain$/);
  const first = page.getByRole('list', { name: 'Results' }).getByRole('link').first();
  await expect(first).toHaveText(seedTitle);
  // Keyboard only: from the query box down to the first result, Enter opens it.
  await page.getByLabel('Search for').focus();
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/posts\/ml-in-production\/\?highlight=complain$/);
  await expect(page.locator('mark').first()).toHaveText(/complain/i);
});

test('the URL follows the query as the reader types, and a reload restores it', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.getByRole('status')).toHaveText('Latest posts.');
  await page.getByLabel('Search for').fill('production');
  await expect(page).toHaveURL(/\/search\/\?q=production$/);
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('link').first()).toHaveText(seedTitle);
  await page.reload();
  await expect(page.getByLabel('Search for')).toHaveValue('production');
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('link').first()).toHaveText(seedTitle);
});

test('no results says so, and only real content is indexed', async ({ page }) => {
  await page.goto('/search/?q=zzyzxquux');
  await expect(page.getByRole('status')).toHaveText(/No results for “zzyzxquux”/);
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(0);
  // Navigation and footers are not indexed: the footer's "RSS" link finds nothing.
  await page.goto('/search/?q=rss');
  await expect(page.getByRole('status')).toHaveText(/No results/);
});

test.describe('on a Pelican site with categories, tags, a hidden page and a draft', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let site: ServedFixture;
  let server: RunningServer;

  test.beforeAll(async () => {
    site = await serveFixture('pelican-blog', PELICAN_BLOG, 4392);
    ({ server } = site);
  });

  test.afterAll(async () => {
    await site?.close();
  });

  test('a tag filter narrows the results; the URL keeps it and a reload restores it', async ({ page }) => {
    await page.goto(`${server.origin}/search/?q=drift`);
    const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
    await expect(page.getByRole('status')).toHaveText(/^[3-9] results for “drift”\.$/);
    const all = await results.count();
    await page.locator('summary', { hasText: 'Narrow down' }).click();
    await page.getByLabel('Tag').selectOption('Drift');
    await expect(page).toHaveURL(/\?q=drift&tag=Drift$/);
    await expect(page.getByRole('status')).toHaveText('1 result for “drift” with tag Drift.');
    expect(await results.count()).toBeLessThan(all);
    await page.reload();
    await expect(page.getByLabel('Tag')).toHaveValue('Drift');
    await expect(results).toHaveCount(1);
    await expect(results.getByRole('link')).toHaveText('Detecting data drift');
  });

  test('type and year filters, and newest first', async ({ page }) => {
    await page.goto(`${server.origin}/search/?type=page`);
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('link')).toHaveText(['About us']);
    await page.goto(`${server.origin}/search/?year=2021&sort=date`);
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('link')).toHaveText([
      'Feature stores, explained',
      'Detectar el data drift',
      'Detecting data drift',
    ]);
  });

  test('the filter options the page was built with are the values and counts Pagefind indexed', async ({ page }) => {
    await page.goto(`${server.origin}/search/`);
    const offered = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLSelectElement>('select[data-filter]')].map((select) => [
          select.name,
          Object.fromEntries([...select.options].filter((option) => option.value).map((option) => [option.value, Number(/\((\d+)\)$/.exec(option.text)?.[1])])),
        ]),
      ),
    );
    const indexed = await page.evaluate(async () => {
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      return pagefind.filters();
    });
    expect(Object.keys(offered.tag ?? {}).length).toBeGreaterThan(2);
    expect(offered).toEqual(Object.fromEntries(Object.keys(offered).map((name) => [name, indexed[name] ?? {}])));
  });

  test('"Show more results" adds the next results, and the keyboard goes on from the first of them', async ({ page }) => {
    // Twenty results a page on the site; one here, by the page's own setting, to see the button on a small site.
    await page.route('**/search/?q=drift', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('<form class="search-page"', '<form data-page-size="1" class="search-page"') });
    });
    await page.goto(`${server.origin}/search/?q=drift`);
    const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
    await expect(page.getByRole('status')).toHaveText(/^(\d+) results for “drift”\. Showing 1 of \1\.$/);
    await expect(results).toHaveCount(1);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect(results).toHaveCount(2);
    await expect(results.nth(1).getByRole('link')).toBeFocused();
    await expect(page.getByRole('status')).toContainText('Showing 2 of');
  });

  test('drafts and hidden pages never appear', async ({ page }) => {
    await page.goto(`${server.origin}/search/?q=progress`);
    await expect(page.getByRole('status')).toHaveText(/No results for “progress”/);
    await page.goto(`${server.origin}/search/?q=write`);
    await expect(page.getByRole('status')).toHaveText(/No results for “write”/);
  });
});
