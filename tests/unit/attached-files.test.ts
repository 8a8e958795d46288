// Where `{attach}` moves files, as Pelican 4.8 moved them in the same cases (each case below was
// built with Pelican first: `/tmp`-sized sites, their output compared file by file).
import { describe, expect, it } from 'vitest';
import { attachedFiles, type AttachingEntry } from '../../src/content/model/attached-files';
import { staticLinks } from '../../src/content/format/intrasite-links';

// Articles dated by their position: the first given is the newest, as Pelican would take them.
let age = 0;
const entry = (sourcePath: string, url: string, text: string): AttachingEntry => ({ kind: 'article', sourcePath, url, time: 1_000 - age++, links: staticLinks(sourcePath, text) });
const files = new Set(['images/diagram.png', 'images/other.png', 'media/sub/x.gif', 'posts/2024/shot.png']);
const isStatic = (path: string) => files.has(path);

describe('attachedFiles', () => {
  it('moves a file beside the post, keeping its path from the post’s folder, or by name when it is not below it', () => {
    const moved = attachedFiles(
      [
        entry('later.md', '/posts/later/', '![x]({attach}/media/sub/x.gif)'),
        entry('python/tips.md', '/posts/tips/', '[d]({attach}../images/diagram.png)'),
        entry('posts/2024/a.md', '/blog/a.html', '![s]({attach}shot.png)'),
      ],
      isStatic,
    );
    expect(moved).toEqual(
      new Map([
        ['media/sub/x.gif', 'posts/later/media/sub/x.gif'],
        ['images/diagram.png', 'posts/tips/diagram.png'],
        ['posts/2024/shot.png', 'blog/shot.png'],
      ]),
    );
  });

  it('leaves a file where a link has already led to it, and with the first entry that attached it', () => {
    const moved = attachedFiles(
      [
        entry('newest.md', '/posts/newest/', '![d]({static}/images/diagram.png)'),
        entry('later.md', '/posts/later/', '![x]({attach}/media/sub/x.gif) [o]({attach}/images/other.png)'),
        entry('python/tips.md', '/posts/tips/', '[d]({attach}../images/diagram.png) ![x]({attach}/media/sub/x.gif) [s]({static}/images/other.png)'),
      ],
      isStatic,
    );
    expect(moved).toEqual(
      new Map([
        ['media/sub/x.gif', 'posts/later/media/sub/x.gif'],
        ['images/other.png', 'posts/later/images/other.png'],
      ]),
    );
  });

  it('takes articles newest first whatever order they come in, then pages by file name', () => {
    const older: AttachingEntry = { kind: 'article', sourcePath: 'old.md', url: '/old/', time: 1, links: staticLinks('old.md', '[x]({attach}/images/other.png)') };
    const newer: AttachingEntry = { kind: 'article', sourcePath: 'new.md', url: '/new/', time: 2, links: staticLinks('new.md', '[x]({attach}/images/other.png)') };
    const page: AttachingEntry = { kind: 'page', sourcePath: 'pages/a.md', url: '/pages/a.html', links: staticLinks('pages/a.md', '[x]({attach}/media/sub/x.gif)') };
    const otherPage: AttachingEntry = { kind: 'page', sourcePath: 'pages/b.md', url: '/pages/b.html', links: staticLinks('pages/b.md', '[x]({attach}/media/sub/x.gif)') };
    expect(attachedFiles([otherPage, page, older, newer], isStatic)).toEqual(
      new Map([
        ['images/other.png', 'new/images/other.png'],
        ['media/sub/x.gif', 'pages/x.gif'],
      ]),
    );
  });

  it('moves no file EXTRA_PATH_METADATA places, nor one that is not there', () => {
    const entries = [entry('a.md', '/a/', '[d]({attach}/images/diagram.png) [m]({attach}/missing.png)')];
    expect(attachedFiles(entries, isStatic, (path) => path === 'images/diagram.png')).toEqual(new Map());
  });
});
