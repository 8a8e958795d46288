import { mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanPage, scanPages } from '../../src/deploy/page-scans';

const ORIGIN = 'https://example.org';

describe('scanPage', () => {
  it('finds the inline scripts to hash, the redirect and the internal links', () => {
    const scan = scanPage('<script>go()</script><a href="/posts/a/#x">A</a><a href="https://elsewhere.org/">B</a>', ORIGIN);
    expect(scan.links).toEqual(['/posts/a/']);
    expect(scan.hashes).toHaveLength(1);
    expect(scan.target).toBeUndefined();
  });
});

describe('scanPages', () => {
  it('reads a page again only when its file changed since the last scan', async () => {
    const root = mkdtempSync(join(tmpdir(), 'site-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'scans-'));
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a', 'index.html'), '<a href="/one/">1</a>');
    writeFileSync(join(root, 'b.html'), '<a href="/two/">2</a>');
    const pages = ['a/index.html', 'b.html'];
    const options = { origin: ORIGIN, readsAtOnce: 2, cacheDir };
    expect((await scanPages(root, pages, options)).map(({ links }) => links)).toEqual([['/one/'], ['/two/']]);

    // Same size and time of writing: taken as unchanged (the kept scan shows it was not read).
    const { atimeMs, mtimeMs } = statSync(join(root, 'a', 'index.html'));
    writeFileSync(join(root, 'a', 'index.html'), '<a href="/uno/">1</a>');
    utimesSync(join(root, 'a', 'index.html'), atimeMs / 1000, mtimeMs / 1000);
    // Written again: read again.
    writeFileSync(join(root, 'b.html'), '<a href="/three/">3</a>');
    expect((await scanPages(root, pages, options)).map(({ links }) => links)).toEqual([['/one/'], ['/three/']]);

    // Another origin scans everything again.
    expect((await scanPages(root, pages, { ...options, origin: 'https://other.org' })).map(({ links }) => links)).toEqual([['/uno/'], ['/three/']]);
  });
});
