import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { buildFixture, removeBuild, type FixtureBuild } from './support/fixture-site';

test.describe.configure({ timeout: 180_000 });

const run = promisify(execFile);

test('a content folder with a broken header fails the build, naming file, line and field', async () => {
  const build = await buildFixture('broken-header');
  removeBuild(build);
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
    removeBuild(first);
  }
});

test('a rebuild after one edit renders that post again and copies the pages it does not change', async () => {
  mkdirSync('.fixture-builds', { recursive: true });
  const contentDir = mkdtempSync(join('.fixture-builds', 'edited-content-'));
  cpSync('tests/fixtures/sites/statuses', contentDir, { recursive: true });
  const first = await buildFixture('statuses', { contentDir });
  try {
    expect(first.code, first.output).toBe(0);
    appendFileSync(join(contentDir, 'posts', 'published.md'), '\nA paragraph added by an edit.\n');
    const second = await buildFixture('statuses', { contentDir, outDir: first.outDir, cold: false });
    expect(second.code, second.output).toBe(0);
    const page = (path: string) => readFileSync(join(first.outDir, 'client', path, 'index.html'), 'utf8');
    expect(page('posts/published-post')).toContain('A paragraph added by an edit.');
    // Its page was rendered; a post whose content and neighbours did not change was copied.
    expect(second.output).not.toMatch(/posts\/published-post\/index\.html \((?:restored|cached)\)/);
    expect(second.output).toMatch(/posts\/hidden-post\/index\.html \((?:restored|cached)\)/);
    expect(page('posts/hidden-post')).toContain('Hidden post');
  } finally {
    removeBuild(first);
    rmSync(contentDir, { recursive: true, force: true });
  }
});

test('a rebuild after an edit of a featured post shows it anew at the top of the home page, wherever it is in the list', async () => {
  mkdirSync('.fixture-builds', { recursive: true });
  const contentDir = mkdtempSync(join('.fixture-builds', 'featured-content-'));
  cpSync('tests/fixtures/sites/pelican-blog', contentDir, { recursive: true });
  const siteConfig = 'tests/fixtures/sites/configs/redirects.config.ts';
  const first = await buildFixture('pelican-blog', { contentDir, siteConfig });
  try {
    expect(first.code, first.output).toBe(0);
    // The oldest post, featured: on the home page only as featured, its listing place is page 2.
    const hello = join(contentDir, 'hello.md');
    writeFileSync(hello, readFileSync(hello, 'utf8').replace('A post at the content root', 'An edited post at the content root'));
    const second = await buildFixture('pelican-blog', { contentDir, outDir: first.outDir, cold: false, siteConfig });
    expect(second.code, second.output).toBe(0);
    expect(readFileSync(join(first.outDir, 'client', 'index.html'), 'utf8')).toContain('An edited post at the content root');
  } finally {
    removeBuild(first);
    rmSync(contentDir, { recursive: true, force: true });
  }
});

test('a rebuild into the last output removes what the content no longer makes, and leaves unchanged pages untouched', async () => {
  mkdirSync('.fixture-builds', { recursive: true });
  const contentDir = mkdtempSync(join('.fixture-builds', 'pruned-content-'));
  cpSync('tests/fixtures/sites/statuses', contentDir, { recursive: true });
  const first = await buildFixture('statuses', { contentDir });
  let fresh: FixtureBuild | undefined;
  try {
    expect(first.code, first.output).toBe(0);
    const client = (build: FixtureBuild, path = '') => join(build.outDir, 'client', path);
    // An edited body: the other posts' pages are left as they were, not even copied.
    const kept = client(first, 'posts/hidden-post/index.html');
    const keptTime = statSync(kept).mtimeMs;
    appendFileSync(join(contentDir, 'posts', 'published.md'), '\nA paragraph added by an edit.\n');
    const edited = await buildFixture('statuses', { contentDir, outDir: first.outDir, cold: false });
    expect(edited.code, edited.output).toBe(0);
    expect(statSync(kept).mtimeMs).toBe(keptTime);

    // A deleted post: its page goes.
    expect(existsSync(client(first, 'posts/yaml-post/index.html'))).toBe(true);
    rmSync(join(contentDir, '2020-01-01-yaml.md'));
    const second = await buildFixture('statuses', { contentDir, outDir: first.outDir, cold: false });
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/\[prune-output\] removed \d+ file\(s\) the last build made and this one did not/);
    expect(existsSync(client(first, 'posts/yaml-post/index.html'))).toBe(false);
    expect(readFileSync(client(first, 'index.html'), 'utf8')).not.toContain('YAML post');

    // The same files as a build of the same content into an empty folder.
    fresh = await buildFixture('statuses', { contentDir });
    expect(fresh.code, fresh.output).toBe(0);
    const files = (build: FixtureBuild) => readdirSync(client(build), { recursive: true, encoding: 'utf8' }).sort();
    expect(files(first)).toEqual(files(fresh));
  } finally {
    removeBuild(first);
    if (fresh) removeBuild(fresh);
    rmSync(contentDir, { recursive: true, force: true });
  }
});

