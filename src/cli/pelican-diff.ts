// `npm run pelican-diff -- path/to/pelicanconf.py`: builds a Pelican site with Pelican (the
// oracle) and with this project, and lists per article what a reader would see differently: the
// URL, the metadata, and the body's headings, lists, links, images, code, tables, footnotes and
// math, each with the line of the source it comes from. Ends with `N articles, K identical`.
//   --limit N   show at most N differences per entry (default 5)
//   --keep      keep both builds (their folders are printed)
//   --json F    also write every difference as JSON to F
// Exits 0 when both built (whatever differs), 2 when one could not.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { readPelicanConf } from '../config/pelican/read-pelicanconf';
import { siteFromPelican } from '../config/pelican/site-from-pelican';
import { findPython } from '../lib/python';
import { bodyBlocks, type Block } from '../pelican-diff/body-blocks';
import { diffBlocks, type BlockChange, type DiffCategory } from '../pelican-diff/compare';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false }, json: { type: 'string' } },
});
const [conf] = positionals;
if (!conf || !conf.endsWith('.py')) {
  console.error('Usage: npm run pelican-diff -- path/to/pelicanconf.py [--limit N] [--keep] [--json report.json]');
  process.exit(2);
}
const root = process.cwd();
const confPath = resolve(conf);
const python = findPython(['pelican']);
if (!python) {
  console.error('pelican-diff needs Pelican, the reference it compares with: apt-get install pelican (or pip install pelican[markdown])');
  process.exit(2);
}

/** An entry as Pelican wrote it through the JSON theme. */
interface PelicanEntry {
  kind: 'article' | 'page';
  url: string;
  /** Where Pelican wrote it, which an entry's `save_as` may set apart from its `url`. */
  save_as: string;
  source: string;
  title: string;
  date?: string;
  category?: string;
  tags?: string[];
  authors?: string[];
  content: string;
}

// Inside the project: the build's server bundle resolves its packages from node_modules.
mkdirSync(join(root, '.fixture-builds'), { recursive: true });
const work = mkdtempSync(join(root, '.fixture-builds', 'pelican-diff-'));
const evaluator = join(root, 'src/config/pelican/evaluate-settings.py');
const { settings } = readPelicanConf(confPath, evaluator);
const contentDir = String(siteFromPelican(settings, confPath).config.contentDir);

// Pelican, with the JSON theme, its entry template also under each name an entry asks for.
const theme = join(work, 'theme');
cpSync(join(root, 'src/pelican-diff/theme'), theme, { recursive: true });
for (const file of readdirSync(contentDir, { recursive: true, encoding: 'utf8' })) {
  if (!/\.(md|markdown|mkd|mdown|rst|html?)$/.test(file)) continue;
  const text = readFileSync(join(contentDir, file), 'utf8').slice(0, 4000);
  for (const [, name] of text.matchAll(/^(?:\s*:)?template:\s*(\S+)/gim)) {
    cpSync(join(theme, 'templates/article.html'), join(theme, 'templates', `${name}.html`));
  }
}
const pelicanOut = join(work, 'pelican');
const pelican = spawnSync(python, ['-m', 'pelican', contentDir, '-s', join(root, 'src/pelican-diff/pelican-settings.py'), '-o', pelicanOut], {
  encoding: 'utf8',
  maxBuffer: 256 << 20,
  env: {
    ...process.env,
    PELICAN_DIFF_EVALUATOR: evaluator,
    PELICAN_DIFF_CONFIG: confPath,
    PELICAN_DIFF_CONTENT: contentDir,
    PELICAN_DIFF_THEME: theme,
    PELICAN_DIFF_OUTPUT: pelicanOut,
  },
});
if (pelican.status !== 0) {
  console.error(`Pelican did not build the site:\n${(pelican.stderr + pelican.stdout).trim().split('\n').slice(-15).join('\n')}`);
  process.exit(2);
}
for (const line of pelican.stderr.split('\n').filter((text) => /^(MARKDOWN|TYPOGRIFY|pelicanconf)/.test(text))) console.error(`Pelican: ${line}`);

// This project.
const oursOut = join(work, 'ours');
const ours = spawnSync('npx', ['astro', 'build', '--force', '--outDir', oursOut], {
  encoding: 'utf8',
  maxBuffer: 256 << 20,
  env: { ...process.env, SITE_CONFIG: confPath, CONTENT_DIR: '' },
});
if (ours.status !== 0) {
  console.error(`This project did not build the site:\n${(ours.stderr + ours.stdout).trim().split('\n').slice(-15).join('\n')}`);
  process.exit(2);
}

const entries: PelicanEntry[] = [];
for (const file of readdirSync(pelicanOut, { recursive: true, encoding: 'utf8' })) {
  const path = join(pelicanOut, file);
  if (!file.endsWith('.html') && !file.endsWith('/')) continue;
  const text = readFileSync(path, 'utf8');
  if (!text.startsWith('<!--pelican-diff-->')) continue;
  const entry = JSON.parse(text.slice('<!--pelican-diff-->'.length)) as PelicanEntry;
  // Pelican gives the source's absolute path.
  entries.push({ ...entry, source: relative(contentDir, resolve(contentDir, entry.source)) });
}
entries.sort((a, b) => a.source.localeCompare(b.source));

