import { createHash } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import sharp from 'sharp';

/** Size of link-preview images, as Open Graph and Twitter recommend. */
export const SOCIAL_CARD = { width: 1200, height: 630 } as const;
/** Bump when the card's design changes, so cached cards are drawn again. */
const DESIGN_VERSION = '4';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Room for the title on a card, in pixels. */
const TITLE_WIDTH = 1040;

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const TITLE_COLOUR = [0xf4, 0xf6, 0xf8] as const;

/**
 * The card without its title, as SVG: the site's colours, an accent, the site name below. A flat
 * background, not a gradient: librsvg draws a 1200×630 gradient in about 9 ms, as long as all the
 * rest of the card.
 */
export function cardBackgroundSvg(siteName: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SOCIAL_CARD.width}" height="${SOCIAL_CARD.height}">
<rect width="100%" height="100%" fill="#0b2545"/>
<rect x="80" y="70" width="96" height="8" rx="4" fill="#ff7b54"/>
<text x="80" y="570" font-family="${FONT}" font-size="34" fill="#8da9c4">${escapeXml(siteName)}</text>
</svg>`;
}

/**
 * Paints `colour` into an RGB image through a one-channel coverage mask (text drawn white on
 * black) placed at `left`, `top`; what falls outside the image is left out.
 */
export function paintThroughMask(
  image: Buffer,
  imageWidth: number,
  mask: { data: Buffer; width: number; height: number },
  left: number,
  top: number,
  [red, green, blue]: readonly [number, number, number],
): void {
  const imageHeight = image.length / 3 / imageWidth;
  const [fromX, toX] = [Math.max(0, -left), Math.min(mask.width, imageWidth - left)];
  const [fromY, toY] = [Math.max(0, -top), Math.min(mask.height, imageHeight - top)];
  for (let y = fromY; y < toY; y++) {
    let at = ((top + y) * imageWidth + left + fromX) * 3;
    for (let x = fromX, cover = y * mask.width + fromX; x < toX; x++, cover++, at += 3) {
      const alpha = mask.data[cover]!;
      if (alpha === 0) continue;
      image[at] = blend(image[at]!, red, alpha);
      image[at + 1] = blend(image[at + 1]!, green, alpha);
      image[at + 2] = blend(image[at + 2]!, blue, alpha);
    }
  }
}

/** `base` moved toward `colour` by `alpha` (0–255), rounded: integer sums, for the title's every pixel. */
const blend = (base: number, colour: number, alpha: number) => base + ((colour - base) * alpha + (colour >= base ? 127 : -127)) / 255;

/** Backgrounds drawn, by site name: every card of a site has the same. */
const backgrounds = new Map<string, Promise<Buffer>>();

function cardBackground(siteName: string): Promise<Buffer> {
  let background = backgrounds.get(siteName);
  if (!background) {
    background = sharp(Buffer.from(cardBackgroundSvg(siteName))).removeAlpha().raw().toBuffer();
    backgrounds.set(siteName, background);
  }
  return background;
}

/** A title drawn by Pango at `size` px, wrapped to the title's room: a coverage mask, and its lines. */
interface TitleMask {
  data: Buffer;
  width: number;
  height: number;
  lines: number;
}

async function drawTitle(text: string, size: number): Promise<TitleMask> {
  const draw = (markup: string) =>
    sharp({ text: { text: markup, font: `${FONT} Bold ${size}`, dpi: 72, width: TITLE_WIDTH, wrap: 'word-char' } })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
  const [{ data, info }, line] = await Promise.all([draw(escapeXml(text)), lineHeight(size, draw)]);
  return { data, width: info.width, height: info.height, lines: Math.round(info.height / line) };
}

/** The height of one line of the title at a size, measured once. */
const lineHeights = new Map<number, Promise<number>>();
function lineHeight(size: number, draw: (markup: string) => Promise<{ info: { height: number } }>): Promise<number> {
  let height = lineHeights.get(size);
  if (!height) lineHeights.set(size, (height = draw('Ág').then(({ info }) => info.height)));
  return height;
}

/** About as many characters as four lines at 64 px hold: where an over-long title is cut first. */
const MOST_CHARACTERS = 110;

/**
 * The title as it fits the card: 76 px up to three lines, else 64 px up to four, else cut at a
 * word, with an ellipsis, until four lines at 64 px hold it. Pango wraps it by the room its
 * letters really take.
 */
export async function fitTitle(title: string): Promise<TitleMask> {
  const large = await drawTitle(title, 76);
  if (large.lines <= 3) return large;
  let words = title.split(/\s+/).filter(Boolean);
  let fitted = await drawTitle(title, 64);
  while (fitted.lines > 4 && words.length > 1) {
    words = words.slice(0, -1);
    while (words.length > 1 && words.join(' ').length > MOST_CHARACTERS) words = words.slice(0, -1);
    fitted = await drawTitle(`${words.join(' ')}…`, 64);
  }
  return fitted;
}

/**
 * Draws a card as JPEG. The title is drawn alone by Pango (as a coverage mask) and painted onto
 * the background drawn once per site, where librsvg drew the whole card as one SVG: about 7 ms a
 * card instead of 11.4 ms on one libvips thread, and a site without covers has one card per post
 * (8,000 at 10,000 posts). Pango also wraps by the room letters really take, so no title runs
 * off the card.
 */
export async function drawSocialCard(title: string, siteName: string): Promise<Buffer> {
  const { width, height } = SOCIAL_CARD;
  const image = Buffer.from(await cardBackground(siteName));
  if (title.trim()) {
    const mask = await fitTitle(title);
    // Centred a little above the card's middle, clear of the accent and the site name.
    paintThroughMask(image, width, mask, 80, Math.round(295 - mask.height / 2), TITLE_COLOUR);
  }
  // Huffman optimisation would save 3% of the bytes for a fifth more time per card.
  return sharp(image, { raw: { width, height, channels: 3 } }).jpeg({ quality: 82, optimiseCoding: false }).toBuffer();
}

/** Where the card for a title is kept: a file named by what the card shows. */
function cardPath(title: string, siteName: string, cacheDir: string): string {
  const key = createHash('sha256').update(`${DESIGN_VERSION}\0${title}\0${siteName}`).digest('hex').slice(0, 32);
  return join(cacheDir, `${key}.jpg`);
}

/** Cards being drawn, by file: a card asked for twice is drawn once. */
const drawing = new Map<string, Promise<void>>();

/** Draws the card for a title into `cacheDir` unless it is there already. */
function ensureCard(title: string, siteName: string, cacheDir: string): Promise<void> {
  const path = cardPath(title, siteName, cacheDir);
  let done = drawing.get(path);
  if (!done) {
    done = access(path).catch(async () => {
      const jpeg = await drawSocialCard(title, siteName);
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
export function startDrawingCards(titles: readonly string[], siteName: string, cacheDir: string): void {
  const limit = pLimit(2);
  for (const title of titles) {
    void limit(() => ensureCard(title, siteName, cacheDir)).catch(() => {
      // `socialCardJpeg` draws it again and reports the error with the page that needs it.
      drawing.delete(cardPath(title, siteName, cacheDir));
    });
  }
}

/**
 * A JPEG link-preview card for a title, drawn once and then read from `cacheDir`, keyed by what
 * it shows: unchanged posts cost one file read per build (a site without covers draws one card
 * per post). With the flat background, JPEG and PNG take about the same time and size here
 * (about 7 ms, 45 KB); cards stay JPEG, at the `/social/{id}.jpg` URLs pages already link.
 */
export async function socialCardJpeg(title: string, siteName: string, cacheDir: string): Promise<Buffer> {
  await ensureCard(title, siteName, cacheDir);
  return readFile(cardPath(title, siteName, cacheDir));
}
