// Search on a built site: index time and size, and what the first query costs a reader.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { close, createIndex } from 'pagefind';
import { CHROMIUM_FLAGS, chromiumPath } from '../chromium.mjs';
import { serveBuild } from './serve-build.mjs';

function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Re-indexes the built site (timed alone), then loads /search/?q=… in Chromium. */
export async function benchSearch({ outDir, query, port }) {
  const client = join(outDir, 'client');
  const started = performance.now();
  const { index } = await createIndex({ forceLanguage: 'en' });
  await index.addDirectory({ path: client });
  await index.writeFiles({ outputPath: join(client, 'pagefind') });
  await close();
  const indexSeconds = (performance.now() - started) / 1000;
  const indexBytes = folderBytes(join(client, 'pagefind'));

  const server = await serveBuild(outDir, port);
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const session = await page.context().newCDPSession(page);
    await session.send('Network.enable');
    let searchBytes = 0;
    session.on('Network.loadingFinished', (event) => {
      searchBytes += event.encodedDataLength;
    });
    const urls = new Map();
    session.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
    let pageBytes = 0;
    session.on('Network.loadingFinished', (event) => {
      if (!urls.get(event.requestId)?.includes('/pagefind/')) pageBytes += event.encodedDataLength;
    });
    await page.goto(`${server.origin}/search/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent?.startsWith('Latest'));
    const before = searchBytes;
    await page.fill('#search-query', query);
    // From Enter, which searches at once (typing waits 150 ms for the reader to pause).
    const typed = performance.now();
    await page.press('#search-query', 'Enter');
    await page.waitForFunction((q) => document.querySelector('.search-status')?.textContent?.includes(`for “${q}”`), query);
    const firstQueryMs = Math.round(performance.now() - typed);
    const status = await page.locator('.search-status').textContent();
    return {
      indexSeconds,
      indexBytes,
      // Everything Pagefind fetched for the page to load and answer the first query.
      firstQueryBytes: searchBytes - pageBytes,
      queryBytesAfterLoad: searchBytes - before,
      firstQueryMs,
      status,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