/** Our page at a URL, as the file the static site serves for it. */
function ourPage(url: string): string | undefined {
  let path = decodeURIComponent(url.replace(/^\/+/, ''));
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const file = join(oursOut, 'client', path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The line of the source a block comes from: where its first words are written. */
function sourceLine(source: string, block: Block | undefined): number | undefined {
  if (!block) return undefined;
  const words = block.text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*`~$#|⏎!]/g, ' ').split(/\s+/).filter((word) => word.length > 2).slice(0, 3);
  if (words.length === 0) return undefined;
  const lines = source.split('\n');
  const found = lines.findIndex((line) => words.every((word) => line.includes(word)));
  const first = found === -1 ? lines.findIndex((line) => line.includes(words[0]!)) : found;
  return first === -1 ? undefined : first + 1;
}

interface EntryReport {
  kind: 'article' | 'page';
  source: string;
  url: string;
  problems: string[];
  changes: (BlockChange & { line?: number })[];
}

const reports: EntryReport[] = [];
for (const entry of entries) {
  const report: EntryReport = { kind: entry.kind, source: entry.source, url: `/${entry.url}`, problems: [], changes: [] };
  reports.push(report);
  // The file a reader gets, at the path Pelican saved it to.
  const html = ourPage(entry.save_as.replace(/(^|\/)index\.html$/, '$1'));
  if (html === undefined) {
    report.problems.push(`url: Pelican publishes /${entry.save_as}; this project has no page there`);
    continue;
  }
  const tree = fromHtml(html);
  const body = select('article .prose', tree);
  const jsonLd = selectAll('script[type="application/ld+json"]', tree)
    .map((script) => JSON.parse(toString(script)) as Record<string, unknown>)
    .find((data) => data['@type'] === 'BlogPosting');
  const title = toString(select('article h1', tree) ?? { type: 'root', children: [] }).trim();
  if (title !== entry.title.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').trim()) report.problems.push(`title: Pelican "${entry.title}", ours "${title}"`);
  if (entry.kind === 'article' && jsonLd) {
    // To the second: pages show no finer time (Pelican's has microseconds).
    const second = (value: string) => Math.floor(new Date(value).getTime() / 1000);
    if (entry.date && second(entry.date) !== second(String(jsonLd['datePublished']))) {
      report.problems.push(`date: Pelican ${entry.date}, ours ${String(jsonLd['datePublished'])}`);
    }
    if ((entry.category ?? '') !== String(jsonLd['articleSection'] ?? '')) report.problems.push(`category: Pelican "${entry.category}", ours "${String(jsonLd['articleSection'])}"`);
    const tags = (jsonLd['keywords'] as string[] | undefined) ?? [];
    if (JSON.stringify(entry.tags ?? []) !== JSON.stringify(tags)) report.problems.push(`tags: Pelican ${JSON.stringify(entry.tags)}, ours ${JSON.stringify(tags)}`);
    const authors = ((jsonLd['author'] as { name: string }[] | undefined) ?? []).map((author) => author.name);
    const pelicanAuthors = (entry.authors ?? []).filter(Boolean);
    if (JSON.stringify(pelicanAuthors) !== JSON.stringify(authors)) report.problems.push(`authors: Pelican ${JSON.stringify(pelicanAuthors)}, ours ${JSON.stringify(authors)}`);
  }
  const source = readFileSync(join(contentDir, entry.source), 'utf8');
  const changes = diffBlocks(bodyBlocks(entry.content), bodyBlocks(body ? toHtml(body.children) : ''));
  report.changes = changes.map((change) => {
    const line = sourceLine(source, change.pelican ?? change.ours);
    return line === undefined ? change : { ...change, line };
  });
}

const limit = Number(values.limit);
const show = (block: Block | undefined) => (block ? `${block.kind} ${JSON.stringify(block.text.length > 140 ? `${block.text.slice(0, 140)}…` : block.text)}` : '(nothing)');
const byCategory = new Map<DiffCategory | 'url' | 'metadata', number>();
for (const report of reports.filter((entry) => entry.problems.length + entry.changes.length > 0)) {
  console.log(`\n${join(relative(root, contentDir) || '.', report.source)} → ${report.url}`);
  for (const problem of report.problems) {
    console.log(`  ${problem}`);
    const category = problem.startsWith('url') ? 'url' : 'metadata';
    byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
  }
  for (const change of report.changes.slice(0, limit)) {
    console.log(`  ${change.category}${change.line ? ` (line ${change.line})` : ''}: Pelican ${show(change.pelican)}`);
    console.log(`  ${' '.repeat(change.category.length)}${change.line ? ' '.repeat(` (line ${change.line})`.length) : ''}  ours    ${show(change.ours)}`);
  }
  if (report.changes.length > limit) console.log(`  … and ${report.changes.length - limit} more`);
  for (const change of report.changes) byCategory.set(change.category, (byCategory.get(change.category) ?? 0) + 1);
}
const articles = reports.filter((report) => report.kind === 'article');
const pages = reports.filter((report) => report.kind === 'page');
const identical = (list: EntryReport[]) => list.filter((report) => report.problems.length + report.changes.length === 0).length;
console.log(`\nDifferences by kind: ${[...byCategory].map(([category, count]) => `${category} ${count}`).join(', ') || 'none'}`);
console.log(`${pages.length} pages, ${identical(pages)} identical`);
console.log(`${articles.length} articles, ${identical(articles)} identical`);
if (values.json) writeFileSync(values.json, JSON.stringify(reports, null, 2));
if (values.keep) console.log(`Builds kept: Pelican ${pelicanOut}, this project ${oursOut}`);
else rmSync(work, { recursive: true, force: true });
