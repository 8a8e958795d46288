// `npm run bench`: measures the project on this machine. Prints figures and writes them to
// bench/results/latest.md; asserts nothing (tests never time anything).
//   --templates     Lighthouse (mobile) and page weight of every template of the built site
//   --build         builds of a generated corpus: ours cold and warm, Pelican, Hugo
//   --search        Pagefind on the corpus: index time and size, cost of a first query
//   --signups       200 newsletter signups at once against the built server
//   --campaigns     newsletter campaigns: queueing 10,000 and 100,000 recipients, sending 10,000 to a local SMTP server
//   --load          autocannon: pages and signups under 200 connections for 30 s each (--seconds N)
//   --dev           the dev server on the corpus: from saving an edited post to seeing it in Chromium
//   --posts N       corpus size (default 1000)
// With no section flag, every section runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBuilds } from './bench/build-bench.mjs';
import { generateCorpus } from './bench/generate-corpus.mjs';
import { benchDevEdits } from './bench/dev-bench.mjs';
import { benchSearch } from './bench/search-bench.mjs';
import { benchLoad } from './bench/load-bench.mjs';
import { benchSignups } from './bench/signup-bench.mjs';
import { benchCampaigns } from './bench/campaign-bench.mjs';
import { benchTemplates } from './bench/templates-bench.mjs';

const { values } = parseArgs({
  options: {
    templates: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    search: { type: 'boolean', default: false },
    signups: { type: 'boolean', default: false },
    campaigns: { type: 'boolean', default: false },
    load: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '30' },
    posts: { type: 'string', default: '1000' },
    'no-build': { type: 'boolean', default: false },
  },
});
const all = !values.templates && !values.build && !values.search && !values.signups && !values.campaigns && !values.load && !values.dev;
const posts = Number(values.posts);
const report = [
  `# Benchmark results`,
  '',
  `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version}`,
  '',
];
const say = (line = '') => {
  console.log(line);
  report.push(line);
};

if (all || values.templates) {
  const rows = await benchTemplates({ build: !values['no-build'] });
  say('## Templates (Lighthouse, emulated mobile; page weight without images)');
  say('');
  say('| template | performance | accessibility | best practices | SEO | LCP ms | CLS | HTML+CSS gzip | JS |');
  say('| --- | --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const row of rows) {
    say(
      `| ${row.name} | ${row.performance} | ${row.accessibility} | ${row.bestPractices} | ${row.seo} | ${row.lcpMs} | ${row.cls} | ${(row.weight.gzip / 1024).toFixed(1)} KB | ${(row.weight.js / 1024).toFixed(1)} KB |`,
    );
  }
  say('');
}

let corpus;
if (all || values.build || values.search) {
  corpus = await benchBuilds({ posts, workDir: '.bench', log: (line) => console.log(line) });
}
if (corpus && (all || values.build)) {
  const { rows, versions } = corpus;
  const ours = rows.find((row) => row.tool === 'ours' && row.phase === 'cold');
  const pelican = rows.find((row) => row.tool === 'pelican');
  say(`## Builds of ${posts} generated posts`);
  say('');
  say(`Versions: ${Object.entries(versions).map(([tool, version]) => `${tool} ${version}`).join(' · ')}`);
  say('');
  say('| tool | build | wall time | peak memory | vs Pelican | vs our cold build |');
  say('| --- | --- | --: | --: | --: | --: |');
  for (const row of rows) {
    const vsPelican = pelican ? `${(row.seconds / pelican.seconds).toFixed(2)}×` : 'n/a';
    const vsOurs = ours ? `${(row.seconds / ours.seconds).toFixed(2)}×` : 'n/a';
    say(`| ${row.tool} | ${row.phase} | ${row.seconds.toFixed(1)} s | ${row.memoryMb} MB | ${vsPelican} | ${vsOurs} |`);
  }
  say('');
  say('“Accelerator off”: `BUILD_ACCELERATOR=off`, the site built by Astro\'s own prerenderer and content store, byte for byte the same.');
  say('');
  const timed = rows.filter((row) => row.phases);
  const label = (row) => (row.tool === 'ours' ? row.phase : `${row.phase}, ${row.tool.replace(/^ours, /, '')}`);
  say('Where our builds spend their time (from Astro\'s log):');
  say('');
  say(`| phase | ${timed.map(label).join(' | ')} |`);
  say(`| --- | ${timed.map(() => '--:').join(' | ')} |`);
  for (const phase of Object.keys(timed[0]?.phases ?? {})) {
    say(`| ${phase} | ${timed.map((row) => `${row.phases[phase].toFixed(1)} s`).join(' | ')} |`);
  }
  say('');
}
if (all || values.dev) {
  let corpusDir = corpus?.corpusDir;
  if (!corpusDir) {
    corpusDir = resolve('.bench', `corpus-${posts}`);
    await generateCorpus(corpusDir, posts);
  }
  console.log('The dev server, editing a post…');
  const dev = await benchDevEdits({ corpusDir, port: 4397 });
  const sorted = [...dev.editsMs].sort((a, b) => a - b);
  say(`## Dev server on ${posts} generated posts`);
  say('');
  say('| start (first page served) | edit saved → visible: median | fastest | slowest | every edit |');
  say('| --: | --: | --: | --: | --- |');
  say(`| ${dev.startSeconds.toFixed(1)} s | ${sorted[Math.floor(sorted.length / 2)]} ms | ${sorted[0]} ms | ${sorted.at(-1)} ms | ${dev.editsMs.join(', ')} ms |`);
  say('');
}
if (corpus && (all || values.search)) {
  const search = await benchSearch({ outDir: corpus.outDir, query: 'pipeline', port: 4396 });
  say(`## Search on ${posts} generated posts`);
  say('');
  say('| index time | index size | first query: bytes (page load + query) | first query: bytes after load | first query: time to results |');
  say('| --: | --: | --: | --: | --: |');
  say(
    `| ${search.indexSeconds.toFixed(1)} s | ${(search.indexBytes / 2 ** 20).toFixed(1)} MB | ${(search.firstQueryBytes / 1024).toFixed(0)} KB | ${(search.queryBytesAfterLoad / 1024).toFixed(0)} KB | ${search.firstQueryMs} ms |`,
  );
  say('');
  say(`(${search.status})`);
  say('');
}

