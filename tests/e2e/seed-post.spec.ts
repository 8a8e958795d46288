import { expect, test, type Page } from '@playwright/test';

/** Collects console errors and failed requests, so a test can assert a clean page. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`${request.url()}: ${request.failure()?.errorText}`));
  return errors;
}

const title = 'Machine Learning in Production. Where 99% of companies screw up';

test('a reader goes from the home page to the seed post and reads it', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/');
  await page.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/posts\/ml-in-production\/$/);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.getByText('Why people fail to deploy Machine Learning models into production')).toBeVisible();
  await expect(page.getByText('Pedro Muñoz Botas')).toBeVisible();
  await expect(page.getByText('√')).toHaveCount(0);
  const published = page.locator('time').first();
  await expect(published).toHaveText('June 4, 2019');
  await expect(published).toHaveAttribute('datetime', '2019-06-04T00:00:00+02:00');

  const newTab = page.getByRole('link', { name: 'link', exact: true });
  await expect(newTab).toHaveAttribute('href', 'https://mlinproduction.github.io/');
  await expect(newTab).toHaveAttribute('target', '_blank');
  await expect(newTab).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByText('{:target')).toHaveCount(0);

  const cover = page.locator('picture img');
  await expect(cover).toBeVisible();
  await expect.poll(() => cover.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('the seed post describes itself to search engines as a BlogPosting', async ({ page }) => {
  await page.goto('/posts/ml-in-production/');
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  const [jsonLd, breadcrumbs] = scripts.map((text) => JSON.parse(text));
  expect(breadcrumbs).toMatchObject({ '@type': 'BreadcrumbList', itemListElement: [{ name: 'The Gurus' }, { name: 'training' }, { name: title }] });
  expect(jsonLd).toMatchObject({
    '@type': 'BlogPosting',
    headline: title,
    datePublished: '2019-06-04T00:00:00+02:00',
    dateModified: '2019-06-04T00:00:00+02:00',
    author: [{ '@type': 'Person', name: 'Pedro Muñoz Botas' }],
    keywords: ['training', 'machine learning', 'production'],
    articleSection: 'training',
    url: expect.stringMatching(/\/posts\/ml-in-production\/$/),
    image: expect.stringMatching(/^https?:\/\/.+\.jpe?g$/),
  });
});

test('the home page lists the post with its summary, author and cover', async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto('/');
  const card = page.getByRole('article').filter({ hasText: title });
  await expect(card.getByText('People complain about Machine Learning models in production.')).toBeVisible();
  await expect(card.getByText('Pedro Muñoz Botas')).toBeVisible();
  await expect.poll(() => card.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('static files of the content folder keep their Pelican URLs', async ({ request }) => {
  const response = await request.get('/images/posts/ml-in-production/ml_in_production.jpeg');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/jpeg');
  expect((await response.body()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
});

test('pages have their own URL and are in the navigation', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await expect(page).toHaveURL(/\/pages\/about\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About');
});
