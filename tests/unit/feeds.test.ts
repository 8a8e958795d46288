import { describe, expect, it } from 'vitest';
import { atomFeed, jsonFeed, rssFeed, xmlText, type FeedDocument } from '../../src/lib/feed-documents';
import { feedHtml } from '../../src/lib/feed-html';
import { atomProblems, chromeInFeedHtml, jsonFeedProblems, rssProblems } from '../support/feed-rules';

const entry = (over: Partial<FeedDocument['entries'][number]> = {}): FeedDocument['entries'][number] => ({
  url: 'https://example.com/posts/a/',
  title: 'Tests & "quotes" <in> titles',
  summary: 'A summary.',
  contentHtml: '<p>Body with <a href="https://example.com/x/">a link</a>.</p>',
  published: new Date('2019-06-03T22:00:00Z'),
  updated: new Date('2019-06-04T08:00:00Z'),
  authors: [{ name: 'Pedro Muñoz', url: 'https://example.com/author/pedro/' }],
  categories: [
    { term: 'mlops', label: 'MLOps' },
    { term: 'machine-learning', label: 'machine learning' },
  ],
  ...over,
});

const feed = (over: Partial<FeedDocument> = {}): FeedDocument => ({
  title: 'The Gurus',
  description: '',
  pageUrl: 'https://example.com/',
  selfUrl: 'https://example.com/feeds/all.atom.xml',
  language: 'es',
  icon: 'https://example.com/favicon.svg',
  publisher: { name: 'The Gurus', url: 'https://example.com/' },
  generator: 'Astro',
  entries: [entry(), entry({ url: 'https://example.com/posts/b/', authors: [], image: { url: 'https://example.com/_astro/c.jpg', type: 'image/jpeg' } })],
  ...over,
});

describe('feed documents', () => {
  it('writes Atom the validator accepts: categories with a term, a feed author for entries without one', () => {
    const xml = atomFeed(feed());
    expect(atomProblems(xml)).toEqual([]);
    expect(xml).toContain('<category term="machine-learning" label="machine learning"/>');
    expect(xml).toContain('<title>Tests &amp; &quot;quotes&quot; &lt;in&gt; titles</title>');
    expect(xml).toContain('<link rel="enclosure" type="image/jpeg" href="https://example.com/_astro/c.jpg"/>');
    expect(xml).toContain('xml:lang="es"');
  });

  it('writes RSS the validator accepts: names as dc:creator, images without a byte length as media:content', () => {
    const xml = rssFeed(feed({ selfUrl: 'https://example.com/feeds/all.rss.xml' }));
    expect(rssProblems(xml)).toEqual([]);
    expect(xml).toContain('<dc:creator>Pedro Muñoz</dc:creator>');
    expect(xml).not.toContain('<author>');
    expect(xml).not.toContain('<enclosure');
    expect(xml).toContain('<pubDate>Mon, 03 Jun 2019 22:00:00 GMT</pubDate>');
    // RSS requires a description: the title stands in for an empty tagline.
    expect(xml).toContain('<description>The Gurus</description>');
  });

  it('writes JSON Feed 1.1: authors and language', () => {
    const json = jsonFeed(feed({ selfUrl: 'https://example.com/feeds/all.json' }));
    expect(jsonFeedProblems(json)).toEqual([]);
    const parsed = JSON.parse(json);
    expect(parsed.language).toBe('es');
    expect(parsed.items[0].authors).toEqual([{ name: 'Pedro Muñoz', url: 'https://example.com/author/pedro/' }]);
    expect(parsed.items[1].authors).toBeUndefined();
    expect(parsed.items[0].tags).toEqual(['MLOps', 'machine learning']);
  });

  it('drops characters XML cannot carry, which would make a feed unreadable', () => {
    expect(xmlText('a\u0000b\u001bc\uD800d & e')).toBe('abcd &amp; e');
    expect(atomProblems(atomFeed(feed({ title: 'Bad\u0007 title' })))).toEqual([]);
  });

  it('the rules catch what the validator would', () => {
    expect(atomProblems('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>https://e.com/</id><updated>2019</updated><entry><title>a</title><id>/a</id><updated>2019-01-01T00:00:00Z</updated><category label="x"/></entry></feed>')).toEqual([
      'feed: updated must be an RFC 3339 date-time: 2019',
      'feed: Missing atom:link with rel="self"',
      'entry 1: id must be a full URI: /a',
      'entry 1: Missing entry element: author',
      'entry 1: Missing category attribute: term',
      'entry 1: Missing entry element: link rel="alternate" (no content)',
    ]);
    expect(rssProblems('<rss version="2.0"><channel><title>x</title><link>https://e.com/</link><description>d</description><item><title>a</title><author>Ana</author><enclosure url="https://e.com/a.jpg" length="0" type="image/jpeg"/></item></channel></rss>')).toEqual([
      'channel: Missing atom:link with rel="self"',
      'item 1: author must be an email address (use dc:creator for a name)',
      'item 1: item should contain a guid element',
      'item 1: enclosure length must be a positive number of bytes',
    ]);
    expect(jsonFeedProblems('{"version":"https://jsonfeed.org/version/1","title":"x","author":{"name":"a"},"items":[{"id":"1"}]}')).toEqual([
      'version is https://jsonfeed.org/version/1, not 1.1',
      'author is deprecated in 1.1: use authors',
      'item 1: content_html or content_text is required',
    ]);
  });
});

describe('feedHtml', () => {
  const base = 'https://example.com';
  it('makes site-relative URLs absolute, leaving fragments and other sites alone', () => {
    expect(feedHtml('<a href="/posts/x/">x</a><a href="#fn1">1</a><img src="../a.png" srcset="/a.png 1x, /b.png 2x" alt=""><a href="https://other.org/">o</a>', base)).toBe(
      '<a href="https://example.com/posts/x/">x</a><a href="#fn1">1</a><img src="https://example.com/a.png" srcset="https://example.com/a.png 1x, https://example.com/b.png 2x" alt=""><a href="https://other.org/">o</a>',
    );
  });

  it('leaves out the page chrome a feed reader would show: heading anchors, code labels and copy buttons, math twice', () => {
    const page =
      '<div class="heading-wrapper"><h2 id="a">A</h2><a class="heading-anchor" aria-label="Link to the section “A”" href="#a">#</a></div>' +
      '<div class="code-block"><span class="code-language">python</span><button type="button" class="copy-code" hidden>Copy</button><pre class="shiki"><code>x = 1</code></pre></div>' +
      '<p><span class="katex"><span class="katex-mathml"><math><mi>x</mi></math></span><span class="katex-html" aria-hidden="true"><span class="base">x</span></span></span></p>';
    const html = feedHtml(page, base);
    expect(chromeInFeedHtml(page)).toHaveLength(4);
    expect(chromeInFeedHtml(html)).toEqual([]);
    expect(html).toBe('<h2 id="a">A</h2><pre class="shiki"><code>x = 1</code></pre><p><span class="katex"><span class="katex-mathml"><math><mi>x</mi></math></span></span></p>');
  });
});