test('with the build accelerator off, on the main thread only, or on workers, every file comes out byte for byte the same', async () => {
  const builds = {
    off: await buildFixture('pelican-blog', { env: { BUILD_ACCELERATOR: 'off' } }),
    onMain: await buildFixture('pelican-blog', { env: { PRERENDER_WORKERS: '0' } }),
    onWorkers: await buildFixture('pelican-blog', { env: { PRERENDER_WORKERS: '2' } }),
  };
  try {
    for (const build of Object.values(builds)) expect(build.code, build.output).toBe(0);
    expect(builds.off.output).toContain('off (BUILD_ACCELERATOR=off): Astro builds the site on its own');
    expect(builds.off.output).not.toContain('worker thread');
    expect(builds.onMain.output).toContain('pages render on the main thread (no worker threads: PRERENDER_WORKERS=0, or one core)');
    expect(builds.onWorkers.output).toContain('pages render on 2 worker thread(s) and the main thread');
    // The first pages render on the main thread while the workers start; most of the rest on them.
    expect(Number(/(\d+) of \d+ page\(s\) rendered on worker threads/.exec(builds.onWorkers.output)?.[1])).toBeGreaterThan(5);
    const files = (build: FixtureBuild) => readdirSync(join(build.outDir, 'client'), { recursive: true, encoding: 'utf8' }).sort();
    // Every page, feed, image (the covers and portraits the pages asked for) and search index file.
    expect(files(builds.off).filter((file) => /\.(?:webp|avif|jpe?g)$/.test(file)).length).toBeGreaterThan(3);
    for (const other of [builds.onMain, builds.onWorkers]) {
      expect(files(other)).toEqual(files(builds.off));
      for (const file of files(builds.off)) {
        const path = join('client', file);
        if (statSync(join(builds.off.outDir, path)).isDirectory()) continue;
        expect(readFileSync(join(other.outDir, path)).equals(readFileSync(join(builds.off.outDir, path))), file).toBe(true);
      }
    }
  } finally {
    for (const build of Object.values(builds)) removeBuild(build);
  }
});

test('a build after the dev server ran on another folder writes its own list of images', async () => {
  const first = await buildFixture('pelican-blog');
  try {
    expect(first.code, first.output).toBe(0);
    // What `npm run dev` on another content folder leaves in the list the dev server and builds share.
    writeFileSync('.astro/content-assets.mjs', 'import x from "../elsewhere/images/cover.jpg?astroContentImageFlag=&importer=posts%2Fx.md";\nexport default new Map([["x", x]]);\n');
    const second = await buildFixture('pelican-blog', { outDir: first.outDir, cold: false });
    expect(second.code, second.output).toBe(0);
    expect(readFileSync('.astro/content-assets.mjs', 'utf8')).not.toContain('elsewhere');
  } finally {
    removeBuild(first);
  }
});

test('a broken intrasite link fails the build with file, line and the missing path', async () => {
  const build = await buildFixture('broken-links');
  removeBuild(build);
  expect(build.code).toBe(1);
  expect(build.output).toContain('tests/fixtures/sites/broken-links/posts/links.md:5 {filename}../x.md points to tests/fixtures/sites/broken-links/x.md, which does not exist');
  expect(build.output).toContain('tests/fixtures/sites/broken-links/posts/links.md:7 {static}/images/none.png points to tests/fixtures/sites/broken-links/images/none.png, which does not exist');
  expect(build.output).toContain('tests/fixtures/sites/broken-links/posts/links.md:9 {tag}nothing points to a tag that no post has');
});

test('switching CONTENT_DIR between builds rebuilds from the new folder, without stale images', async () => {
  // The first folder has header covers; the second has none, and is built without --force.
  const first = await buildFixture('pelican-blog');
  removeBuild(first);
  expect(first.code, first.output).toBe(0);
  const second = await buildFixture('statuses', { cold: false });
  try {
    expect(second.code, second.output).toBe(0);
    expect(second.output).not.toContain('ImageNotFound');
    expect(second.output).toMatch(/\[pelican-article-loader\] 5 rendered/);
  } finally {
    removeBuild(second);
  }
});

