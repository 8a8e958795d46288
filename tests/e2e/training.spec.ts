// The training section: the Madrid course on the site itself, every status on a fixture site, and
// a content folder with course mistakes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { buildFixture, removeBuild, serveFixture, type ServedFixture } from './support/fixture-site';

test.describe.configure({ timeout: 180_000 });

/** The page's JSON-LD object of a type, parsed. */
async function jsonLdOf(page: Page, type: string): Promise<Record<string, any>> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  const found = scripts.map((text) => JSON.parse(text) as Record<string, any>).find((value) => value['@type'] === type);
  if (!found) throw new Error(`no ${type} JSON-LD on ${page.url()}`);
  return found;
}

/** The schema.org shape a course page promises: Course → onsite CourseInstance in a Place. */
function expectCourseShape(course: Record<string, any>) {
  expect(course['@context']).toBe('https://schema.org');
  expect(course['name']).toEqual(expect.any(String));
  expect(course['description']).toEqual(expect.any(String));
  expect(course['provider']).toMatchObject({ '@type': 'Organization', name: expect.any(String) });
  const [instance] = course['hasCourseInstance'];
  expect(instance).toMatchObject({
    '@type': 'CourseInstance',
    courseMode: 'onsite',
    location: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: expect.any(String) } },
  });
  for (const key of ['startDate', 'endDate']) if (instance[key]) expect(Number.isNaN(Date.parse(instance[key]))).toBe(false);
  for (const offer of course['offers'] ?? []) {
    expect(offer).toMatchObject({ '@type': 'Offer', price: expect.any(Number), priceCurrency: expect.stringMatching(/^[A-Z]{3}$/) });
  }
}

test.describe('the Madrid course on the site', () => {
  test('the home page banner leads to the course, whose facts and structured data render', async ({ page }) => {
    await page.goto('/');
    const banner = page.getByRole('complementary', { name: 'Upcoming course' });
    await expect(banner).toContainText('Dates coming soon');
    await banner.getByRole('link', { name: 'Machine Learning in Production — Madrid' }).click();
    await expect(page).toHaveURL(/\/training\/ml-in-production-madrid\/$/);
    const facts = page.getByRole('complementary', { name: 'Key facts' });
    await expect(facts).toContainText('Announced');
    await expect(facts).toContainText('Dates coming soon');
    await expect(facts).toContainText('Madrid');
    await expect(facts).toContainText('€690');
    await expect(facts).toContainText('14 hours');
    await expect(facts.getByRole('link', { name: 'Map' })).toHaveAttribute('href', /openstreetmap\.org\/search\?query=.*Madrid/);
    await expect(page.getByRole('link', { name: 'Pedro Muñoz Botas' })).toHaveAttribute('href', '/author/pedro-munoz-botas/');
    await expect(page.locator('.related')).toContainText('Machine Learning in Production. Where 99% of companies screw up');

    const course = await jsonLdOf(page, 'Course');
    expectCourseShape(course);
    expect(course['hasCourseInstance'][0].location.address).toMatchObject({ addressLocality: 'Madrid', addressCountry: 'ES' });
    expect(course['offers'][0]).toMatchObject({ price: 690, priceCurrency: 'EUR', availability: 'https://schema.org/PreOrder' });
    // Dates are not fixed yet: no calendar file.
    expect((await page.request.get('/training/ml-in-production-madrid.ics')).status()).toBe(404);
  });

  test('the seed post, in category training, points to the course', async ({ page }) => {
    await page.goto('/posts/ml-in-production/');
    await page.getByRole('complementary', { name: 'Upcoming course' }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Machine Learning in Production — Madrid');
  });

  test('while announced, the call to action is a signup tagged with the course, and it works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/training/ml-in-production-madrid/');
    const signup = page.locator('.course-cta .newsletter');
    await expect(signup.getByRole('heading')).toHaveText('Tell me when registration opens');
    await expect(signup.locator('input[name="topic"]')).toHaveValue('ml-in-production-madrid');
    const address = `course-${Date.now()}@example.com`;
    await signup.getByRole('textbox', { name: 'Email' }).fill(address);
    await signup.getByRole('checkbox').check();
    await signup.getByRole('button', { name: 'Notify me' }).click();
    await expect(page).toHaveURL(/\/newsletter\/check-your-inbox\/$/);
    const outbox = '.test-data/outbox';
    const mail = readdirSync(outbox).map((file) => readFileSync(join(outbox, file), 'utf8')).find((text) => text.includes(address));
    expect(mail).toMatch(/Subject: The Gurus: confirm to hear about Machine Learning in\s+Production — Madrid|Subject: =\?UTF-8\?/);
    await context.close();
  });

  test('the training section lists the course; the sitemap and search know it', async ({ page, request }) => {
    await page.goto('/training/');
    await expect(page.getByRole('heading', { name: 'Upcoming courses' })).toBeVisible();
    await expect(page.locator('.course-card')).toContainText('Dates coming soon');
    const sitemap = await (await request.get('/sitemap.xml')).text();
    expect(sitemap).toContain('/training/</loc>');
    expect(sitemap).toContain('/training/ml-in-production-madrid/</loc>');
    await page.goto('/search/?q=retrain');
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('link').first()).toHaveText('Machine Learning in Production — Madrid');
  });
});

