// `npm run bench`: measures the site as readers get it. Prints figures; asserts nothing.
//   --templates   Lighthouse (mobile) and page weight of every template of the built site
//   (more sections join as the project grows; with no flag, every section runs)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { lighthouseScores, startChrome } from './bench/lighthouse.mjs';
import { pageWeight } from './bench/page-weight.mjs';
import { serveBuild } from './bench/serve-build.mjs';

const { values } = parseArgs({
  options: {
    templates: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string', default: '4395' },
  },
});
const all = !values.templates;

/** One URL per template of the site's own content. */
const TEMPLATES = [
  ['home', '/'],
  ['article', '/posts/ml-in-production/'],
  ['page', '/pages/about/'],
  ['listing (tag)', '/tag/machine-learning/'],
  ['author', '/author/pedro-munoz-botas/'],
  ['archives', '/archives/'],
  // Lighthouse will not audit a 404 response: the same page, as its file.
  ['404', '/404.html'],
];

const BUDGET_KB = 30;

async function templatesSection() {
  if (!values['no-build'] || !existsSync('dist/server/entry.mjs')) {
    console.log('Building the site (npm run build)…');
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
  }
  const server = await serveBuild('dist', Number(values.port));
  const chrome = await startChrome();
  const rows = [];
  try {
    for (const [name, path] of TEMPLATES) {
      const url = server.origin + path;
      const weight = await pageWeight(url);
      const scores = await lighthouseScores(url, chrome.port);
      rows.push({ name, path, ...scores, weight });
    }
  } finally {
    await chrome.close();
    await server.stop();
  }
  console.log('\nTemplates: Lighthouse on emulated mobile, and what a reader downloads (images aside)\n');
  console.log('template        perf  a11y  best  seo   LCP ms  CLS    HTML+CSS gzip  brotli  JS (scripts)');
  for (const row of rows) {
    console.log(
      [
        row.name.padEnd(15),
        String(row.performance).padStart(4),
        String(row.accessibility).padStart(5),
        String(row.bestPractices).padStart(5),
        String(row.seo).padStart(4),
        String(row.lcpMs).padStart(8),
        String(row.cls).padStart(6),
        `${(row.weight.gzip / 1024).toFixed(1)} KB`.padStart(14),
        `${(row.weight.brotli / 1024).toFixed(1)} KB`.padStart(8),
        `${(row.weight.js / 1024).toFixed(1)} KB (${row.weight.scripts})`.padStart(13),
      ].join(' '),
    );
    if (row.failed.length > 0) console.log(`                failed audits: ${row.failed.join(', ')}`);
  }
  const article = rows.find((row) => row.name === 'article');
  if (article) {
    const kb = article.weight.gzip / 1024;
    console.log(`\nArticle page HTML+CSS, gzip: ${kb.toFixed(1)} KB (budget ${BUDGET_KB} KB: ${kb <= BUDGET_KB ? 'within' : 'OVER'})`);
  }
}

if (all || values.templates) await templatesSection();