test('a link in the built site that leads nowhere fails the build, naming the page and the link', async () => {
  const build = await buildFixture('broken-output');
  removeBuild(build);
  expect(build.code).toBe(1);
  expect(build.output).toMatch(/\d+ link\(s\) in the built site lead nowhere:/);
  expect(build.output).toContain('posts/links-written-by-hand/index.html: /posts/nowhere/');
  expect(build.output).toContain('posts/links-written-by-hand/index.html: /images/missing.png');
});

test('SITE_CONFIG=pelicanconf.py builds a Pelican site as Pelican lays it out: its paths, URLs, readers and slugs', async () => {
  const build = await buildFixture('pelicanconf-site', { siteConfig: 'tests/fixtures/sites/pelicanconf-site/pelicanconf.py', contentDir: '' });
  try {
    expect(build.code, build.output).toBe(0);
    // The line that imports a missing plugin is named, and the rest of the file still counts.
    expect(build.output).toMatch(/pelicanconf\.py:3: did not run \(ModuleNotFoundError/);
    const file = (path: string) => join(build.outDir, 'client', path);
    // ARTICLE_URL = '{date:%Y}/{slug}/', the slug transliterated as Pelican does ("关于" → guan-yu), the date read as dateutil reads it.
    const post = readFileSync(file('2019/guan-yu/index.html'), 'utf8');
    expect(post).toContain('datetime="2019-06-04T00:00:00+08:00"');
    // Python-Markdown: "#為什麼" is a heading (toc's id for a CJK heading is _1), a list needs a blank line, footnotes are fn:1.
    expect(post).toMatch(/<h1 id="_1"[^>]*>為什麼<\/h1>/);
    expect(post).toMatch(/<p>Related posts:\s*1\. <a href="\/2020\/notes-in-rst\/">/);
    expect(post).toContain('Costs 5\\% today<sup id="fnref:1"><a href="#fn:1" class="footnote-ref">1</a></sup>');
    // A relative image is left for the browser to resolve from the page's URL, as on the Pelican site.
    expect(post).toContain('<img src="../../images/diagram.png" alt="diagram">');
    // Tags Pelican keeps apart stay apart, at Pelican's URLs.
    for (const tag of ['kai-yuan-gong-xian-zhou-bao', 'airflow-kai-fa-sheng-qing-bao', 'airflow']) expect(existsSync(file(`tag/${tag}.html`)), tag).toBe(true);
    // CATEGORY_URL = '{slug}/index.html' beside .html pages; AUTHOR_SAVE_AS = '' writes no author pages.
    expect(existsSync(file('bi-ji/index.html'))).toBe(true);
    expect(existsSync(file('author'))).toBe(false);
    // The .rst article through docutils, the .html one through Pelican's HTML reader.
    expect(readFileSync(file('2020/notes-in-rst/index.html'), 'utf8')).toContain('<a class="reference external" href="https://docutils.sourceforge.io/">link</a>');
    expect(readFileSync(file('2018/an-old-html-post/index.html'), 'utf8')).toContain('Written as <em>HTML</em>');
    // A page's own save_as; EXTRA_PATH_METADATA's path; nothing outside ARTICLE_PATHS becomes a post.
    expect(readFileSync(file('about/index.html'), 'utf8')).toContain('About this site.');
    expect(readFileSync(file('robots.txt'), 'utf8')).toBe('User-agent: *\n');
    expect(readdirSync(file('')).join(' ')).not.toMatch(/readme/i);
    // LINKS is a blogroll in the footer.
    expect(readFileSync(file('index.html'), 'utf8')).toMatch(/<ul class="social" aria-label="Links">\s*<li>\s*<a href="https:\/\/getpelican.com\/">Pelican<\/a>/);
    // Drafts are published at DRAFT_URL, as Pelican publishes them, and listed nowhere.
    expect(readFileSync(file('drafts/work-in-progress.html'), 'utf8')).toContain('Not ready.');
    expect(readFileSync(file('index.html'), 'utf8')).not.toContain('Work in progress');
  } finally {
    removeBuild(build);
  }
});

test('npm run pelican-diff compares a Pelican site built by Pelican and by us, entry by entry', async () => {
  test.skip(!existsSync('/usr/bin/pelican') && !process.env['PYTHON'], 'needs Pelican (apt-get install pelican)');
  const { stdout } = await run('npm', ['run', 'pelican-diff', '--', 'tests/fixtures/sites/pelicanconf-site/pelicanconf.py'], { maxBuffer: 64 * 1024 * 1024 });
  expect(stdout).toContain('4 articles, 4 identical');
  expect(stdout).toContain('1 pages, 1 identical');
});