if (all || values.signups) {
  // After --templates, which has just built the site; alone, the existing build is used.
  const load = await benchSignups({ count: 200 });
  say(`## Newsletter: ${load.count} signups at once`);
  say('');
  say('| accepted | rows stored | lost | duplicated | 5xx | emails written | total time | p50 | p95 |');
  say('| --: | --: | --: | --: | --: | --: | --: | --: | --: |');
  say(`| ${load.accepted} | ${load.rows} | ${load.lost} | ${load.duplicated} | ${load.serverErrors} | ${load.emails} | ${load.seconds.toFixed(2)} s | ${load.p50} ms | ${load.p95} ms |`);
  say('');
}

if (all || values.campaigns) {
  const bench = await benchCampaigns();
  say('## Newsletter campaigns');
  say('');
  say('| recipients | queue time | peak memory (process) |');
  say('| --: | --: | --: |');
  for (const queue of bench.queues) say(`| ${queue.recipients} | ${(queue.queueMs / 1000).toFixed(2)} s | ${queue.peakRssMb.toFixed(0)} MB |`);
  say('');
  say('| sent to a local SMTP server | throttle | messages/s | time | peak memory |');
  say('| --: | --- | --: | --: | --: |');
  for (const send of bench.sends) say(`| ${send.sent} | ${send.rate} | ${send.perSecond.toFixed(0)} | ${send.seconds.toFixed(1)} s | ${send.peakRssMb.toFixed(0)} MB |`);
  say('');
}

if (all || values.load) {
  const load = await benchLoad({ connections: 200, seconds: Number(values.seconds) });
  say(`## Load: ${load.connections} connections, ${load.seconds} s each (autocannon, production server)`);
  say('');
  say('| what | requests/s | p99 latency | requests | errors | answered | stored | lost | integrity |');
  say('| --- | --: | --: | --: | --: | --: | --: | --: | --- |');
  say(`| pages (5 templates, brotli) | ${load.pages.requestsPerSecond} | ${load.pages.p99} ms | ${load.pages.total} | ${load.pages.errors} | | | | |`);
  const s = load.signups;
  say(`| signups | ${s.requestsPerSecond} | ${s.p99} ms | ${s.total} | ${s.errors} | ${s.answered} | ${s.stored} | ${s.lost} | ${s.integrity} |`);
  say('');
}

// The last run, and the last run at this corpus size (runs at 1,000 and 10,000 posts are both kept)
// when it built the corpus; a run of the templates alone leaves those alone.
mkdirSync('bench/results', { recursive: true });
const files = ['bench/results/latest.md', ...(corpus ? [`bench/results/posts-${posts}.md`] : []), ...(all || values.templates ? ['bench/results/templates.md'] : [])];
for (const file of files) {
  writeFileSync(file, `${report.join('\n')}\n`);
  console.log(`Written to ${file}`);
}