test.describe('every course status', () => {
  test.describe.configure({ mode: 'serial' });
  let site: ServedFixture;
  test.beforeAll(async () => {
    site = await serveFixture('training', {}, 4393);
  });
  test.afterAll(async () => {
    await site?.close();
  });

  test('upcoming courses by date, announced after them, past ones last', async ({ page }) => {
    await page.goto(`${site.server.origin}/training/`);
    const titles = (section: string) => page.getByRole('region', { name: section }).getByRole('heading', { level: 3 }).allTextContents();
    expect(await titles('Upcoming courses')).toEqual(['Deploying Models — Madrid', 'Monitoring Models', 'Feature Stores']);
    expect(await titles('Past courses')).toEqual(['First Edition']);
  });

  test('open: facts, a register button, instructors, related posts and a calendar file', async ({ page, request }) => {
    await page.goto(`${site.server.origin}/training/deploying-models-madrid/`);
    const facts = page.getByRole('complementary', { name: 'Key facts' });
    // Two sessions, each named, not a week-long range.
    await expect(facts).toContainText('March 6, 2099, 10:00–18:00 and March 13, 2099, 10:00–18:00');
    await expect(facts).toContainText('3 of 20 seats left');
    await expect(page.getByRole('link', { name: 'Register now' }).first()).toHaveAttribute('href', 'https://tickets.example/deploying-models');
    await expect(page.locator('.course-cta .newsletter h2')).toHaveText('Not ready to register?');
    await expect(page.getByRole('link', { name: 'Ana López' })).toHaveAttribute('href', '/author/ana-lopez/');
    await expect(page.getByRole('link', { name: 'Somebody Else' })).toHaveCount(0);
    await expect(page.locator('.related')).toContainText('Why we teach');
    await expect(page.locator('.related')).not.toContainText('cooking');

    const course = await jsonLdOf(page, 'Course');
    expectCourseShape(course);
    expect(course['hasCourseInstance'][0]).toMatchObject({ startDate: '2099-03-06T10:00:00+01:00', endDate: '2099-03-13T18:00:00+01:00' });
    expect(course['offers'][0]).toMatchObject({ availability: 'https://schema.org/InStock', url: 'https://tickets.example/deploying-models' });

    const ics = await request.get(`${site.server.origin}/training/deploying-models-madrid.ics`);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(await ics.text())).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events).toHaveLength(2);
    const [event] = events;
    expect(event!.summary).toBe('Deploying Models — Madrid');
    expect(event!.location).toBe('Impact Hub Alameda, Calle de la Alameda 22, Madrid');
    expect(events.map((session) => [session.startDate.toJSDate().toISOString(), session.endDate.toJSDate().toISOString()])).toEqual([
      ['2099-03-06T09:00:00.000Z', '2099-03-06T17:00:00.000Z'],
      ['2099-03-13T09:00:00.000Z', '2099-03-13T17:00:00.000Z'],
    ]);
    await page.getByRole('link', { name: 'Add to calendar' }).isVisible();
  });

  test('sold out: a waiting list; finished: the next edition', async ({ page }) => {
    await page.goto(`${site.server.origin}/training/monitoring-models/`);
    await expect(page.locator('.course-cta .newsletter h2')).toHaveText('Join the waiting list');
    await expect(page.getByRole('link', { name: 'Register now' })).toHaveCount(0);
    expect((await jsonLdOf(page, 'Course'))['offers'][0].availability).toBe('https://schema.org/SoldOut');
    await page.goto(`${site.server.origin}/training/first-edition/`);
    await expect(page.locator('.course-cta .newsletter h2')).toHaveText('Next edition');
  });

  test('the banner points to the next open or announced course, on the home page and training posts only', async ({ page }) => {
    await page.goto(`${site.server.origin}/`);
    await expect(page.getByRole('complementary', { name: 'Upcoming course' }).getByRole('link')).toHaveText('Deploying Models — Madrid');
    await page.goto(`${site.server.origin}/posts/why-we-teach/`);
    await expect(page.getByRole('complementary', { name: 'Upcoming course' })).toHaveCount(1);
    await page.goto(`${site.server.origin}/posts/a-post-about-cooking/`);
    await expect(page.getByRole('complementary', { name: 'Upcoming course' })).toHaveCount(0);
  });
});

test('course mistakes fail the build, naming file, line and field', async () => {
  const build = await buildFixture('broken-courses');
  removeBuild(build);
  expect(build.code).toBe(1);
  expect(build.output).toContain(
    'tests/fixtures/sites/broken-courses/training/open-without-url.md:1 registration_url is required when the status is open (add a "Registration_url:" line with the sign-up page)',
  );
  expect(build.output).toContain('tests/fixtures/sites/broken-courses/training/end-before-start.md:5 end is before the start');
  expect(build.output).toContain('tests/fixtures/sites/broken-courses/training/end-before-start.md:6 price "cheap" is not a number');
});
