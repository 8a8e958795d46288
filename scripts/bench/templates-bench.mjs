// Lighthouse and page weight of every template of the site's own content.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lighthouseScores, startChrome } from './lighthouse.mjs';
import { pageWeight } from './page-weight.mjs';
import { serveBuild } from './serve-build.mjs';

/** One URL per template. */
const TEMPLATES = [
  ['home', '/'],
  ['article', '/posts/ml-in-production/'],
  ['page', '/pages/about/'],
  ['listing (tag)', '/tag/machine-learning/'],
  ['author', '/author/pedro-munoz-botas/'],
  ['archives', '/archives/'],
  ['search', '/search/?q=madrid'],
  // Lighthouse will not audit a 404 response: the same page, as its file.
  ['404', '/404.html'],
  ['training', '/training/'],
  ['course', '/training/ml-in-production-madrid/'],
];

export async function benchTemplates({ build = true, port = 4395 } = {}) {
  if (build || !existsSync('dist/server/entry.mjs')) {
    console.log('Building the site (npm run build)…');
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
  }
  const server = await serveBuild('dist', port);
  const chrome = await startChrome();
  const rows = [];
  try {
    for (const [name, path] of TEMPLATES) {
      const url = server.origin + path;
      rows.push({ name, path, ...(await lighthouseScores(url, chrome.port)), weight: await pageWeight(url) });
    }
  } finally {
    await chrome.close();
    await server.stop();
  }
  return rows;
}
