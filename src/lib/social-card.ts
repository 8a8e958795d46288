import { createHash } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import sharp from 'sharp';
import type { SocialCardColours } from './social-card-colours';

/** Size of link-preview images, as Open Graph and Twitter recommend. */
export const SOCIAL_CARD = { width: 1200, height: 630 } as const;
/** Bump when the card's design changes, so cached cards are drawn again. */
const DESIGN_VERSION = '3';


/** Whose card: the site's name, and its colours. */
export interface CardBrand {
  siteName: string;
  colours: SocialCardColours;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Breaks a title into lines no wider than `width`, at spaces, at most `maxLines` lines (the last
 * one ending in `…` when the title is longer). Width is measured by `measure`: characters unless
 * told otherwise.
 *
 * @example wrapText('Machine Learning in Production', 16, 3) // ['Machine Learning', 'in Production']
 */
export function wrapText(text: string, width: number, maxLines: number, measure = (line: string) => line.length): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && measure(`${line} ${word}`) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

/** Room for the title on a card, in pixels. */
const TITLE_WIDTH = 1040;

/**
 * About how wide a line of bold DejaVu Sans is, in ems: capitals and wide letters take more room
 * than the 0.6 em of an average letter, narrow ones less.
 *
 * @example boldWidth('Hi') // 1.12
 */
export function boldWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if ('mwMW@%'.includes(char)) width += 0.95;
    else if ('iljtfrI.,:;!|\'()[] '.includes(char)) width += 0.36;
    else if (/[A-Z0-9]/.test(char)) width += 0.76;
    else width += 0.66;
  }
  return Math.round(width * 100) / 100;
}

/**
 * The card as SVG: the title large, the site name below, the site's colours. A flat background,
 * not a gradient: librsvg draws a 1200×630 gradient in about 9 ms, as long as all the rest of the
 * card, and a site without covers draws one card per post (`npm run bench`).
 */
export function socialCardSvg(title: string, { siteName, colours }: CardBrand): string {
  // The title has 1,040 px (28 characters a line at 76 px ran off the card).
  const large = wrapText(title, TITLE_WIDTH / 76, 4, boldWidth);
  const lines = large.length > 3 ? wrapText(title, TITLE_WIDTH / 64, 4, boldWidth) : large;
  const size = lines.length > 3 ? 64 : 76;
  const top = 315 - ((lines.length - 1) * size * 1.15) / 2;
  const text = lines
    .map((line, index) => `<tspan x="80" y="${Math.round(top + index * size * 1.15)}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SOCIAL_CARD.width}" height="${SOCIAL_CARD.height}">
<rect width="100%" height="100%" fill="${escapeXml(colours.background)}"/>
<rect x="80" y="70" width="96" height="8" rx="4" fill="${escapeXml(colours.accent)}"/>
<text font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="bold" font-size="${size}" fill="${escapeXml(colours.title)}">${text}</text>
<text x="80" y="570" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="34" fill="${escapeXml(colours.siteName)}">${escapeXml(siteName)}</text>
</svg>`;
}

/** Where the card for a title is kept: a file named by what the card shows. */
function cardPath(title: string, brand: CardBrand, cacheDir: string): string {
  const { siteName, colours } = brand;
  const key = createHash('sha256').update(`${DESIGN_VERSION}\0${title}\0${siteName}\0${colours.background}\0${colours.accent}\0${colours.title}\0${colours.siteName}`).digest('hex').slice(0, 32);
  return join(cacheDir, `${key}.jpg`);
}

/** Cards being drawn, by file: a card asked for twice is drawn once. */
const drawing = new Map<string, Promise<void>>();

/** Draws the card for a title into `cacheDir` unless it is there already. */
function ensureCard(title: string, brand: CardBrand, cacheDir: string): Promise<void> {
  const path = cardPath(title, brand, cacheDir);
  let done = drawing.get(path);
  if (!done) {
    done = access(path).catch(async () => {
      // Huffman optimisation would save 3% of the bytes for a fifth more time per card.
      // Without the alpha channel before the JPEG, the same bytes for a fifth less time (11 -> 9 ms of CPU).
      const jpeg = await sharp(Buffer.from(socialCardSvg(title, brand)))
        .removeAlpha()
        .jpeg({ quality: 82, optimiseCoding: false })
        .toBuffer();
      await mkdir(cacheDir, { recursive: true });
      await writeFile(path, jpeg);
    });
    drawing.set(path, done);
  }
  return done;
}

/**
 * Starts drawing the cards of many titles, two at a time, and returns at once. libvips draws on
 * its own threads, so cards started before the pages are rendered are drawn on the second core
 * while the first renders pages (the card route is rendered last: `prerender/parallel-prerender.ts`);
 * `socialCardJpeg` then waits for its card, if it is not drawn yet. At 1,000 posts (800 cards)
 * this took prerendering from 13.7 s to 11.6 s; one at a time drew too slowly to keep up.
 */
export function startDrawingCards(titles: readonly string[], brand: CardBrand, cacheDir: string): void {
  const limit = pLimit(2);
  for (const title of titles) {
    void limit(() => ensureCard(title, brand, cacheDir)).catch(() => {
      // `socialCardJpeg` draws it again and reports the error with the page that needs it.
      drawing.delete(cardPath(title, brand, cacheDir));
    });
  }
}

/**
 * A JPEG link-preview card for a title, drawn once and then read from `cacheDir`, keyed by what
 * it shows: unchanged posts cost one file read per build (a site without covers draws one card
 * per post). With the flat background, JPEG and PNG take about the same time and size here
 * (about 7 ms, 45 KB); cards stay JPEG, at the `/social/{id}.jpg` URLs pages already link.
 */
export async function socialCardJpeg(title: string, brand: CardBrand, cacheDir: string): Promise<Buffer> {
  await ensureCard(title, brand, cacheDir);
  return readFile(cardPath(title, brand, cacheDir));
}
