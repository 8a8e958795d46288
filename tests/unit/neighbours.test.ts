import { describe, expect, it } from 'vitest';
import { adjacentFinder, relatedFinder, type Relatable } from '../../src/content/model/neighbours';
import { breadcrumbJsonLd, webSiteJsonLd } from '../../src/lib/json-ld';
import { wrapText } from '../../src/lib/social-card';

const post = (id: string, date: string, tags: string[]): Relatable => ({ id, data: { date: new Date(date), tags } });
const c = post('c', '2021-03-01', ['python', 'mlops']);
const b = post('b', '2021-02-01', ['Python']);
const a = post('a', '2021-01-01', ['mlops', 'python', 'drift']);
const z = post('z', '2020-01-01', ['cooking']);

describe('adjacentFinder', () => {
  it('gives the older and newer neighbours in a newest-first list', () => {
    expect(adjacentFinder([c, b, a])(b)).toEqual({ older: a, newer: c });
    expect(adjacentFinder([c, b, a])(c)).toEqual({ older: b });
    expect(adjacentFinder([c, b, a])(a)).toEqual({ newer: b });
  });
});

describe('relatedFinder', () => {
  it('ranks by shared tags, ignoring case, then makes up three with the newest posts', () => {
    expect(relatedFinder([c, b, a, z])(c).map((post) => post.id)).toEqual(['a', 'b', 'z']);
    expect(relatedFinder([c, b, a, z])(z).map((post) => post.id)).toEqual(['c', 'b', 'a']);
  });

  it('a post that shares no tag gets the newest of its category first', () => {
    const inCategory = (id: string, date: string, category: string): Relatable => ({ id, data: { date: new Date(date), tags: [], category } });
    const posts = [inCategory('n1', '2022-01-01', 'news'), inCategory('t1', '2021-06-01', 'training'), inCategory('n2', '2021-01-01', 'news'), inCategory('t2', '2020-01-01', 'training')];
    expect(relatedFinder(posts)(posts[3]!).map((post) => post.id)).toEqual(['t1', 'n1', 'n2']);
  });

  it('keeps the best three, newest first among equals', () => {
    const same = ['2020-01-01', '2022-01-01', '2019-01-01', '2021-01-01', '2018-01-01'].map((date, index) =>
      post(`p${index}`, date, ['python']),
    );
    expect(relatedFinder([...same, a])(b).map((found) => found.id)).toEqual(['p1', 'p3', 'a']);
  });
});

describe('structured data and cards', () => {
  it('builds a breadcrumb trail and a searchable WebSite', () => {
    expect(breadcrumbJsonLd([{ name: 'Home', url: 'https://x.org/' }, { name: 'P', url: 'https://x.org/p/' }])).toMatchObject({
      itemListElement: [{ position: 1, name: 'Home' }, { position: 2, item: 'https://x.org/p/' }],
    });
    expect(webSiteJsonLd({ name: 'S', url: 'https://x.org', description: 'd', lang: 'en' })).toMatchObject({
      potentialAction: { target: { urlTemplate: 'https://x.org/search/?q={search_term_string}' } },
    });
  });

  it('wraps card titles at word boundaries, ellipsis past the last line', () => {
    expect(wrapText('Machine Learning in Production', 16, 3)).toEqual(['Machine Learning', 'in Production']);
    expect(wrapText('one two three four', 3, 2)).toEqual(['one', 'two…']);
  });
});

describe('textOfHtml', () => {
  it('counts the same words as the parsed text of a post', async () => {
    const { plainText, textOfHtml } = await import('../../src/lib/plain-text');
    const { readingMinutes } = await import('../../src/lib/format-date');
    const html = '<h2 id="a">Title <a href="#a">#</a></h2><p>Fish &amp; <em>chips</em>, and <code>x = 1</code>.</p><pre><code class="language-python"><span>print</span>(<span>"hi"</span>)</code></pre>'.repeat(200);
    const words = (text: string) => text.match(/\S+/g)?.length ?? 0;
    expect(words(textOfHtml(html))).toBe(words(plainText(html)));
    expect(readingMinutes(textOfHtml(html))).toBeGreaterThan(0);
    expect(textOfHtml('<p>a<script>var x = "<b>";</script>b</p>')).not.toContain('var');
  });
});

describe('social card titles', () => {
  it('wrap by the room letters take, so wide ones make shorter lines', async () => {
    const { boldWidth, socialCardSvg, wrapText } = await import('../../src/lib/social-card');
    const { DEFAULT_CARD_COLOURS } = await import('../../src/lib/social-card-colours');
    expect(boldWidth('Hi')).toBe(1.12);
    expect(boldWidth('WWW')).toBeGreaterThan(boldWidth('iii') * 2);
    expect(wrapText('WWWWW MMMMM WWWWW', 13.7, 4, boldWidth)).toEqual(['WWWWW MMMMM', 'WWWWW']);
    expect(wrapText('iiiii lllll iiiii', 13.7, 4, boldWidth)).toEqual(['iiiii lllll iiiii']);
    // The card that ran off the edge: 26 characters at 76 px.
    expect(socialCardSvg('Review lake model question table cost', { siteName: 'Bench', colours: DEFAULT_CARD_COLOURS })).toContain('>Review lake model</tspan>');
  });
});
