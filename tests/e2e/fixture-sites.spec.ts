// Builds small content folders with CONTENT_DIR, as an author moving a Pelican site would.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);

interface BuildResult {
  code: number;
  output: string;
  outDir: string;
}

// Inside the project, so the prerender step resolves the project's node_modules.
const buildsDir = '.fixture-builds';

/** Runs `astro build` on a fixture content folder into a fresh folder; never throws on failure. */
async function buildFixture(name: string, { outDir = newOutDir(name), cold = true } = {}): Promise<BuildResult> {
  const env = { ...process.env, CONTENT_DIR: `tests/fixtures/sites/${name}`, NO_COLOR: '1', FORCE_COLOR: '0' };
  const args = ['astro', 'build', '--outDir', outDir, ...(cold ? ['--force'] : [])];
  try {
    const { stdout, stderr } = await run('npx', args, { env });
    return { code: 0, output: stdout + stderr, outDir };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr, outDir };
  }
}

function newOutDir(name: string): string {
  mkdirSync(buildsDir, { recursive: true });
  return mkdtempSync(join(buildsDir, `${name}-`));
}

test.describe.configure({ timeout: 180_000 });

test('a content folder with a broken header fails the build, naming file, line and field', async () => {
  const build = await buildFixture('broken-header');
  rmSync(build.outDir, { recursive: true, force: true });
  expect(build.code).toBe(1);
  expect(build.output).toContain('The content has 3 problems:');
  expect(build.output).toMatch(
    /tests\/fixtures\/sites\/broken-header\/posts\/bad-date\.md:2 date "2019-13-04" is not a date \(expected YYYY-MM-DD/,
  );
  expect(build.output).toContain('tests/fixtures/sites/broken-header/posts/no-title.md:1 title is missing');
  expect(build.output).toMatch(/broken-header\/posts\/twin\.md:2 has the same URL \(slug "good", lang "en"\) as .*posts\/good\.md/);
});

test('statuses, YAML headers and file-name dates build as Pelican builds them; unchanged files are not re-rendered', async () => {
  const first = await buildFixture('statuses');
  try {
    expect(first.code, first.output).toBe(0);
    const page = (path: string) => join(first.outDir, 'client', path, 'index.html');
    const home = readFileSync(page(''), 'utf8');
    expect(home).toContain('Published post');
    expect(home).toContain('YAML post');
    expect(home).toContain('Dated by file name');
    expect(home).not.toContain('Hidden post');
    expect(home).not.toContain('Draft post');
    expect(home).not.toContain('Skipped post');
    expect(existsSync(page('posts/hidden-post'))).toBe(true);
    expect(existsSync(page('posts/draft-post'))).toBe(false);
    expect(existsSync(page('posts/skipped-post'))).toBe(false);
    expect(readFileSync(page('posts/yaml-post'), 'utf8')).toContain('datetime="2020-01-01T09:30:00+01:00"');
    expect(readFileSync(page('posts/dated-by-file-name'), 'utf8')).toContain('datetime="2019-12-31T00:00:00+01:00"');
    expect(first.output).toMatch(/\[pelican-article-loader\] 5 rendered, 0 unchanged, 1 skipped, 0 invalid/);

    const second = await buildFixture('statuses', { outDir: first.outDir, cold: false });
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/\[pelican-article-loader\] 0 rendered, 5 unchanged, 1 skipped, 0 invalid/);
  } finally {
    rmSync(first.outDir, { recursive: true, force: true });
  }
});
