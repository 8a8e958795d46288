import { relative, sep } from 'node:path';
import { AstroError } from 'astro/errors';

/**
 * A file's path as shown in messages: relative to the working folder when inside it, with `/`.
 *
 * @example displayPath('/work/site/content/x.md', '/work/site') // 'content/x.md'
 */
export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path);
  return shown.startsWith('..') ? path : shown.split(sep).join('/');
}

/** One mistake in the content, located well enough for an author to fix it. */
export interface ContentProblem {
  /** Path as shown to the author (relative to the working folder when inside it). */
  file: string;
  /** 1-based line. */
  line: number;
  /** The header field, lower-cased, when the problem is in one. */
  field?: string;
  /** The value as written. */
  value?: string;
  message: string;
  /**
   * `warning`: the entry is still published, as Pelican publishes it (a link or image to a file
   * that is not there); `npm run build -- --strict` fails on warnings too. Default: an error.
   */
  severity?: 'warning';
}

/**
 * One problem as a line editors and CI logs can link: `file:line field "value" message`.
 *
 * @example formatProblem({ file: 'content/x.md', line: 2, field: 'date', value: '2019-13-04', message: 'is not a date' })
 * // 'content/x.md:2 date "2019-13-04" is not a date'
 */
export function formatProblem(problem: ContentProblem): string {
  const value = problem.value === undefined ? '' : ` ${JSON.stringify(problem.value)}`;
  const subject = problem.field ? ` ${problem.field}${value}` : '';
  return `${problem.file}:${problem.line}${subject} ${problem.message}`;
}

/**
 * Thrown once per load with every problem found, so authors fix them all in one round. An Astro
 * user error, so the build prints the list and a hint rather than a stack trace into the loader.
 */
export class ContentError extends AstroError {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super(
      `The content has ${count}:\n${sorted.map(formatProblem).join('\n')}`,
      'Fix each line above in the file it names: the dev server picks the fix up as you save, a build must be run again.',
    );
    this.name = 'ContentError';
    this.problems = sorted;
    this.stack = '';
  }
}
