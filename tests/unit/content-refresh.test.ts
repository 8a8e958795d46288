import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it, vi } from 'vitest';
import contentRefresh, { batchedRefresh, loadersFor, type LoadersByRole } from '../../src/integrations/content-refresh';
import { isContentChange } from '../../src/content/loaders/content-change';

const LOADERS: LoadersByRole = {
  article: ['articles', 'pages'],
  page: ['articles', 'pages'],
  author: ['authors'],
  static: ['articles', 'pages', 'authors'],
};

const logger = { error: vi.fn(), info: vi.fn(), warn: vi.fn() } as unknown as AstroIntegrationLogger;

/** A refresh that takes `ms` and records what it was asked. */
function slowRefresh(ms: number) {
  const calls: { loaders: string[]; changedFiles: string[] }[] = [];
  const refreshContent = async ({ loaders, context }: { loaders: string[]; context: { changedFiles: string[] } }) => {
    calls.push({ loaders, changedFiles: [...context.changedFiles] });
    await new Promise((done) => setTimeout(done, ms));
  };
  return { calls, refreshContent };
}

describe('loadersFor', () => {
  it('is every loader the changed files need, once each', () => {
    expect(loadersFor(['posts/a.md', 'pages/about.md'], LOADERS)).toEqual(['articles', 'pages']);
    expect(loadersFor(['authors/ana.md', 'images/cover.jpg'], LOADERS)).toEqual(['articles', 'authors', 'pages']);
  });

  it('is nothing for a file of a role no loader reads, a dot file or an editor backup', () => {
    expect(loadersFor(['training/course.md'], LOADERS)).toEqual([]);
    expect(loadersFor(['posts/.a.md.swp', 'posts/a.md~', '.git/index'], LOADERS)).toEqual([]);
  });
});

describe('batchedRefresh', () => {
  it('refreshes at once, and gathers what changes meanwhile into one more refresh', async () => {
    const { calls, refreshContent } = slowRefresh(50);
    const refresh = batchedRefresh(refreshContent, { contentDir: tmpdir(), loadersByRole: LOADERS, logger });
    refresh('posts/a.md');
    await new Promise((done) => setTimeout(done, 10));
    refresh('posts/b.md');
    refresh('authors/ana.md');
    refresh('training/ignored.md');
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    await new Promise((done) => setTimeout(done, 100));
    expect(calls).toEqual([
      { loaders: ['articles', 'pages'], changedFiles: ['posts/a.md'] },
      { loaders: ['articles', 'authors', 'pages'], changedFiles: ['posts/b.md', 'authors/ana.md'] },
    ]);
  });

  it('refreshes again when a file was still being written as the loaders read it', async () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'refresh-'));
    mkdirSync(join(contentDir, 'posts'));
    writeFileSync(join(contentDir, 'posts', 'a.md'), '');
    const calls: string[][] = [];
    const refreshContent = async ({ context }: { context: { changedFiles: string[] } }) => {
      calls.push([...context.changedFiles]);
      // The rest of the save lands while the loaders run; the watcher reports nothing more.
      if (calls.length === 1) writeFileSync(join(contentDir, 'posts', 'a.md'), 'Title: A\n');
    };
    batchedRefresh(refreshContent, { contentDir, loadersByRole: LOADERS, logger })('posts/a.md');
    await vi.waitFor(() => expect(calls).toEqual([['posts/a.md'], ['posts/a.md']]));
  });

  it('logs a failed refresh and goes on with the next', async () => {
    const error = vi.fn();
    let fail = true;
    const refreshContent = vi.fn(async () => {
      if (fail) {
        fail = false;
        throw new Error('posts/a.md:3 date "2019-13-04" is not a date');
      }
    });
    const refresh = batchedRefresh(refreshContent, { contentDir: tmpdir(), loadersByRole: LOADERS, logger: { ...logger, error } as unknown as AstroIntegrationLogger });
    refresh('posts/a.md');
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith('posts/a.md:3 date "2019-13-04" is not a date'));
    refresh('posts/a.md');
    await vi.waitFor(() => expect(refreshContent).toHaveBeenCalledTimes(2));
  });
});

describe('contentRefresh', () => {
  it('refreshes the loaders of a file written in the content folder, naming it, and again when an editor replaces it', async () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'refresh-'));
    mkdirSync(join(contentDir, 'posts'));
    const { calls, refreshContent } = slowRefresh(0);
    const integration = contentRefresh({ contentDir, loadersByRole: LOADERS });
    const setup = integration.hooks['astro:server:setup'] as (options: object) => void;
    setup({ refreshContent, logger });
    try {
      const post = join(contentDir, 'posts', 'new.md');
      // Written until the watcher, which starts by listing the folder, reports it.
      await vi.waitFor(
        () => {
          writeFileSync(post, 'Title: New\n');
          expect(calls[0]).toEqual({ loaders: ['articles', 'pages'], changedFiles: ['posts/new.md'] });
        },
        { timeout: 5000, interval: 200 },
      );
      await new Promise((done) => setTimeout(done, 300));
      calls.length = 0;
      // As `sed -i` and many editors save: a new file renamed over the old one.
      writeFileSync(`${post}.tmp`, 'Title: Newer\n');
      renameSync(`${post}.tmp`, post);
      await vi.waitFor(() => expect(calls.flatMap((call) => call.changedFiles)).toContain('posts/new.md'));
    } finally {
      await (integration.hooks['astro:server:done'] as (options: object) => Promise<void>)({ logger });
    }
  });
});

describe('isContentChange', () => {
  it('tells a refresh that names files from any other', () => {
    expect(isContentChange({ changedFiles: ['posts/a.md'] })).toBe(true);
    expect(isContentChange(undefined)).toBe(false);
    expect(isContentChange({ webhook: true })).toBe(false);
  });
});
