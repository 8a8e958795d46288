// Lighthouse scores of a page on emulated mobile (Lighthouse's default).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumPath } from '../chromium.mjs';

/** @returns {Promise<{ port: number, close: () => Promise<void> }>} */
export async function startChrome() {
  const chromePath = chromiumPath();
  const chrome = await chromeLauncher.launch({ chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS], ...(chromePath ? { chromePath } : {}) });
  return { port: chrome.port, close: () => chrome.kill() };
}

/** Scores (0–100) in the four categories, and the metrics behind performance. */
export async function lighthouseScores(url, port) {
  const lhr = await auditWithRetries(url, port);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failed = Object.values(lhr.audits)
    .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
    .map((audit) => audit.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
    failed,
  };
}

/** Runs of a page before its failure stops the bench. */
const ATTEMPTS = 3;

/**
 * Lighthouse's report of a page. A run in which an audit fails to run (its trace or a metric
 * missing) leaves its categories without a score, which read as 0 (performance and best practices
 * 0 on one template in eight now and then on this machine, the next run 100): such runs are run
 * again, and a page that fails every time stops the bench, naming the audits that failed.
 */
async function auditWithRetries(url, port) {
  let problem = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const { lhr } = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const unscored = Object.values(lhr.categories).filter((category) => category.score === null);
    if (!lhr.runtimeError && unscored.length === 0) return lhr;
    const errored = Object.values(lhr.audits).filter((audit) => audit.scoreDisplayMode === 'error');
    problem = lhr.runtimeError
      ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`
      : `no score for ${unscored.map((category) => category.id).join(', ')}; audits that failed: ${errored.map((audit) => `${audit.id} (${audit.errorMessage ?? '?'})`).join(', ')}`;
    console.log(`  Lighthouse on ${url}, attempt ${attempt} of ${ATTEMPTS}: ${problem}`);
  }
  throw new Error(`Lighthouse could not audit ${url}: ${problem}`);
}
