import { describe, expect, it } from 'vitest';
import { hashTransform, propsToFilename } from 'astro/assets';
import { staticImageRegistry, type StaticImage, type StaticImageList } from '../../src/build-accelerator/prerender/static-images';

const naming = { base: '/', assetsFolder: '_astro', assetsPrefix: undefined, serviceEntrypoint: 'astro/assets/services/sharp' };
const cover = { src: '/_astro/cover.Ab12.jpg', width: 1600, height: 900, format: 'jpg' as const };

describe('staticImageRegistry', () => {
  it('names a transform as Astro does, lists it once, and records it for each page that asks', () => {
    const list: StaticImageList = new Map();
    const recorded: StaticImage[] = [];
    const add = staticImageRegistry(naming, list, (image) => recorded.push(image));
    const transform = { src: cover, width: 800, format: 'webp' };
    const hash = hashTransform(transform, naming.serviceEntrypoint, ['src', 'width', 'format']);
    const expected = `/${propsToFilename(cover.src, transform, hash).replace(/^\//, '')}`;

    expect(add(transform, ['src', 'width', 'format'], '/site/content/images/cover.jpg')).toBe(expected);
    expect(add({ ...transform }, ['src', 'width', 'format'], '/site/content/images/cover.jpg')).toBe(expected);
    expect([...list.keys()]).toEqual([cover.src]);
    expect(list.get(cover.src)?.transforms.size).toBe(1);
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({ originalPath: cover.src, hash, finalPath: expected, originalSrcPath: '/site/content/images/cover.jpg' });
  });

  it('puts images of a remote or public source in the assets folder, under the base', () => {
    const add = staticImageRegistry({ ...naming, base: '/blog/' }, new Map(), () => {});
    expect(add({ src: '/blog/images/photo.png', width: 200, format: 'webp' }, ['src', 'width', 'format'], undefined)).toMatch(/^\/blog\/_astro\/photo_\w+\.webp$/);
  });

  it('records plain data, which can be posted to another thread, when the source image is a Proxy', () => {
    const recorded: StaticImage[] = [];
    const add = staticImageRegistry(naming, new Map(), (image) => recorded.push(image));
    const proxied = new Proxy(cover, { get: (target, name) => (name === 'fsPath' ? '/site/cover.jpg' : target[name as keyof typeof target]) });
    add({ src: proxied, width: 400, format: 'avif' }, ['src', 'width', 'format'], '/site/cover.jpg');
    expect(() => structuredClone(recorded)).not.toThrow();
    expect(structuredClone(recorded)[0]?.transform).toEqual({ src: cover, width: 400, format: 'avif' });
  });
});
