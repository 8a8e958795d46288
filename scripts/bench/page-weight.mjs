// What a reader downloads for a page, images aside: HTML, stylesheets and scripts, compressed.
import { brotliCompressSync, gzipSync } from 'node:zlib';

const attribute = (tag, name) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];

/**
 * @returns {Promise<{ html: number, css: number, js: number, scripts: number, gzip: number, brotli: number }>}
 *   sizes in bytes; `gzip` and `brotli` are HTML+CSS compressed, as the budget counts them.
 */
export async function pageWeight(url) {
  const html = await (await fetch(url)).text();
  const stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map((match) => attribute(match[0], 'href'));
  const scripts = [...html.matchAll(/<script[^>]+src="[^"]+"[^>]*>/g)].map((match) => attribute(match[0], 'src'));
  const fetchText = async (href) => (await fetch(new URL(href, url))).text();
  const css = (await Promise.all(stylesheets.filter(Boolean).map(fetchText))).join('\n');
  const js = (await Promise.all(scripts.filter(Boolean).map(fetchText))).join('\n');
  const inlineJs = [...html.matchAll(/<script(?![^>]*(?:src=|application\/ld\+json))[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
  const both = Buffer.from(html + css);
  return {
    html: Buffer.byteLength(html),
    css: Buffer.byteLength(css),
    js: Buffer.byteLength(js) + Buffer.byteLength(inlineJs),
    scripts: scripts.length,
    gzip: gzipSync(both, { level: 9 }).length,
    brotli: brotliCompressSync(both).length,
  };
}
