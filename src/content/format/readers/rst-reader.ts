import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHTML } from 'entities';
import type { HeaderField, ParsedSource } from '../pelican-header';
import { htmlAsMarkdown } from './html-as-markdown';
import { findPython } from '../../../lib/python';

/** What docutils (through Pelican's reader, when installed) makes of one `.rst` file. */
export interface RstRead {
  path: string;
  title?: string | null;
  body?: string;
  metadata?: Record<string, string | string[]>;
  /** Why it could not be read. */
  error?: string;
}

export interface RstOptions {
  /** The site's language, for docutils' localized field names. */
  lang: string;
  /** Pelican's `DOCUTILS_SETTINGS`. */
  docutils?: Record<string, unknown>;
  /** Pelican's `FORMATTED_FIELDS`: metadata rendered as HTML. Default: `summary`. */
  formatted?: readonly string[];
}

/** Thrown when `.rst` files are there and docutils is not: the build names each file. */
export class RstUnavailableError extends Error {
  override name = 'RstUnavailableError';
}

/** The script beside this module, or, from a bundle of it (`npm run check`), in the project. */
const SCRIPT = [fileURLToPath(new URL('./read-rst.py', import.meta.url)), resolve('src/content/format/readers/read-rst.py')].find((path) => existsSync(path)) ?? 'read-rst.py';

/**
 * Reads `.rst` files with docutils in one Python process: Pelican's own reader when Pelican is
 * installed for that Python, else docutils' HTML writer with Pelican's settings.
 *
 * @param script the path of `read-rst.py` (bundled code cannot find it from its own URL)
 */
export async function readRstFiles(paths: readonly string[], options: RstOptions, script = SCRIPT): Promise<RstRead[]> {
  if (paths.length === 0) return [];
  // Pelican's own reader where a Python has it (its directives, its HTML), else docutils alone.
  const python = findPython(['docutils', 'pelican']) ?? findPython(['docutils']);
  if (!python) {
    throw new RstUnavailableError(
      `${paths.length} reStructuredText file(s) need docutils, which no Python here has (install it: apt-get install python3-docutils, or pip install docutils):\n${paths.map((path) => `  ${path}`).join('\n')}`,
    );
  }
  const request = JSON.stringify({ paths, lang: options.lang, docutils: options.docutils ?? {}, formatted: options.formatted ?? ['summary'] });
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(python, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${python} ${script} failed: ${stderr.trim().split('\n').at(-1)}`))));
    child.stdin.end(request);
  });
  return (JSON.parse(output) as { results: RstRead[] }).results;
}

/**
 * An `.rst` file's reading as a parsed source: its docinfo fields as header fields, its title, and
 * its HTML body in a form the Markdown renderer passes through untouched.
 */
export function parsedFromRst(read: RstRead): ParsedSource {
  const fields = new Map<string, HeaderField>();
  for (const [key, value] of Object.entries(read.metadata ?? {})) {
    const values = Array.isArray(value) ? [value.join(', ')] : [value];
    fields.set(key.toLowerCase(), { key, values: key.toLowerCase() === 'summary' ? [htmlAsMarkdown(values[0] ?? '')] : values, line: 1 });
  }
  if (!fields.has('title') && read.title) fields.set('title', { key: 'title', values: [decodeHTML(read.title.replace(/<[^>]*>/g, ''))], line: 1 });
  const problems = read.error ? [{ line: 1, message: `cannot be read as reStructuredText: ${read.error}` }] : [];
  return { fields, body: htmlAsMarkdown(read.body ?? ''), bodyLine: 1, problems };
}
