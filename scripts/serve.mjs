// Serves an existing build (`npm run build`) with the Node adapter's standalone server.
// HOST and PORT choose where; the defaults match `astro dev`: localhost:4321.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('No build found in dist/. Run `npm run build` first, or `npm start` to build and serve.');
  process.exit(1);
}
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
await import(entry.href);
