import type { VFile } from 'vfile';
import type { IntrasiteContext } from '../content/intrasite-links';

/**
 * What the Pelican loader tells the Markdown plugins about the file being rendered. It travels in
 * the `frontmatter` render option, the one per-file channel Astro's renderer has.
 */
export interface PelicanRenderContext {
  links: IntrasiteContext;
  /** Records a problem at a line of the Markdown being rendered. */
  report: (message: string, line: number | undefined) => void;
  /** How the site's Markdown differs from this project's own. Default: this project's. */
  dialect?: MarkdownDialect;
}

/**
 * Where a site's Markdown is rendered as Pelican rendered it rather than as this project does by
 * default: a site moved from Pelican (a `pelicanconf.py`) keeps its pages as its readers know them.
 */
export interface MarkdownDialect {
  /** Move a body's `#` headings down below the page's title (one `<h1>` a page). Pelican does not. */
  shiftHeadings: boolean;
}

/** This project's own Markdown. */
export const PROJECT_DIALECT: MarkdownDialect = { shiftHeadings: true };
/** Pelican's, for a `pelicanconf.py` site. */
export const PELICAN_DIALECT: MarkdownDialect = { shiftHeadings: false };

const KEY = 'pelicanRenderContext';

/** The frontmatter option that carries a render context. */
export function renderContextOption(context: PelicanRenderContext): Record<string, unknown> {
  return { [KEY]: context };
}

/** The render context of a file, when the Pelican loader renders it. */
export function renderContextOf(file: VFile): PelicanRenderContext | undefined {
  return file.data.astro?.frontmatter?.[KEY] as PelicanRenderContext | undefined;
}
