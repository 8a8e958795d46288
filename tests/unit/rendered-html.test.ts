import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyHtmlOf, pruneRenderedHtml, renderedHtmlFile, writeRenderedHtml } from '../../src/content/model/rendered-html';

describe('rendered bodies kept in files', () => {
  it('are written, pruned to the digests a store still has, and kept apart for dev and builds', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bodies-'));
    await writeRenderedHtml('articles', 'aaa', '<p>A</p>', 'build', root);
    await writeRenderedHtml('articles', 'bbb', '<p>B</p>', 'build', root);
    await writeRenderedHtml('articles', 'bbb', '<p>B</p>', 'dev', root);
    await pruneRenderedHtml('articles', new Set(['aaa']), 'build', root);
    expect(existsSync(renderedHtmlFile('articles', 'aaa', 'build', root))).toBe(true);
    expect(existsSync(renderedHtmlFile('articles', 'bbb', 'build', root))).toBe(false);
    // The dev server's bodies are its own: a build never removes them.
    expect(existsSync(renderedHtmlFile('articles', 'bbb', 'dev', root))).toBe(true);
  });

  it('are read for an entry, from the store when Astro must finish the body, and a missing one is named', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bodies-'));
    await writeRenderedHtml('articles', 'd1', '<p>From its file</p>', 'build', root);
    expect(bodyHtmlOf({ id: 'x', collection: 'articles', digest: 'd1', rendered: { html: '' } }, 'build', root)).toBe('<p>From its file</p>');
    expect(bodyHtmlOf({ id: 'x', collection: 'articles', digest: 'd1', rendered: { html: '<p>With images</p>' } }, 'build', root)).toBe('<p>With images</p>');
    expect(() => bodyHtmlOf({ id: 'gone', collection: 'articles', digest: 'd2' }, 'build', root)).toThrow(/The rendered body of articles "gone" is missing/);
  });
});
