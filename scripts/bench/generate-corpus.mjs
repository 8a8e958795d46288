// A deterministic corpus of Pelican posts shaped like real ones, for benchmarks: about 1,000
// words, headings, lists, links (one intrasite), two fenced code blocks in different languages,
// one `:::python` block, a footnote, 3–5 tags of 50, 8 categories, 12 authors, a cover on one
// post in five. The same seed gives the same bytes, so runs compare. Also writes the same posts
// as Hugo content (YAML front matter), for the side-by-side run.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

/** mulberry32: a small, fast, seedable PRNG. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'model data pipeline feature store training serving drift monitoring latency batch stream ' +
  'production deploy container cluster metric label dataset schema validation experiment ' +
  'registry version rollback canary shadow traffic inference gpu cost budget team business ' +
  'forecast churn customer signal noise baseline accuracy recall precision threshold alert ' +
  'dashboard notebook script job queue cache index query table warehouse lake spark python ' +
  'madrid meetup course question answer problem solution pattern review owner contract'
).split(' ');
const LANGUAGES = ['javascript', 'sql', 'bash', 'yaml', 'rust', 'go'];
const CATEGORIES = ['mlops', 'data engineering', 'training', 'analytics', 'deep learning', 'careers', 'tools', 'case studies'];
// Two letters, never a digit at the end: Pelican pages a tag as `tag/{slug}{n}.html`, so `topic a1`
// page 2 would overwrite `topic a12`.
const TAGS = Array.from({ length: 50 }, (_, index) => `topic ${String.fromCharCode(97 + Math.floor(index / 26), 97 + (index % 26))}`);
const AUTHORS = ['Ana López', 'Pedro Muñoz Botas', 'Lucía García', 'Javier Ruiz', 'Marta Sanz', 'Carlos Díaz', 'Elena Torres', 'Pablo Gil', 'Sara Moreno', 'David Romero', 'Laura Navarro', 'Diego Ortega'];
const COVERS = 20;

export function corpusPost(index, total) {
  const next = random(1000 + index);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sentence = (words = 8 + Math.floor(next() * 10)) => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 4 + Math.floor(next() * 3) }, () => sentence()).join(' ');
  const slug = `post-${String(index).padStart(5, '0')}`;
  const date = new Date(Date.UTC(2015, 0, 1) + index * 3_600_000 * 7);
  const tags = [...new Set(Array.from({ length: 3 + Math.floor(next() * 3) }, () => pick(TAGS)))];
  const other = `post-${String((index * 7 + 3) % total).padStart(5, '0')}`;
  const [lang1, lang2] = [pick(LANGUAGES), pick(LANGUAGES.filter((lang) => lang !== 'javascript'))];
  const sections = [];
  for (let section = 0; section < 5; section++) {
    sections.push(`## ${sentence(4).slice(0, -1)}`, paragraph(), paragraph());
    if (section === 1) sections.push(['- ' + sentence(6), '- ' + sentence(7), '- ' + sentence(5), '    - ' + sentence(4)].join('\n'));
    if (section === 2) sections.push(`See [a related post]({filename}${other}.md) and [the docs](https://example.org/${pick(WORDS)}).`);
    if (section === 3) sections.push(`\`\`\`${lang1 === 'javascript' ? 'javascript' : 'python'}\nconst total = items.reduce((sum, item) => sum + item.value, 0);\nconsole.log(total);\n\`\`\``, `\`\`\`${lang2}\nSELECT customer_id, count(*) FROM events GROUP BY 1;\n\`\`\``);
    if (section === 4) sections.push('    :::python\n    def score(model, rows):\n        return [model.predict(row) for row in rows]', `A claim that needs a source[^1]. ${sentence()}`);
  }
  sections.push(`[^1]: ${sentence(6)}`);
  const header = {
    title: sentence(6).slice(0, -1),
    date: date.toISOString().slice(0, 16).replace('T', ' '),
    category: pick(CATEGORIES),
    tags,
    slug,
    authors: [pick(AUTHORS)],
    summary: sentence(14),
    cover: index % 5 === 0 ? `images/covers/cover-${index % COVERS}.jpg` : undefined,
  };
  return { slug, header, body: sections.join('\n\n') + '\n', other };
}

function pelicanSource({ header, body }) {
  const lines = [
    `Title: ${header.title}`,
    `Date: ${header.date}`,
    `Category: ${header.category}`,
    `Tags: ${header.tags.join(', ')}`,
    `Slug: ${header.slug}`,
    `Authors: ${header.authors.join(', ')}`,
    `Summary: ${header.summary}`,
    ...(header.cover ? [`Header_Cover: ${header.cover}`] : []),
  ];
  return `${lines.join('\n')}\n\n${body}`;
}

function hugoSource({ header, body }) {
  const yaml = [
    '---',
    `title: "${header.title}"`,
    `date: ${header.date.replace(' ', 'T')}:00+01:00`,
    `categories: ["${header.category}"]`,
    `tags: [${header.tags.map((tag) => `"${tag}"`).join(', ')}]`,
    `slug: ${header.slug}`,
    `authors: ["${header.authors.join('", "')}"]`,
    `summary: "${header.summary}"`,
    '---',
  ];
  // Hugo has no intrasite syntax nor codehilite: the closest equivalents.
  const converted = body
    .replace(/\{filename\}(post-\d+)\.md/g, '/posts/$1/')
    .replace(/    :::python\n((?: {4}.*\n?)+)/, (_, code) => `\`\`\`python\n${code.replace(/^ {4}/gm, '')}\`\`\`\n`);
  return `${yaml.join('\n')}\n\n${converted}`;
}

/** Writes `posts` posts into `dir/pelican` (Pelican format) and `dir/hugo/content/posts`. */
export async function generateCorpus(dir, posts) {
  await rm(dir, { recursive: true, force: true });
  const pelicanDir = join(dir, 'pelican');
  const hugoDir = join(dir, 'hugo', 'content', 'posts');
  await mkdir(join(pelicanDir, 'posts'), { recursive: true });
  await mkdir(join(pelicanDir, 'images', 'covers'), { recursive: true });
  await mkdir(hugoDir, { recursive: true });
  for (let cover = 0; cover < COVERS; cover++) {
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 20 + cover * 9, g: 60, b: 120 - cover * 4 } } })
      .jpeg({ quality: 70 })
      .toFile(join(pelicanDir, 'images', 'covers', `cover-${cover}.jpg`));
  }
  const writes = [];
  for (let index = 0; index < posts; index++) {
    const post = corpusPost(index, posts);
    writes.push(writeFile(join(pelicanDir, 'posts', `${post.slug}.md`), pelicanSource(post)));
    writes.push(writeFile(join(hugoDir, `${post.slug}.md`), hugoSource(post)));
    if (writes.length > 200) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return { pelicanDir, hugoDir: join(dir, 'hugo') };
}
