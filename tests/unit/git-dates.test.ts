// "Updated on" from git: the last commit that changed each file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastCommitDates } from '../../src/content/loaders/git-dates';
import { readEntry } from '../../src/content/format/read-entry';
import { articleSchema } from '../../src/content/schemas/article';

const repo = mkdtempSync(join(tmpdir(), 'git-dates-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function commit(files: Record<string, string>, date: string) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' };
  execFileSync('git', ['-C', repo, 'add', '-A'], { env });
  execFileSync('git', ['-C', repo, 'commit', '-q', '-m', date], { env });
}

describe('last commit dates', () => {
  it('are the date of the newest commit that changed each file after adding it, relative to the content folder', async () => {
    execFileSync('git', ['-C', repo, 'init', '-q']);
    commit({ 'content/posts/a.md': 'a', 'content/posts/b.md': 'b', 'other.txt': 'x' }, '2026-01-01T10:00:00+00:00');
    commit({ 'content/posts/a.md': 'a2' }, '2026-03-01T10:00:00+00:00');
    const dates = await lastCommitDates(join(repo, 'content'));
    // b.md was only ever added: its own Date says when it was published.
    expect(Object.fromEntries([...dates].map(([path, date]) => [path, date.toISOString()]))).toEqual({ 'posts/a.md': '2026-03-01T10:00:00.000Z' });
  });

  it('are none outside a repository', async () => {
    expect((await lastCommitDates(tmpdir())).size).toBe(0);
  });

  it('stand in for a Modified the header lacks, never for one it has', () => {
    const read = (header: string) => {
      const result = readEntry(
        { bytes: Buffer.from(`Title: A\nDate: 2026-01-01\n${header}\nBody.\n`), relativePath: 'posts/a.md', displayPath: 'a.md', kind: 'article' },
        { settings: { timeZone: 'UTC', defaultAuthor: 'X', defaultLang: 'en' }, schema: articleSchema, fileExists: () => true, lastCommitted: new Date('2026-03-01T10:00:00Z') },
      );
      return result.status === 'ok' ? result.metadata.modified?.toISOString() : result.status;
    };
    expect(read('')).toBe('2026-03-01T10:00:00.000Z');
    expect(read('Modified: 2026-02-01\n')).toBe('2026-02-01T00:00:00.000Z');
  });
});
