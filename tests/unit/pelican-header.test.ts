import { describe, expect, it } from 'vitest';
import { decodeSource, parsePelicanSource } from '../../src/content/format/pelican-header';

const values = (source: string, key: string) => parsePelicanSource(source).fields.get(key)?.values;

describe('parsePelicanSource: Key: value headers', () => {
  it('reads keys up to the first blank line, with their lines', () => {
    const parsed = parsePelicanSource('Title: Hello\nDate: 2019-06-04\n\n# Body\n\nText');
    expect(parsed.fields.get('title')).toEqual({ key: 'Title', values: ['Hello'], line: 1 });
    expect(parsed.fields.get('date')?.line).toBe(2);
    expect(parsed.body).toBe('# Body\n\nText');
    expect(parsed.bodyLine).toBe(4);
  });

  it('treats keys case-insensitively', () => {
    const parsed = parsePelicanSource('TITLE: A\nheader_COVER: x.jpg\n\nbody');
    expect(parsed.fields.get('title')?.values).toEqual(['A']);
    expect(parsed.fields.get('header_cover')?.key).toBe('header_COVER');
  });

  it('continues a value on lines indented by 4 or more spaces', () => {
    expect(values('Summary: first\n    second\n        third\nTitle: T\n\nb', 'summary')).toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('does not continue on lines indented by fewer than 4 spaces: they end the header', () => {
    const parsed = parsePelicanSource('Title: T\n  not a key\n\nb');
    expect(parsed.fields.get('title')?.values).toEqual(['T']);
    expect(parsed.body).toBe('  not a key\n\nb');
  });

  it('ends the header at the first line that is not metadata, keeping it in the body', () => {
    const parsed = parsePelicanSource('Title: T\n# Heading\ntext');
    expect(parsed.body).toBe('# Heading\ntext');
    expect(parsed.bodyLine).toBe(2);
  });

  it('accepts CRLF line ends and a UTF-8 BOM', () => {
    const parsed = parsePelicanSource('\uFEFFTitle: Hola\r\nTags: a, b\r\n\r\nCuerpo\r\n');
    expect(parsed.fields.get('title')?.values).toEqual(['Hola']);
    expect(parsed.fields.get('tags')?.line).toBe(2);
    expect(parsed.body).toBe('Cuerpo\n');
  });

  it('keeps every value of a repeated key', () => {
    expect(values('Tags: a\nTags: b\n\nx', 'tags')).toEqual(['a', 'b']);
  });

  it('gives a header with no body an empty body', () => {
    const parsed = parsePelicanSource('Title: Only a header\n');
    expect(parsed.fields.get('title')?.values).toEqual(['Only a header']);
    expect(parsed.body).toBe('');
  });

  it('reads a file with no header as all body', () => {
    const parsed = parsePelicanSource('# Just Markdown\n');
    expect(parsed.fields.size).toBe(0);
    expect(parsed.body).toBe('# Just Markdown\n');
  });
});

describe('parsePelicanSource: YAML front matter', () => {
  it('reads YAML between --- lines, lists included, with the lines of the keys', () => {
    const parsed = parsePelicanSource('---\ntitle: "Hola: mundo"\ntags:\n  - a\n  - b\ndate: 2019-06-04\n---\n\nBody');
    expect(parsed.fields.get('title')).toEqual({ key: 'title', values: ['Hola: mundo'], line: 2 });
    expect(parsed.fields.get('tags')?.values).toEqual(['a', 'b']);
    expect(parsed.fields.get('date')).toMatchObject({ values: ['2019-06-04'], line: 6 });
    expect(parsed.body).toBe('\nBody');
    expect(parsed.bodyLine).toBe(8);
  });

  it('reports invalid YAML with its line', () => {
    const parsed = parsePelicanSource('---\ntitle: [unclosed\n---\nBody');
    expect(parsed.problems[0]?.message).toMatch(/not valid YAML/);
    expect(parsed.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('reads a ---fenced block of Pelican Key: value lines that is not a YAML mapping', () => {
    const parsed = parsePelicanSource('---\nTitle: T\n---\nBody');
    expect(parsed.fields.get('title')?.values).toEqual(['T']);
    expect(parsed.body).toBe('Body');
  });
});

describe('decodeSource', () => {
  it('decodes UTF-8, drops the BOM and normalises line ends', () => {
    expect(decodeSource(new TextEncoder().encode('\uFEFFTítulo\r\nx\ry'))).toBe('Título\nx\ny');
  });

  it('refuses binary garbage: NUL bytes or invalid UTF-8', () => {
    expect(decodeSource(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBeUndefined();
    expect(decodeSource(Uint8Array.from([0x54, 0xff, 0xfe, 0x41]))).toBeUndefined();
  });
});
