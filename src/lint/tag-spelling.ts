import type { Diagnostic } from './diagnostic';

/** A tag as written somewhere: which file, and where its `Tags:` line is. */
export interface TagUse {
  file: string;
  line: number;
  tag: string;
  /** The full `Tags:` line as written, for the fix. */
  lineText: string;
}

/**
 * The key two spellings of one tag share: case and accents dropped (`Producción`, `produccion`).
 *
 * @example tagKey('Producción') // 'produccion'
 */
export const tagKey = (tag: string): string =>
  tag
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();

/**
 * Tags spelled in more than one way across the site. Pelican merges them by slug anyway, but
 * readers see both spellings; the most used one (the accented one, on a tie) is suggested, and
 * `--fix` rewrites the others.
 */
export function tagSpellingDiagnostics(uses: readonly TagUse[]): Diagnostic[] {
  const groups = new Map<string, Map<string, number>>();
  for (const { tag } of uses) {
    const spellings = groups.get(tagKey(tag)) ?? new Map<string, number>();
    spellings.set(tag, (spellings.get(tag) ?? 0) + 1);
    groups.set(tagKey(tag), spellings);
  }
  const found: Diagnostic[] = [];
  for (const use of uses) {
    const spellings = groups.get(tagKey(use.tag))!;
    if (spellings.size < 2) continue;
    // The most used spelling; on a tie the accented one (accents are dropped by mistake, not added).
    const accents = (spelling: string) => spelling.normalize('NFD').length - spelling.length;
    const preferred = [...spellings].reduce((best, candidate) =>
      candidate[1] > best[1] || (candidate[1] === best[1] && accents(candidate[0]) > accents(best[0])) ? candidate : best,
    )[0];
    if (use.tag === preferred) continue;
    const others = [...spellings.keys()].map((spelling) => `"${spelling}"`).join(', ');
    found.push({
      file: use.file,
      line: use.line,
      column: Math.max(0, use.lineText.indexOf(use.tag)) + 1,
      severity: 'warning',
      rule: 'tag-spelling',
      message: `tag "${use.tag}" is spelled ${spellings.size} ways on the site (${others}); use "${preferred}"`,
      fix: { find: use.tag, replace: preferred },
    });
  }
  return found;
}
