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
  const { lhr } = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
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
