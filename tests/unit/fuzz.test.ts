// Random and hostile input at the readers of content and of signups (fast-check): always a clear
// error or a correct result, never a crash or a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCourseHeader } from '../../src/content/format/course-header';
import { parsePelicanSource } from '../../src/content/format/pelican-header';
import { readEntry } from '../../src/content/format/read-entry';
import { articleSchema } from '../../src/content/schemas/article';
import { findMojibake } from '../../src/lint/mojibake';
import { emailProblem, MAX_EMAIL_LENGTH } from '../../src/newsletter/email-address';
import { readSignup } from '../../src/newsletter/signup-form';

/** Pieces attackers and broken editors produce. */
const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000\u0001\u001b[31m',
  '\u202e\u200b\ufeff',
  'Ｔｉｔｌｅ', // full-width look-alikes
  'раураl', // Cyrillic look-alikes
  '{filename}../../../../etc/passwd',
  '\r\n\r\n',
  'Title: ',
  '---',
  '    ',
  '\ud800',
  'x'.repeat(100_000),
);
const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200, unit: 'grapheme' }), fc.string({ maxLength: 50, unit: 'binary' }), hostile, fc.array(fc.oneof(hostile, fc.string()), { maxLength: 8 }).map((parts) => parts.join('')));
const header = fc.array(fc.tuple(fc.constantFrom('Title', 'Date', 'Tags', 'Slug', 'Status', 'Authors', 'Summary', 'Lang', 'Header_Cover', 'Modified', 'Category', 'Titel'), text), { maxLength: 10 });
const settings = { timeZone: 'Europe/Madrid', defaultAuthor: 'Ana', defaultLang: 'en' };
const RUNS = { numRuns: 300 };

describe('the content reader, fuzzed', () => {
  it('reads any bytes into a result or named problems, never throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2000 }), text.map((value) => Buffer.from(value))), (bytes) => {
        const result = readEntry({ bytes, relativePath: 'posts/x.md', displayPath: 'content/posts/x.md', kind: 'article' }, { settings, schema: articleSchema, fileExists: () => false });
        expect(['ok', 'invalid', 'skip']).toContain(result.status);
        if (result.status === 'invalid') for (const problem of result.problems) expect(problem).toMatchObject({ file: 'content/posts/x.md', line: expect.any(Number), message: expect.any(String) });
      }),
      RUNS,
    );
  });

  it('reads any header: every problem has a line in the file', () => {
    fc.assert(
      fc.property(header, text, (fields, body) => {
        const source = `${fields.map(([key, value]) => `${key}: ${value.replace(/\n/g, ' ')}`).join('\n')}\n\n${body}`;
        const lines = source.split('\n').length;
        const result = readEntry({ bytes: Buffer.from(source), relativePath: 'posts/x.md', displayPath: 'x.md', kind: 'article' }, { settings, schema: articleSchema, fileExists: () => true });
        if (result.status === 'invalid') for (const problem of result.problems) expect(problem.line).toBeLessThanOrEqual(lines);
        if (result.status === 'ok') expect(result.metadata.title.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('reads any course header into data or problems', () => {
    fc.assert(
      fc.property(header, (fields) => {
        const { fields: parsed } = parsePelicanSource(`${fields.map(([key, value]) => `${key}: ${value.replace(/\n/g, ' ')}`).join('\n')}\n\nBody\n`);
        const { data, problems } = readCourseHeader({ displayPath: 'c.md', fields: parsed, body: '' }, 'Europe/Madrid');
        expect(typeof data).toBe('object');
        for (const problem of problems) expect(problem.line).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('finds mis-encoded text only where repairing changes it', () => {
    fc.assert(
      fc.property(text, (value) => {
        const found = findMojibake(value);
        if (found) expect(found.repaired).not.toBe(value);
      }),
      RUNS,
    );
  });
});

describe('the signup form, fuzzed', () => {
  it('accepts only a clean address, a path as source and a slug as topic; otherwise names the problem', () => {
    const field = fc.option(text, { nil: undefined });
    fc.assert(
      fc.property(field, field, field, field, field, (email, consent, topic, source, website) => {
        const fields = new Map(Object.entries({ email, consent, topic, source, website }).filter(([, value]) => value !== undefined));
        const result = readSignup({ get: (name) => fields.get(name) ?? null });
        if (!result.ok) {
          expect(result.problem.length).toBeGreaterThan(0);
          return;
        }
        const { signup } = result;
        expect(emailProblem(signup.email)).toBeUndefined();
        expect(signup.email.length).toBeLessThanOrEqual(MAX_EMAIL_LENGTH);
        expect(signup.email).not.toMatch(/[<>"\s\u0000-\u001f]/);
        if (signup.topic !== undefined) expect(signup.topic).toMatch(/^[a-z0-9][a-z0-9-]{0,79}$/);
        if (signup.source !== undefined) expect(signup.source).toMatch(/^\/(?!\/)\S*$/);
      }),
      { numRuns: 1000 },
    );
  });
});
