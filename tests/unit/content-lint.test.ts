// `npm run check`'s content rules, each on a small content folder written for the case: one that
// breaks the rule, one that keeps it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/lint/apply-fixes';
import { formatDiagnostic, sortDiagnostics } from '../../src/lint/diagnostic';
import { lintContent } from '../../src/lint/lint-content';
import { editDistance, nearestWord } from '../../src/lib/nearest-word';
import { URL_PRESETS } from '../../src/lib/url-patterns';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const NOW = new Date('2026-11-27T12:00:00Z');
const POST = 'Title: A post\nDate: 2026-10-01\nTags: python\n\nBody.\n';

/** Lints a content folder made of these files; returns `line rule` of each finding, per file. */
async function lint(files: Record<string, string | Buffer>) {
  const dir = mkdtempSync(join(tmpdir(), 'lint-'));
  folders.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const diagnostics = sortDiagnostics(
    await lintContent({ contentDir: dir, settings: { timeZone: 'Europe/Madrid', defaultAuthor: 'Ana', defaultLang: 'en', urls: URL_PRESETS.default }, now: NOW }),
  );
  // Paths outside the working folder are shown whole: drop the temporary folder.
  const short = (d: (typeof diagnostics)[number]) => `${d.file.startsWith(dir) ? d.file.slice(dir.length + 1) : d.file}:${d.line} ${d.severity} ${d.rule}`;
  return { diagnostics, found: diagnostics.map(short), dir };
}

