// `npm run new`: the header it writes, and the command itself on a throwaway content folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newPostSource } from '../../src/content/format/new-post';
import { readEntry } from '../../src/content/format/read-entry';
import { articleSchema } from '../../src/content/schemas/article';

const contentDir = mkdtempSync(join(tmpdir(), 'new-post-'));
afterAll(() => rmSync(contentDir, { recursive: true, force: true }));
const run = (...args: string[]) =>
  spawnSync('node', ['scripts/run-ts.mjs', 'src/cli/new-post.ts', ...args], { env: { ...process.env, CONTENT_DIR: contentDir }, encoding: 'utf8' });

describe('a new post', () => {
  const source = newPostSource({ title: 'Feature stores, in Madrid!', category: 'training', tags: ['mlops', 'data'], draft: true, author: 'Ana López', now: new Date('2026-11-27T09:05:00Z'), timeZone: 'Europe/Madrid' });

  it('has a complete header: date and time in the site zone, slug, status', () => {
    expect(source.split('\n').slice(0, 8)).toEqual([
      'Title: Feature stores, in Madrid!',
      'Date: 2026-11-27 10:05',
      'Category: training',
      'Tags: mlops, data',
      'Slug: feature-stores-in-madrid',
      'Authors: Ana López',
      'Summary: One or two sentences for listings, feeds and search engines (at most 160 characters).',
      'Status: draft',
    ]);
  });

  it('is a valid post as the build reads it', () => {
    const read = readEntry(
      { bytes: Buffer.from(source), relativePath: 'posts/feature-stores-in-madrid.md', displayPath: 'x.md', kind: 'article' },
      { settings: { timeZone: 'Europe/Madrid', defaultAuthor: 'X', defaultLang: 'en' }, schema: articleSchema, fileExists: () => true },
    );
    expect(read.status).toBe('ok');
  });
});

describe('npm run new', () => {
  it('writes the post and its image folder, prints where, and never overwrites', () => {
    const first = run('Scaling Inference', '--tags', 'mlops,serving');
    expect(first.status, first.stderr).toBe(0);
    const path = join(contentDir, 'posts', 'scaling-inference.md');
    expect(readFileSync(path, 'utf8')).toMatch(/^Title: Scaling Inference\nDate: \d{4}-\d\d-\d\d \d\d:\d\d\nCategory: misc\nTags: mlops, serving\nSlug: scaling-inference\n/);
    expect(existsSync(join(contentDir, 'images', 'posts', 'scaling-inference'))).toBe(true);
    expect(first.stdout).toContain('http://localhost:4321/posts/scaling-inference/');

    const before = readFileSync(path, 'utf8');
    const second = run('Scaling Inference');
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('already exists');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses a missing title', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Usage: npm run new');
  });
});

describe('npm run check (the content part)', () => {
  it('answers JSON with --format json and exits 1 on errors', () => {
    const broken = mkdtempSync(join(tmpdir(), 'check-json-'));
    try {
      mkdirSync(join(broken, 'posts'));
      writeFileSync(join(broken, 'posts', 'a.md'), 'Title: A\nDate: 2026-13-01\n\nBody.\n');
      const result = spawnSync('node', ['scripts/run-ts.mjs', 'src/cli/check-content.ts', '--format', 'json'], { env: { ...process.env, CONTENT_DIR: broken }, encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(JSON.parse(result.stdout)).toEqual([
        expect.objectContaining({ line: 2, column: 1, severity: 'error', rule: 'schema', fixable: false, message: expect.stringMatching(/^date "2026-13-01" is not a date/) }),
      ]);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
