import { describe, expect, it } from 'vitest';
import { isIntrasiteLink, resolveIntrasiteLink, type IntrasiteContext } from '../../src/content/format/intrasite-links';

const context: IntrasiteContext = {
  sourcePath: 'mlops/drift.md',
  contentLabel: 'content',
  urlOfSource: (path) =>
    ({ 'mlops/feature-stores.md': '/posts/feature-stores/', 'pages/about.md': '/pages/about/', 'broken.md': null })[path],
  staticExists: (path) => ['images/a.png', 'mlops/chart.png'].includes(path),
  termUrl: (kind, name) => (name.toLowerCase() === 'python' ? `/${kind}/python/` : undefined),
  indexUrl: '/',
};

const resolve = (href: string) => resolveIntrasiteLink(href, context);

describe('resolveIntrasiteLink', () => {
  it('resolves {filename} relative to the current file, or from the content root with /', () => {
    expect(resolve('{filename}feature-stores.md')).toEqual({ url: '/posts/feature-stores/' });
    expect(resolve('{filename}../pages/about.md#team')).toEqual({ url: '/pages/about/#team' });
    expect(resolve('{filename}/pages/about.md?x=1')).toEqual({ url: '/pages/about/?x=1' });
  });

  it('accepts the legacy |filename| form and percent-encoded braces from Markdown links', () => {
    expect(resolve('|filename|feature-stores.md')).toEqual({ url: '/posts/feature-stores/' });
    expect(resolve('%7Bfilename%7Dfeature-stores.md')).toEqual({ url: '/posts/feature-stores/' });
  });

  it('resolves {static} and {attach} relative first, then from the content root', () => {
    expect(resolve('{static}chart.png')).toEqual({ url: '/mlops/chart.png' });
    expect(resolve('{static}images/a.png')).toEqual({ url: '/images/a.png' });
    expect(resolve('{attach}/images/a.png')).toEqual({ url: '/images/a.png' });
    expect(resolve('{filename}/images/a.png')).toEqual({ url: '/images/a.png' });
  });

  it('leads to where {attach} moved a file, from every kind of link', () => {
    const moved: IntrasiteContext = { ...context, staticPlace: (path) => (path === 'images/a.png' ? 'posts/tips/a.png' : undefined) };
    expect(resolveIntrasiteLink('{static}/images/a.png#x', moved)).toEqual({ url: '/posts/tips/a.png#x' });
    expect(resolveIntrasiteLink('{attach}/images/a.png', moved)).toEqual({ url: '/posts/tips/a.png' });
    expect(resolveIntrasiteLink('{static}chart.png', moved)).toEqual({ url: '/mlops/chart.png' });
  });

  it('resolves {tag}, {category}, {author} by slug, and {index}', () => {
    expect(resolve('{tag}Python')).toEqual({ url: '/tag/python/' });
    expect(resolve('{category}python')).toEqual({ url: '/category/python/' });
    expect(resolve('{author}python')).toEqual({ url: '/author/python/' });
    expect(resolve('{index}')).toEqual({ url: '/' });
  });

  it('says what is missing', () => {
    expect(resolve('{filename}../x.md')).toEqual({ problem: '{filename}../x.md points to content/x.md, which does not exist' });
    expect(resolve('{static}/images/none.png')).toEqual({
      problem: '{static}/images/none.png points to content/images/none.png, which does not exist',
    });
    expect(resolve('{filename}../broken.md')).toEqual({
      problem: '{filename}../broken.md points to content/broken.md, which has errors of its own',
    });
    expect(resolve('{tag}rust')).toEqual({ problem: '{tag}rust points to a tag that no post has' });
    expect(resolve('{filename}../../outside.md')).toMatchObject({ problem: expect.stringContaining('does not exist') });
  });

  it('leaves ordinary links alone', () => {
    expect(resolve('https://example.com/{filename}')).toBeUndefined();
    expect(resolve('/posts/x/')).toBeUndefined();
    expect(isIntrasiteLink('{static}/a.png')).toBe(true);
    expect(isIntrasiteLink('#top')).toBe(false);
  });
});

describe('intrasite links in running text', () => {
  it('are found in both forms, the old |kind| included, as the resolver reads them', async () => {
    const { intrasiteLinksIn, isIntrasiteLink } = await import('../../src/content/format/intrasite-links');
    const found = intrasiteLinksIn('[a]({filename}a.md) <a href="|tag|python">t</a> ![x]({static}/i.png) |author|Ana');
    expect(found).toEqual(['{filename}a.md', '|tag|python', '{static}/i.png', '|author|Ana']);
    for (const link of found) expect(isIntrasiteLink(link)).toBe(true);
  });
});

describe('intrasite links in the Markdown pipeline', () => {
  it('leave a file.message per target that leads nowhere, which reaches the loader with its line', async () => {
    const [{ unified }, { default: remarkParse }, { default: remarkRehype }, { default: rehypeStringify }, { VFile }] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-rehype'),
      import('rehype-stringify'),
      import('vfile'),
    ]);
    const { default: remarkIntrasiteLinks } = await import('../../src/markdown/remark-intrasite-links');
    const { default: rehypeRawWhenNeeded } = await import('../../src/markdown/rehype-raw-when-needed');
    const { default: rehypeIntrasiteLinks } = await import('../../src/markdown/rehype-intrasite-links');
    const { default: rehypeReportMessages } = await import('../../src/markdown/rehype-report-messages');
    const { LINKS_SOURCE, renderContextOption } = await import('../../src/markdown/render-context');
    const reported: [string, number | undefined][] = [];
    const links = {
      sourcePath: 'posts/a.md',
      contentLabel: 'content',
      urlOfSource: (path: string) => (path === 'posts/b.md' ? '/posts/b/' : undefined),
      staticExists: () => false,
      termUrl: () => undefined,
      indexUrl: '/',
    };
    const file = new VFile({
      value: 'Fine: [b]({filename}b.md).\n\nBroken: [x]({filename}missing.md).\n\n<a href="{filename}gone.md">raw</a>\n',
      data: { astro: { frontmatter: renderContextOption({ links, report: (message, line) => void reported.push([message, line]) }) } },
    });
    const html = String(
      await unified().use(remarkParse).use(remarkIntrasiteLinks).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRawWhenNeeded).use(rehypeIntrasiteLinks).use(rehypeReportMessages).use(rehypeStringify).process(file),
    );
    expect(html).toContain('href="/posts/b/"');
    // The Markdown link is seen by the remark pass, and again as HTML by the rehype pass: reported once.
    expect(file.messages.map((message) => [message.source, message.line])).toEqual([
      [LINKS_SOURCE, 3],
      [LINKS_SOURCE, 3],
      [LINKS_SOURCE, 5],
    ]);
    expect(reported).toEqual([
      ['{filename}missing.md points to content/posts/missing.md, which does not exist', 3],
      ['{filename}gone.md points to content/posts/gone.md, which does not exist', 5],
    ]);
  });
});