describe('content rules', () => {
  it('a clean folder has nothing to say', async () => {
    expect((await lint({ 'posts/a.md': POST, 'posts/b.md': POST.replace('A post', 'B post') })).found).toEqual([]);
  });

  it('schema: a bad date names file, line and field', async () => {
    const { found, diagnostics } = await lint({ 'posts/a.md': 'Title: A\nDate: 2026-13-01\n\nBody.\n' });
    expect(found).toEqual(['posts/a.md:2 error schema']);
    expect(diagnostics[0]!.message).toMatch(/^date "2026-13-01" is not a date/);
  });

  it('duplicate-url: two posts with one slug', async () => {
    expect((await lint({ 'posts/a.md': POST, 'posts/b.md': POST })).found).toEqual(['posts/b.md:1 error duplicate-url']);
  });

  it('broken-link: a missing post, a missing image; not an existing one', async () => {
    const { found } = await lint({
      'posts/a.md': `${POST}\n[b]({filename}b.md) [c]({filename}c.md)\n\n![ok]({static}/images/ok.png) ![gone]({static}/images/gone.png)\n`,
      'posts/b.md': POST.replace('A post', 'B post'),
      'images/ok.png': Buffer.from('png'),
    });
    expect(found).toEqual(['posts/a.md:7 error broken-link', 'posts/a.md:9 error broken-link']);
  });

  it('broken-anchor: a heading that is not there, here or in the linked post', async () => {
    const { found, diagnostics } = await lint({
      'posts/a.md': `${POST}\n## Setup\n\n[ok](#setup) [gone](#install) [b]({filename}b.md#usage) [b2]({filename}b.md#missing)\n`,
      'posts/b.md': `${POST.replace('A post', 'B post')}\n## Usage\n`,
    });
    expect(found).toEqual(['posts/a.md:9 error broken-anchor', 'posts/a.md:9 error broken-anchor']);
    expect(diagnostics.map((d) => d.message)).toEqual([
      '#install is not a heading or anchor of this page',
      expect.stringMatching(/^#missing is not a heading or anchor of .*posts\/b\.md$/),
    ]);
  });

  it('image-alt: an image nobody described; not one that is', async () => {
    const { found } = await lint({ 'posts/a.md': `${POST}\n![]({static}/a.png)\n\n![A chart]({static}/a.png)\n`, 'a.png': Buffer.from('png') });
    expect(found).toEqual(['posts/a.md:7 warning image-alt']);
  });

  it('future-date: a scheduled post; not a past one', async () => {
    expect((await lint({ 'posts/a.md': POST.replace('2026-10-01', '2027-01-10') })).found).toEqual(['posts/a.md:2 warning future-date']);
  });

  it('old-draft: a draft older than 90 days; not a recent one', async () => {
    const draft = (date: string) => POST.replace('2026-10-01', date).replace('Tags:', 'Status: draft\nTags:');
    expect((await lint({ 'posts/a.md': draft('2026-01-01') })).found).toEqual(['posts/a.md:3 warning old-draft']);
    expect((await lint({ 'posts/a.md': draft('2026-11-01') })).found).toEqual([]);
  });

  it('summary-length: a summary too long for a meta description; not a short one', async () => {
    expect((await lint({ 'posts/a.md': POST.replace('Tags:', `Summary: ${'word '.repeat(40)}\nTags:`) })).found).toEqual(['posts/a.md:3 warning summary-length']);
    expect((await lint({ 'posts/a.md': POST.replace('Tags:', 'Summary: Short.\nTags:') })).found).toEqual([]);
  });

  it('tag-spelling: one tag written two ways, the accented spelling suggested and fixed', async () => {
    const { found, diagnostics } = await lint({ 'posts/a.md': POST.replace('python', 'Producción'), 'posts/b.md': POST.replace('A post', 'B').replace('python', 'produccion') });
    expect(found).toEqual(['posts/b.md:3 warning tag-spelling']);
    expect(diagnostics[0]!.fix).toEqual({ find: 'produccion', replace: 'Producción' });
    expect((await lint({ 'posts/a.md': POST, 'posts/b.md': POST.replace('A post', 'B') })).found).toEqual([]);
  });

  it('mojibake: the seed post\'s author, with the repair suggested and applied by --fix', async () => {
    const seed = 'Title: ML\nDate: 2019-06-04\nAuthors: Pedro Mu√±oz Botas\n\nWe’re in Madrid. Itâ€™s here.\n';
    const { found, diagnostics } = await lint({ 'posts/a.md': seed });
    expect(found).toEqual(['posts/a.md:3 warning mojibake', 'posts/a.md:5 warning mojibake']);
    expect(formatDiagnostic(diagnostics[0]!)).toMatch(
      /posts\/a\.md:3:10 warning mojibake Authors: "Pedro Mu√±oz Botas" looks mis-encoded \(UTF-8 read as Mac Roman\); did you mean "Pedro Muñoz Botas"\?$/,
    );
    expect(applyFixes(seed, diagnostics).text).toBe('Title: ML\nDate: 2019-06-04\nAuthors: Pedro Muñoz Botas\n\nWe’re in Madrid. It’s here.\n');
    expect((await lint({ 'posts/a.md': 'Title: ML\nDate: 2019-06-04\nAuthors: Pedro Muñoz Botas\n\nBody.\n' })).found).toEqual([]);
  });

  it('unknown-key: a typo of a known key; not a theme\'s own metadata', async () => {
    const { found, diagnostics } = await lint({ 'posts/a.md': POST.replace('Tags:', 'Titel: x\nSubtitle: x\nTags:') });
    expect(found).toEqual(['posts/a.md:3 warning unknown-key']);
    expect(diagnostics[0]!.message).toBe('"Titel" is not a metadata key this site reads; did you mean "title"?');
  });

  it('intrasite links in a course are reported: courses are rendered without the link index', async () => {
    const { found, diagnostics } = await lint({ 'training/c.md': 'Title: C\nStatus: announced\nCity: Madrid\n\nRead [the post]({filename}../posts/a.md) first.\n', 'posts/a.md': POST });
    expect(found).toEqual(['training/c.md:5 error schema']);
    expect(diagnostics[0]!.message).toMatch(/^\{filename\}\.\.\/posts\/a\.md is an intrasite link, which works in posts and pages only/);
  });

  it('courses and authors are checked too', async () => {
    const { found } = await lint({ 'training/c.md': 'Title: C\nStatus: open\nCity: Madrid\nStart: 2027-01-01\n\nBody.\n', 'authors/a.md': 'Name: Ana\nLinks: not-a-url\n\nBio.\n' });
    expect(found).toEqual(['authors/a.md:2 error schema', 'training/c.md:1 error schema']);
  });
});

describe('typo suggestions', () => {
  it('measure edits and pick the nearest known word, not a far one', () => {
    expect(editDistance('titel', 'title')).toBe(2);
    expect(nearestWord('titel', ['title', 'tags'])).toBe('title');
    expect(nearestWord('sumary', ['summary', 'slug'])).toBe('summary');
    expect(nearestWord('subtitle', ['title', 'summary'])).toBeUndefined();
  });
});
