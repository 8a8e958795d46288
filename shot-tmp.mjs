import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const [base, ...shots] = process.argv.slice(2);
for (const shot of shots) {
  const [path, name, w, h, scheme, full] = shot.split(',');
  const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, colorScheme: scheme });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: full === 'full' });
  await page.close();
}
await browser.close();
