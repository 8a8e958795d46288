// The whole configured pipeline, as the site renders posts.
import { readFileSync } from 'node:fs';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { parsePelicanSource } from '../../src/content/format/pelican-header';
import { markdownPipeline, shikiConfig } from '../../src/markdown/pipeline';
import { codeTitleOf } from '../../src/markdown/shiki-code-frame';

const processor = await createMarkdownProcessor({ ...markdownPipeline, shikiConfig });
const render = async (markdown: string) => (await processor.render(markdown)).code;

describe('the configured Markdown pipeline', () => {
  it('renders the seed post: new-tab links safe, braces gone, headings below the title', async () => {
    const seed = readFileSync(new URL('../../content/posts/ml-in-production.md', import.meta.url), 'utf8');
    const html = await render(parsePelicanSource(seed).body);
    expect(html).not.toContain('{:');
    expect(html).not.toContain('<h1');
    expect(html).toContain(
      '<div class="heading-wrapper"><h2 id="general-complaint">General complaint</h2><a class="heading-anchor" aria-label="Link to the section “General complaint”" href="#general-complaint">#</a></div>',
    );
    expect(html).toContain(
      '<a href="https://mlinproduction.github.io/" target="_blank" rel="noopener noreferrer">link</a>',
    );
    expect(html.match(/target="_blank" rel="noopener noreferrer"/g)).toHaveLength(3);
    // Pelican does not curl quotes unless TYPOGRIFY is on.
    expect(html).toContain('<em>"I have a lot of data"</em>');
    expect(html).toContain('<strong>Wrong Born Definition</strong>');
  });

  it('highlights codehilite blocks, unknown languages as plain text without failing', async () => {
    expect(await render('    :::python\n    x = 1\n')).toContain('data-language="python"');
    const unknown = await render('    :::klingon\n    Qapla\'\n');
    expect(unknown).toContain('data-language="plaintext"');
    expect(unknown).toContain("Qapla'");
    expect(await render('    #!python\n    x = 1\n')).toMatch(/<pre class="[^"]*line-numbers/);
  });

  it('renders math at build time with KaTeX', async () => {
    const html = await render('Inline $a^2$ and\n\n$$\nb\n$$\n');
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">a^2</annotation>');
  });

  it('highlights fenced code with Shiki, a light and a dark theme', async () => {
    const html = await render('```python\nprint("hola")\n```\n');
    expect(html).toContain('class="astro-code');
    expect(html).toContain('data-language="python"');
    // Framed with its language and a copy button that stays hidden until its script runs.
    expect(html).toMatch(/<div class="code-block"><span class="code-language">python<\/span><button type="button" class="copy-code" hidden>Copy<\/button><pre/);
    expect(html).toMatch(/--shiki-light:#[0-9A-Fa-f]{6}/);
    expect(html).toMatch(/--shiki-dark:#[0-9A-Fa-f]{6}/);
  });

  it("shows a fence's file name or title in place of its language, as Astro themes write them", async () => {
    expect(await render('```js file=src/config.ts\nexport {};\n```\n')).toContain('<span class="code-title">src/config.ts</span>');
    expect(await render('```ts title="A & B.ts" {2}\nlet a;\n```\n')).toContain('<span class="code-title">A &#x26; B.ts</span>');
    expect(await render('```python\nx = 1\n```\n')).not.toContain('code-title');
  });
});

describe('codeTitleOf', () => {
  it('reads title= and file=, quoted or not, and nothing else', () => {
    expect(codeTitleOf('file=src/config.ts')).toBe('src/config.ts');
    expect(codeTitleOf('{1,3} title="My file.py"')).toBe('My file.py');
    expect(codeTitleOf("title='x.js'")).toBe('x.js');
    expect(codeTitleOf('subtitle=x')).toBeUndefined();
    expect(codeTitleOf('title=""')).toBeUndefined();
    expect(codeTitleOf(undefined)).toBeUndefined();
  });
});
