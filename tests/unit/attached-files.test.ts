// Where `{attach}` moves files, as Pelican 4.8 moved them in the same cases (each case below was
// built with Pelican first: `/tmp`-sized sites, their output compared file by file).
import { describe, expect, it } from 'vitest';
import { attachedFiles, type AttachingEntry } from '../../src/content/model/attached-files';
import { staticLinks } from '../../src/content/format/intrasite-links';

const entry = (sourcePath: string, url: string, text: string): AttachingEntry => ({ sourcePath, url, links: staticLinks(sourcePath, text) });
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

  it('moves no file EXTRA_PATH_METADATA places, nor one that is not there', () => {
    const entries = [entry('a.md', '/a/', '[d]({attach}/images/diagram.png) [m]({attach}/missing.png)')];
    expect(attachedFiles(entries, isStatic, (path) => path === 'images/diagram.png')).toEqual(new Map());
  });
});
