import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawSocialCard, fitTitle, paintThroughMask, SOCIAL_CARD } from '../../src/lib/social-card';

/** The card's pixels as light as the title's (#f4f6f8), by row and column. */
async function titlePixels(jpeg: Buffer): Promise<{ x: number; y: number }[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const light: { x: number; y: number }[] = [];
  for (let at = 0; at < data.length; at += info.channels) {
    if (data[at]! > 225 && data[at + 2]! > 225) light.push({ x: (at / info.channels) % info.width, y: Math.floor(at / info.channels / info.width) });
  }
  return light;
}

describe('paintThroughMask', () => {
  it('paints the colour as much as the mask covers, and leaves out what falls off the image', () => {
    // A 3×2 black image; a 2×2 mask placed one pixel right and one up: only its lower row lands.
    const image = Buffer.alloc(3 * 2 * 3);
    paintThroughMask(image, 3, { data: Buffer.from([255, 255, 255, 128]), width: 2, height: 2 }, 1, -1, [200, 100, 0]);
    // Row 0: untouched, fully covered, half covered. Row 1: the mask does not reach it.
    expect([...image]).toEqual([0, 0, 0, 200, 100, 0, 100, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('social cards', () => {
  it('are 1200×630 JPEGs with the title in large letters', async () => {
    const jpeg = await drawSocialCard('Machine Learning in Production', 'The Gurus');
    expect(await sharp(jpeg).metadata()).toMatchObject({ format: 'jpeg', ...SOCIAL_CARD });
    const light = await titlePixels(jpeg);
    expect(light.length).toBeGreaterThan(5000);
    expect((await fitTitle('Machine Learning in Production')).lines).toBe(2);
  });

  it('keep a long title on the card, in smaller letters, cut with an ellipsis past four lines', async () => {
    const long = 'Fish & <chips> en Madrid: ¿cómo desplegar modelos? — una guía práctica para equipos pequeños con prisa y sin presupuesto, paso a paso';
    const fitted = await fitTitle(long);
    expect(fitted.lines).toBeLessThanOrEqual(4);
    expect(fitted.height).toBeLessThan((await fitTitle('Machine Learning in Production')).height * 2.5);
    const light = await titlePixels(await drawSocialCard(long, 'The Gurus'));
    // Clear of the accent above, the site name below, and the card's right edge.
    expect(Math.min(...light.map(({ y }) => y))).toBeGreaterThan(90);
    expect(Math.max(...light.map(({ y }) => y))).toBeLessThan(520);
    expect(Math.max(...light.map(({ x }) => x))).toBeLessThan(80 + 1040 + 4);
  });
});
