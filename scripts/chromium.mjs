// The browser the tests and benchmarks drive: Debian's Chromium where installed (Playwright
// cannot download its own here), CHROMIUM_PATH (or CHROME_PATH) to choose another.
import { existsSync } from 'node:fs';

/** Path of the Chromium to launch, or `undefined` for Playwright's own browser. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/** Flags headless Chromium needs on this kind of machine: no sandbox as root, no GPU, no network chatter. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
